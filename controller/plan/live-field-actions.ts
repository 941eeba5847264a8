import type { FieldChange } from '../types/change.js';
import type { DesiredVm } from '../types/desired.js';
import type { Action } from '../types/plan.js';
import { makeAction, type ActionScope } from './make-action.js';

/** Turns one changed field of a running domain into the action that applies it live, or null. */
type LiveRule = (scope: ActionScope, vm: DesiredVm, match: RegExpExecArray) => Action | null;

/** Live-class fields and how each is applied to a running domain (`--live --config`). */
export const LIVE_FIELD_RULES: readonly { pattern: RegExp; rule: LiveRule }[] = [
  {
    pattern: /^memoryMiB$/,
    rule: (scope, vm) => makeAction(scope, 'domain.set-memory', `memory ${vm.memoryMiB} MiB`, { name: vm.name, memoryMiB: vm.memoryMiB }),
  },
  {
    pattern: /^cpuShares$/,
    rule: (scope, vm) => {
      const shares = vm.cpuTune?.shares;
      return shares === undefined ? null : makeAction(scope, 'domain.set-cpu-shares', `cpu shares ${shares}`, { name: vm.name, shares });
    },
  },
  {
    pattern: /^disks\[([a-z0-9]+)\]\.iotune/,
    rule: (scope, vm, match) => {
      const disk = vm.disks.find((candidate) => candidate.target === match[1]);
      if (disk === undefined) return null;
      return makeAction(scope, 'domain.set-iotune', `I/O limits of disk ${disk.name}`, {
        name: vm.name, target: disk.target, iotune: disk.iotune ?? {},
      });
    },
  },
];

/** The live actions for a running domain's live-class field changes, one per rule and target. */
export function liveFieldActions(scope: ActionScope, vm: DesiredVm, fields: readonly FieldChange[]): Action[] {
  const actions = new Map<string, Action>();
  for (const field of fields) {
    if (field.class !== 'live') continue;
    for (const { pattern, rule } of LIVE_FIELD_RULES) {
      const match = pattern.exec(field.path);
      if (match === null) continue;
      const action = rule(scope, vm, match);
      if (action !== null) actions.set(`${action.kind}/${match[1] ?? ''}`, action);
    }
  }
  return [...actions.values()];
}
