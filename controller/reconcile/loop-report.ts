/** Turns what a cycle gathered into its report: outcome, condition, reason and message (pure). */
import { summarizeChangeSet } from '../apply/index.js';
import { formatDiagnostic } from '../types/diagnostic.js';
import type { ErrorInfo } from '../types/change-set.js';
import type { ValidationResult } from '../types/manifest.js';
import type { SourceRevision } from '../source/index.js';
import type { CycleCondition, CycleOutcome, CycleReport, CycleWake, FetchRecord } from './loop-types.js';
import type { ReconcileResult } from './reconcile-once.js';

/** Everything a cycle gathered, before it is judged. */
export interface CycleFacts {
  cycle: number;
  wake: CycleWake;
  startedAtMs: number;
  finishedAtMs: number;
  fetch: FetchRecord;
  source: SourceRevision | null;
  previousAppliedRevision: string | null;
  aborted: boolean;
  validation?: ValidationResult;
  result?: ReconcileResult;
  error?: ErrorInfo;
}

/** Condition of each outcome. */
const CONDITION: Readonly<Record<CycleOutcome, CycleCondition>> = {
  failed: 'Reconciling',
  'no-source': 'Reconciling',
  stalled: 'Stalled',
  degraded: 'Reconciling',
  aborted: 'Reconciling',
  converged: 'Ready',
};

/** Why an applied cycle is degraded, most important first; the first that holds names the reason. */
const DEGRADED_REASONS: readonly { reason: string; holds: (r: ReconcileResult) => string | undefined }[] = [
  { reason: 'BrakeEngaged', holds: (r) => r.computed?.plan.brake?.message },
  {
    reason: 'ApplyFailed',
    holds: (r) => {
      const failed = r.changeSet?.entries.filter((e) => e.result === 'failed') ?? [];
      return failed.length === 0 ? undefined : `${failed.length} action${failed.length === 1 ? '' : 's'} failed; first: ${failed[0]?.host} ${failed[0]?.kind}: ${failed[0]?.error?.message ?? ''}`;
    },
  },
  {
    reason: 'HostUnreachable',
    holds: (r) => {
      const down = Object.entries(r.observed).filter(([, o]) => !o.ok).map(([host]) => host);
      return down.length === 0 ? undefined : `unreachable: ${down.join(', ')}`;
    },
  },
  {
    reason: 'UnplacedVMs',
    holds: (r) => {
      const unplaced = r.computed?.desired.unplaced ?? [];
      return unplaced.length === 0 ? undefined : `${unplaced.length} VM${unplaced.length === 1 ? '' : 's'} could not be placed: ${unplaced.map((u) => `${u.vm} (${u.reason})`).slice(0, 3).join('; ')}`;
    },
  },
];

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}

/** Outcome, reason and message of a cycle. */
function judge(f: CycleFacts): { outcome: CycleOutcome; reason: string; message: string } {
  if (f.error !== undefined) return { outcome: 'failed', reason: 'InternalError', message: f.error.message };
  if (f.source === null) {
    const why = f.fetch.ok ? 'no revision' : f.fetch.error.message;
    return { outcome: f.aborted ? 'aborted' : 'no-source', reason: f.aborted ? 'Interrupted' : 'SourceUnavailable', message: `nothing to reconcile yet: ${why}` };
  }
  const r = f.result;
  if (r === undefined || f.aborted) {
    return { outcome: 'aborted', reason: 'Interrupted', message: `shutdown during the cycle of ${short(f.source.revision)}; the running action finished, the rest was skipped` };
  }
  if (r.outcome === 'invalid' || (r.outcome === 'refused' && r.changeSet === undefined)) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] === undefined ? (r.reason ?? 'the manifests have errors') : formatDiagnostic(errors[0]);
    const count = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { outcome: 'stalled', reason: r.outcome === 'invalid' ? 'ValidationFailed' : 'CompileFailed', message: `revision ${short(r.revision)} not applied: ${first}${count}` };
  }
  for (const { reason, holds } of DEGRADED_REASONS) {
    const message = holds(r);
    if (message !== undefined) return { outcome: 'degraded', reason, message: `revision ${short(r.revision)}: ${message}` };
  }
  const changed = r.changeSet === undefined ? 0 : summarizeChangeSet(r.changeSet).changed;
  return {
    outcome: 'converged',
    reason: 'ReconciliationSucceeded',
    message: `revision ${short(r.revision)} applied: ${changed === 0 ? 'no changes' : `${changed} change${changed === 1 ? '' : 's'}`}`,
  };
}

/** Whether the plan of this cycle ran, even in part (its revision is then the applied one). */
function planRan(f: CycleFacts): boolean {
  return f.result?.outcome === 'applied' && f.result.changeSet !== undefined && !f.aborted;
}

/** Builds the report of a cycle from its facts. */
export function cycleReport(f: CycleFacts): CycleReport {
  const { outcome, reason, message } = judge(f);
  const fetchNote = f.fetch.ok || f.source === null ? '' : ` (fetch failed, kept the last good revision: ${f.fetch.error.message})`;
  const brake = f.result?.computed?.plan.brake;
  return {
    cycle: f.cycle,
    wake: f.wake,
    outcome,
    condition: CONDITION[outcome],
    reason,
    message: `${message}${fetchNote}`,
    startedAt: new Date(f.startedAtMs).toISOString(),
    finishedAt: new Date(f.finishedAtMs).toISOString(),
    durationMs: Math.max(0, f.finishedAtMs - f.startedAtMs),
    fetch: f.fetch,
    source: f.source,
    lastAppliedRevision: planRan(f) ? (f.result?.revision ?? null) : f.previousAppliedRevision,
    ...(f.validation === undefined ? {} : { validation: f.validation }),
    ...(f.result === undefined ? {} : { result: f.result }),
    ...(brake === undefined ? {} : { brake }),
    ...(f.error === undefined ? {} : { error: f.error }),
  };
}
