import { renderDomainXml, type DomainRenderContext } from '../libvirt/index.js';
import type { Change, FieldChange } from '../types/change.js';
import type { DesiredHostState, DesiredVm } from '../types/desired.js';
import type { LiveDomain } from '../types/live.js';
import type { Action, SkippedChange } from '../types/plan.js';
import { liveFieldActions } from './live-field-actions.js';
import { makeAction, type ActionScope } from './make-action.js';
import { createDiskAction } from './plan-storage.js';

/** What planning one desired VM needs. */
export interface DomainPlanInput {
  desired: DesiredHostState;
  vm: DesiredVm;
  live: LiveDomain | undefined;
  change: Change | undefined;
  render: DomainRenderContext;
}

/** The actions and skips for one desired VM's domain. */
export interface DomainPlan {
  actions: Action[];
  skipped: SkippedChange[];
}

/** Fields of a domain change that the domain definition carries (not run state or autostart). */
const RUNTIME_FIELDS: ReadonlySet<string> = new Set(['state', 'autostart']);

/** Plans one desired VM: create, update by class (live, restart, replace), run state and autostart. */
export function planDomain(input: DomainPlanInput): DomainPlan {
  const { desired, vm, live, change } = input;
  const scope: ActionScope = { host: desired.host.name, owner: vm.owner, drift: change?.drift ?? false };
  const out: DomainPlan = { actions: [], skipped: [] };
  const define = (reason: string) =>
    out.actions.push(makeAction(scope, 'domain.define', reason, { name: vm.name, xml: renderDomainXml(vm, input.render) }));

  if (live === undefined) {
    define('domain does not exist');
    planRunState(out, scope, vm, undefined, false);
    return out;
  }
  if (live.owner === null) {
    out.skipped.push({
      host: scope.host, owner: vm.owner, reason: 'NotOwned',
      message: `a domain named ${vm.name} exists on ${scope.host} but was not created by gitvirt; rename the VM or remove that domain`,
    });
    return out;
  }
  const definition = change?.type === 'update' ? change.fields.filter((f) => !RUNTIME_FIELDS.has(f.path)) : [];
  if (change !== undefined && change.drift && !vm.selfHeal) {
    out.skipped.push({
      host: scope.host, owner: vm.owner, reason: 'SelfHealDisabled',
      message: `changed on the host by hand (${fieldList(change.fields)}); selfHeal is off, so it is left alone`,
    });
    return out;
  }
  if (definition.length > 0 && change !== undefined) {
    const update = { ...change, fields: definition };
    if (change.class === 'replace') {
      if (!planReplace(input, scope, update, out, define)) return out;
    } else {
      define(updateReason(update));
      if (live.state === 'running') planRunningUpdate(out, scope, vm, update);
    }
  }
  const stopped = out.actions.some((a) => a.kind === 'domain.stop');
  const startsAgain = out.actions.some((a) => a.kind === 'domain.restart' || a.kind === 'domain.start');
  planRunState(out, scope, vm, stopped ? { ...live, state: 'shutoff' } : live, startsAgain);
  return out;
}

/** Plans a replace-class update: stop, recreate changed disks, redefine; false when refused. */
function planReplace(input: DomainPlanInput, scope: ActionScope, change: Change, out: DomainPlan, define: (r: string) => void): boolean {
  const { vm, live } = input;
  const targets = new Set(change.fields.filter((f) => f.class === 'replace').map(diskTargetOf).filter((t) => t !== null));
  const disks = vm.disks.filter((disk) => targets.has(disk.target));
  if (disks.length > 0 && vm.deletionProtection) {
    out.skipped.push({
      host: scope.host, owner: vm.owner, reason: 'DeletionProtected',
      message: `recreating disk ${disks.map((d) => d.name).join(', ')} would destroy its data and deletionProtection is on; turn it off to allow the change`,
    });
    return false;
  }
  if (live?.state === 'running') {
    out.actions.push(makeAction(scope, 'domain.stop', 'disk or domain type is replaced; the domain must be off', {
      name: vm.name, timeoutSeconds: vm.shutdownTimeoutSeconds,
    }));
  }
  for (const disk of disks) {
    const reason = `disk ${disk.name} is recreated from image ${disk.source?.image ?? '(blank)'}`;
    out.actions.push(makeAction(scope, 'volume.delete', reason, {
      pool: disk.pool, volume: disk.volume, path: `${input.desired.pool.path}/${disk.volume}`,
    }));
    out.actions.push(createDiskAction(input.desired, vm, disk, reason));
  }
  define(updateReason(change));
  if (live?.state === 'running' && vm.runStrategy !== 'Halted') {
    out.actions.push(makeAction(scope, 'domain.start', 'start again after the replace', { name: vm.name }));
  }
  return true;
}

