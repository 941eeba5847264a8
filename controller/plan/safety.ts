import type { Brake, HostPlan } from '../types/plan.js';

/** The safety policy the plan enforces. */
export interface SafetyPolicy {
  /** Most destructive actions (deletes) one plan may carry; more engages the brake. */
  maxDeletions: number;
  /** Share of hosts that may be unreachable before destructive work stops (0..1). */
  maxUnreachableFraction: number;
  /** Allow a desired state with nothing in it to delete everything gitvirt owns. */
  allowEmpty: boolean;
}

/** Defaults of the safety policy. */
export const DEFAULT_SAFETY_POLICY: SafetyPolicy = { maxDeletions: 10, maxUnreachableFraction: 0.5, allowEmpty: false };

/** What the brake check looks at. */
export interface BrakeInput {
  hosts: readonly HostPlan[];
  desiredIsEmpty: boolean;
  policy: SafetyPolicy;
}

/** Checks, in order of severity, whether the brake must engage; undefined when all is well. */
export function checkBrake({ hosts, desiredIsEmpty, policy }: BrakeInput): Brake | undefined {
  const deletions = hosts.reduce((sum, host) => sum + host.actions.filter((a) => a.destructive).length, 0);
  if (desiredIsEmpty && deletions > 0 && !policy.allowEmpty) {
    return {
      code: 'EmptyDesiredState',
      message: `the repository describes no VMs or networks, which would delete all ${deletions} objects gitvirt owns; refusing (allow it explicitly if this is intended)`,
    };
  }
  const unreachable = hosts.filter((host) => !host.reachable).length;
  if (hosts.length > 1 && unreachable / hosts.length > policy.maxUnreachableFraction) {
    return {
      code: 'TooManyHostsUnreachable',
      message: `${unreachable} of ${hosts.length} hosts are unreachable (limit ${Math.round(policy.maxUnreachableFraction * 100)}%); deletions are held back until they answer`,
    };
  }
  if (deletions > policy.maxDeletions) {
    return {
      code: 'TooManyDeletions',
      message: `the plan deletes ${deletions} objects, more than the limit of ${policy.maxDeletions}; raise maxDeletions if this is intended`,
    };
  }
  return undefined;
}

/** Holds back every action of an object that has a destructive action (so a replace is never half done), as skipped. */
export function holdDestructive(host: HostPlan, brake: Brake): HostPlan {
  const ownerKey = (owner: { kind: string; name: string }) => `${owner.kind}/${owner.name}`;
  const heldOwners = new Set(host.actions.filter((action) => action.destructive).map((action) => ownerKey(action.owner)));
  if (heldOwners.size === 0) return host;
  const held = host.actions.filter((action) => heldOwners.has(ownerKey(action.owner)));
  return {
    ...host,
    actions: host.actions.filter((action) => !heldOwners.has(ownerKey(action.owner))),
    skipped: [
      ...host.skipped,
      ...held.filter((action) => action.destructive).map((action) => ({
        host: host.host,
        owner: action.owner,
        reason: 'BrakeEngaged' as const,
        message: `${action.kind} of ${action.owner.kind} ${action.owner.name} held back: ${brake.message}`,
      })),
    ],
  };
}
