/** Condition reasons: what each one says about Ready, Reconciling and Stalled, worst first. */
import type { CompileUnplacedCode } from '../compile/index.js';
import type { SkipReason } from '../types/plan.js';

/** Why a resource is (not) Ready. CamelCase, closed set. */
export type StatusReason =
  | 'InvalidManifests'
  | 'BrakeEngaged'
  | 'ApplyFailed'
  | 'HostUnreachable'
  | 'RolloutStalled'
  | CompileUnplacedCode
  | 'NotOwned'
  | 'DeletionProtected'
  | 'RestartRequired'
  | 'SelfHealDisabled'
  | 'RollingUpdate'
  | 'RolloutPending'
  | 'DrainPending'
  | 'MigrationPending'
  | 'Progressing'
  | 'Applied'
  | 'Unchanged';

/** What a reason means for the three conditions, and whether it is an error (recorded as `lastError`). */
export interface ReasonRule {
  ready: boolean;
  /** Work is under way or will be retried next cycle. */
  reconciling: boolean;
  /** Nothing will change until someone changes the manifests or the host. */
  stalled: boolean;
  error: boolean;
}

/** Every reason, worst first: the order in which a resource's findings compete and tables sort. */
export const REASON_RULES: Readonly<Record<StatusReason, ReasonRule>> = {
  InvalidManifests: { ready: false, reconciling: false, stalled: true, error: true },
  BrakeEngaged: { ready: false, reconciling: false, stalled: true, error: false },
  ApplyFailed: { ready: false, reconciling: true, stalled: false, error: true },
  HostUnreachable: { ready: false, reconciling: true, stalled: false, error: true },
  RolloutStalled: { ready: false, reconciling: false, stalled: true, error: true },
  InsufficientCapacity: { ready: false, reconciling: false, stalled: true, error: true },
  AntiAffinity: { ready: false, reconciling: false, stalled: true, error: true },
  CapacityUnknown: { ready: false, reconciling: false, stalled: true, error: true },
  HostCordoned: { ready: false, reconciling: false, stalled: true, error: true },
  HostNotFound: { ready: false, reconciling: false, stalled: true, error: true },
  NoMatchingHost: { ready: false, reconciling: false, stalled: true, error: true },
  PlacementConflict: { ready: false, reconciling: false, stalled: true, error: true },
  InvalidReference: { ready: false, reconciling: false, stalled: true, error: true },
  NotOwned: { ready: false, reconciling: false, stalled: true, error: true },
  DeletionProtected: { ready: false, reconciling: false, stalled: true, error: false },
  RestartRequired: { ready: false, reconciling: false, stalled: true, error: false },
  SelfHealDisabled: { ready: false, reconciling: false, stalled: true, error: false },
  RollingUpdate: { ready: false, reconciling: true, stalled: false, error: false },
  RolloutPending: { ready: false, reconciling: true, stalled: false, error: false },
  DrainPending: { ready: false, reconciling: true, stalled: false, error: false },
  MigrationPending: { ready: false, reconciling: true, stalled: false, error: false },
  Progressing: { ready: false, reconciling: true, stalled: false, error: false },
  Applied: { ready: true, reconciling: false, stalled: false, error: false },
  Unchanged: { ready: true, reconciling: false, stalled: false, error: false },
};

/** Reasons worst first. */
export const REASON_ORDER: readonly StatusReason[] = Object.keys(REASON_RULES) as StatusReason[];

/** Rank of a reason (0 = worst); unknown reasons (from an older status) rank after every known one. */
export function reasonRank(reason: string): number {
  const index = (REASON_ORDER as readonly string[]).indexOf(reason);
  return index === -1 ? REASON_ORDER.length : index;
}

/** Plan skip reasons, which are status reasons of the same name. */
export const SKIP_REASONS: ReadonlySet<SkipReason> = new Set<SkipReason>([
  'DeletionProtected', 'RestartRequired', 'SelfHealDisabled', 'BrakeEngaged', 'HostUnreachable', 'NotOwned', 'RolloutPending',
  'DrainPending', 'MigrationPending',
]);
