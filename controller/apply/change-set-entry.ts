/** Builds change set entries: for an action that ran, failed or was skipped, and for a plan-skipped change. */
import { CONVERGE_ORDER, PRUNE_ORDER } from '../plan/index.js';
import type { ChangeSetEntry, ErrorInfo } from '../types/change-set.js';
import type { OwnerKind } from '../types/desired.js';
import type { ActionOutcome } from '../types/host-client.js';
import type { Action, ActionKind, SkipReason, SkippedChange } from '../types/plan.js';
import { actionTarget } from './action-target.js';

/** Fields every entry of an action shares. */
function base(action: Action): Pick<ChangeSetEntry, 'host' | 'kind' | 'owner' | 'drift' | 'target'> {
  return { host: action.host, kind: action.kind, owner: action.owner, drift: action.drift, target: actionTarget(action) };
}

/** An action that ran and reported its outcome. */
export function ranEntry(action: Action, outcome: ActionOutcome, durationMs: number): ChangeSetEntry {
  return {
    ...base(action), reason: action.reason, result: outcome.result, durationMs,
    ...(outcome.message === undefined ? {} : { message: outcome.message }),
  };
}

/** An action that ran and failed. */
export function failedEntry(action: Action, error: ErrorInfo, durationMs: number): ChangeSetEntry {
  return { ...base(action), reason: action.reason, result: 'failed', message: error.message, error, durationMs };
}

/** An action that did not run, and why not. */
export function skippedActionEntry(action: Action, why: string): ChangeSetEntry {
  return { ...base(action), reason: why, result: 'skipped', message: `not run (planned because ${action.reason})`, durationMs: 0 };
}

/** The action kind that would create or define an object of each owner kind. */
const DEFINE_KIND: Readonly<Record<OwnerKind, ActionKind>> = {
  VirtualMachine: 'domain.define', Network: 'network.define', Image: 'image.fetch', Pool: 'pool.ensure',
};
/** The action kind that would delete an object of each owner kind. */
const DELETE_KIND: Readonly<Record<OwnerKind, ActionKind>> = {
  VirtualMachine: 'domain.delete', Network: 'network.delete', Image: 'volume.delete', Pool: 'volume.delete',
};
/** Per skip reason: the kind of action the plan held back. */
const SKIPPED_KIND: Readonly<Record<SkipReason, (owner: OwnerKind) => ActionKind>> = {
  DeletionProtected: (owner) => DELETE_KIND[owner],
  BrakeEngaged: (owner) => DELETE_KIND[owner],
  RestartRequired: () => 'domain.restart',
  SelfHealDisabled: (owner) => DEFINE_KIND[owner],
  NotOwned: (owner) => DEFINE_KIND[owner],
  HostUnreachable: (owner) => DEFINE_KIND[owner],
  RolloutPending: () => 'domain.restart',
  DrainPending: () => 'domain.migrate',
  MigrationPending: () => 'domain.migrate',
};
const ACTION_KINDS: ReadonlySet<string> = new Set([...CONVERGE_ORDER, ...PRUNE_ORDER]);

/** The kind of action a skipped change held back: its own `kind` if it names one, the kind its message starts with, else by reason. */
export function skippedKind(skip: SkippedChange): ActionKind {
  const named = (skip as SkippedChange & { kind?: unknown }).kind;
  if (typeof named === 'string' && ACTION_KINDS.has(named)) return named as ActionKind;
  const leading = /^([a-z]+\.[a-z-]+) of /.exec(skip.message)?.[1];
  if (leading !== undefined && ACTION_KINDS.has(leading)) return leading as ActionKind;
  return SKIPPED_KIND[skip.reason](skip.owner.kind);
}

/** A change the plan deliberately did not carry out. */
export function planSkipEntry(skip: SkippedChange): ChangeSetEntry {
  return {
    host: skip.host, kind: skippedKind(skip), owner: skip.owner, reason: skip.reason, drift: false,
    result: 'skipped', message: skip.message, durationMs: 0,
  };
}
