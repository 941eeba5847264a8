/** Shapes of the controller loop: what one cycle reports, and the capabilities the loop is given. */
import type { LivePlacement } from '../compile/index.js';
import type { ControllerConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RolloutState } from '../rollout/index.js';
import type { SourceRevision, Trigger, WakeReason } from '../source/index.js';
import type { Transport } from '../transport/index.js';
import type { ErrorInfo } from '../types/change-set.js';
import type { ValidationResult } from '../types/manifest.js';
import type { Brake } from '../types/plan.js';
import type { ReconcileOnceArgs, ReconcileResult } from './reconcile-once.js';

/**
 * How one cycle ended, worst first: an internal error; no revision to reconcile yet (the source was
 * never fetched); the revision is invalid (nothing applied); applied with failures, unreachable
 * hosts, unplaced VMs or the brake; cut short by shutdown; everything applied.
 */
export type CycleOutcome = 'failed' | 'no-source' | 'stalled' | 'degraded' | 'aborted' | 'converged';

/** Every cycle outcome, worst first. */
export const CYCLE_OUTCOMES: readonly CycleOutcome[] = ['failed', 'no-source', 'stalled', 'degraded', 'aborted', 'converged'];

/** Condition type a cycle sets on the controller: Ready when converged, Stalled when waiting for a new revision, else Reconciling. */
export type CycleCondition = 'Ready' | 'Reconciling' | 'Stalled';

/** What started a cycle. */
export type CycleWake = 'start' | Exclude<WakeReason, 'aborted'>;

/** How fetching the source went this cycle. */
export type FetchRecord =
  | { ok: true; durationMs: number; changed: boolean }
  | { ok: false; durationMs: number; error: ErrorInfo; reason: string };

/** Everything one cycle found and did, handed to status, metrics and logs. */
export interface CycleReport {
  /** 1 for the first cycle of this process. */
  cycle: number;
  wake: CycleWake;
  outcome: CycleOutcome;
  condition: CycleCondition;
  /** CamelCase reason of the condition, e.g. `ReconciliationSucceeded`, `ValidationFailed`, `BrakeEngaged`. */
  reason: string;
  /** One line for people. */
  message: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  fetch: FetchRecord;
  /** The source revision reconciled (the last good one when the fetch failed), or null with none. */
  source: SourceRevision | null;
  /** Revision whose plan last ran (this one when applied, else the previous one). */
  lastAppliedRevision: string | null;
  /** The manifests as read this cycle (names every resource, valid or not). */
  validation?: ValidationResult;
  /** The reconcile of this cycle (absent when there was no revision or it threw). */
  result?: ReconcileResult;
  /** The brake, when the plan engaged it. */
  brake?: Brake;
  /** The internal error of a `failed` cycle. */
  error?: ErrorInfo;
}

/** What a status write did: the commit on the status branch (null when status did not change) and whether the source commit got a note. */
export interface StatusWriteResult {
  commit: string | null;
  noted: boolean;
}

/**
 * Records a cycle in git: status files on the status branch (one commit, only when they change) and
 * a note on the reconciled source commit. Called without a signal: a write is never abandoned half-way.
 */
export interface StatusWriter {
  write(report: CycleReport): Promise<StatusWriteResult>;
  /** The rollout gate's memory from the last recorded status, so a restarted controller resumes rollouts with their timers. */
  resumeRollouts?(): Promise<RolloutState | undefined>;
}

/** Where revisions come from: a git source or a local directory. */
export interface LoopSource {
  sync(options?: { signal?: AbortSignal }): Promise<SourceRevision>;
  lastGood(): SourceRevision | null;
}

/** Time, and the wait between cycles. */
export interface LoopClock {
  now(): number;
  /** Resolves after `intervalMs`, when the trigger fires, or when the signal aborts. */
  wait(args: { intervalMs: number; signal?: AbortSignal; trigger?: Trigger }): Promise<WakeReason>;
}

/** What the loop reports to metrics (the metrics module's `ControllerMetrics` implements it). */
export interface LoopMetrics {
  cycleStarted(atMs: number): void;
  fetchFinished(fetch: FetchRecord): void;
  cycleFinished(report: CycleReport, atMs: number): void;
  statusWriteFailed(): void;
}

/** The capabilities of the controller loop. */
export interface ControllerDeps {
  source: LoopSource;
  transport: Transport;
  statusWriter: StatusWriter;
  metrics: LoopMetrics;
  logger: Logger;
  clock?: LoopClock;
  /** Fired by the webhook or the directory watcher to start a cycle at once. */
  trigger?: Trigger;
  /** One reconcile (default `reconcileOnce`). */
  reconcile?: (args: ReconcileOnceArgs) => Promise<ReconcileResult>;
  /** Reads and validates the manifests of a revision (default: the manifests module's `readRepo`). */
  readRepo?: (args: { dir: string }) => Promise<ValidationResult>;
}

/** The part of the configuration the loop reads. */
export type LoopConfig = Pick<ControllerConfig, 'intervalMs' | 'safety' | 'concurrency'>;

/** State carried from one cycle to the next. */
export interface LoopState {
  cycle: number;
  lastAppliedRevision: string | null;
  /** Where owned VMs were last seen, so a VM on a host that stops answering is not placed elsewhere. */
  placement: LivePlacement;
  lastReport: CycleReport | null;
  /** Cluster rollout state (health timers of members) carried to the next cycle. */
  rollouts?: RolloutState;
}
