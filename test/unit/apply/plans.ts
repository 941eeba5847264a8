/** Small hand-made plans for apply tests. */
import type { Action, ActionKind, HostPlan, Plan, SkippedChange } from '../../../controller/types/plan.js';

/** An action of `kind` on `host` acting on `name` (owned by VM `owner`, default `name`). */
export function act(host: string, kind: ActionKind, name: string, extra: { owner?: string; drift?: boolean } = {}): Action {
  const volume = kind.startsWith('volume.') || kind === 'seed.create';
  const params = kind === 'pool.ensure'
    ? { pool: { name, path: `/pools/${name}` }, xml: '' }
    : volume ? { pool: 'gitvirt', volume: name, path: `/pools/gitvirt/${name}` } : { name };
  return {
    kind, host, owner: { kind: 'VirtualMachine', name: extra.owner ?? name }, reason: `because ${kind} ${name}`,
    destructive: kind.endsWith('.delete'), drift: extra.drift ?? false, params,
  } as Action;
}

/** A reachable host's plan. */
export function hostPlan(host: string, actions: Action[], skipped: SkippedChange[] = []): HostPlan {
  return { host, reachable: true, actions, skipped };
}

/** A plan of the given hosts at revision `rev1`. */
export function planOf(...hosts: HostPlan[]): Plan {
  return { revision: 'rev1', hosts };
}

/** A VM's usual actions on one host: disk, seed, define, start. */
export function vmActions(host: string, vm: string): Action[] {
  return [
    act(host, 'volume.create', `${vm}-root.qcow2`, { owner: vm }),
    act(host, 'seed.create', `${vm}-seed-0123456789ab.iso`, { owner: vm }),
    act(host, 'domain.define', vm),
    act(host, 'domain.start', vm),
  ];
}