/** Live actions for a running domain, or a restart (or RestartRequired) for restart-class changes. */
function planRunningUpdate(out: DomainPlan, scope: ActionScope, vm: DesiredVm, change: Change): void {
  const restartFields = fieldList(change.fields.filter((f) => f.class === 'restart'));
  if (change.class === 'restart' && vm.restartPolicy === 'Automatic') {
    // the restart boots the new definition, live changes included; applying them live first can fail
    // (memory above the running maximum) and would stop the host before the restart
    out.actions.push(makeAction(scope, 'domain.restart', `restart needed for ${restartFields}`, {
      name: vm.name, timeoutSeconds: vm.shutdownTimeoutSeconds,
    }));
    return;
  }
  const maxMemoryGrows = change.fields.some((f) => f.path === 'maxMemoryMiB' && Number(f.to) > Number(f.from));
  const live = liveFieldActions(scope, vm, change.fields).filter((a) => !(maxMemoryGrows && a.kind === 'domain.set-memory'));
  out.actions.push(...live);
  if (change.class !== 'restart') return;
  out.skipped.push({
    host: scope.host, owner: vm.owner, reason: 'RestartRequired',
    message: `${restartFields} take effect at the next restart; restartPolicy is Manual`,
  });
}

/** Start, stop and autostart so the domain matches runStrategy and autostart. */
function planRunState(out: DomainPlan, scope: ActionScope, vm: DesiredVm, live: LiveDomain | undefined, restarting: boolean): void {
  const running = live?.state === 'running' || live?.state === 'paused' || live?.state === 'blocked';
  const existed = live !== undefined;
  const stateScope = { ...scope, drift: existed };
  if (vm.runStrategy === 'Always' && !running && !restarting) {
    const reason = existed ? `runStrategy is Always but the domain is ${live.state}` : 'runStrategy is Always';
    out.actions.push(makeAction(stateScope, 'domain.start', reason, { name: vm.name }));
  } else if (vm.runStrategy === 'Halted' && running) {
    out.actions.push(makeAction(stateScope, 'domain.stop', 'runStrategy is Halted', { name: vm.name, timeoutSeconds: vm.shutdownTimeoutSeconds }));
  }
  if ((live?.autostart ?? false) !== vm.autostart) {
    out.actions.push(makeAction(stateScope, 'domain.set-autostart', `autostart should be ${vm.autostart ? 'on' : 'off'}`, {
      name: vm.name, enabled: vm.autostart,
    }));
  }
}

/** The disk target a field path names (`disks[vda]...`), or null. */
export function diskTargetOf(field: FieldChange): string | null {
  return /^disks\[([a-z0-9]+)\]/.exec(field.path)?.[1] ?? null;
}

/** A short list of changed field paths. */
function fieldList(fields: readonly FieldChange[]): string {
  const paths = fields.map((f) => f.path);
  return paths.length <= 4 ? paths.join(', ') : `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more`;
}

/** Reason line of an update: its class, drift, and fields. */
function updateReason(change: Change): string {
  const what = change.drift ? 'changed on the host by hand' : `${change.class ?? 'live'} change`;
  return `${what}: ${fieldList(change.fields)}`;
}
