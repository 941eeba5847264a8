/** Log lines of the controller loop: one JSON line per event, each with the revision (and host when there is one). */
import type { Logger } from '../log/index.js';
import { formatDiagnostic } from '../types/diagnostic.js';
import type { CycleOutcome, CycleReport, FetchRecord } from './loop-types.js';
import type { ReconcileEvent } from './reconcile-once.js';

/** Level of the end-of-cycle line per outcome. */
const OUTCOME_LEVEL: Readonly<Record<CycleOutcome, 'info' | 'warn' | 'error'>> = {
  converged: 'info',
  aborted: 'info',
  degraded: 'warn',
  stalled: 'error',
  'no-source': 'error',
  failed: 'error',
};

/** Most diagnostics logged for a stalled revision (the status branch holds them all). */
const MAX_LOGGED_DIAGNOSTICS = 20;

/** A listener for reconcile events that logs host failures and every action that ran. */
export function reconcileEventLogger(log: Logger): (event: ReconcileEvent) => void {
  return (event) => {
    if (event.type === 'observed') {
      if (!event.ok) log.warn('host unreachable', { host: event.host, error: event.error, durationMs: Math.round(event.durationMs) });
      else log.debug('host observed', { host: event.host, durationMs: Math.round(event.durationMs) });
      return;
    }
    if (event.type === 'planned') {
      const { summary } = event.computed;
      log.debug('plan computed', { add: summary.add, change: summary.change, destroy: summary.destroy, skipped: summary.skipped });
      return;
    }
    const e = event.event;
    if (e.type !== 'action-end') return;
    const { entry } = e;
    const fields = { host: entry.host, action: entry.kind, target: entry.target, owner: `${entry.owner.kind}/${entry.owner.name}`, result: entry.result, drift: entry.drift, durationMs: entry.durationMs };
    if (entry.result === 'failed') log.error('action failed', { ...fields, error: entry.error });
    else if (entry.result === 'skipped') log.info('action skipped', { ...fields, reason: entry.reason });
    else if (entry.result !== 'unchanged') log.info(entry.drift ? 'drift corrected' : 'action applied', { ...fields, reason: entry.reason });
  };
}

/** Logs a failed fetch (the cycle goes on with the last good revision). */
export function logFetch(log: Logger, fetch: FetchRecord, keptRevision: string | null): void {
  if (fetch.ok) log.debug('source fetched', { durationMs: Math.round(fetch.durationMs), changed: fetch.changed });
  else if (fetch.reason === 'aborted') log.debug('source fetch interrupted by shutdown', { keptRevision });
  else log.error('source fetch failed', { reason: fetch.reason, error: fetch.error, durationMs: Math.round(fetch.durationMs), keptRevision });
}

/** Logs the end of a cycle: stalled diagnostics, a loud line when the brake is engaged, and the summary. */
export function logCycle(log: Logger, report: CycleReport): void {
  const result = report.result;
  if (report.outcome === 'stalled' && result !== undefined) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors.slice(0, MAX_LOGGED_DIAGNOSTICS)) log.error('manifest error', { diagnostic: formatDiagnostic(d), file: d.file, line: d.line, code: d.code });
  }
  if (report.brake !== undefined) {
    const held = result?.computed?.plan.hosts.flatMap((h) => h.skipped).filter((s) => s.reason === 'BrakeEngaged').length ?? 0;
    log.error(`BRAKE ENGAGED (${report.brake.code}): destructive actions held back: ${report.brake.message}`, { brake: report.brake.code, heldBack: held });
  }
  if (report.outcome === 'failed') log.error('cycle failed with an internal error', { error: report.error });
  const changes = result?.changeSet?.entries.filter((e) => e.result === 'created' || e.result === 'configured' || e.result === 'deleted').length ?? 0;
  log[OUTCOME_LEVEL[report.outcome]]('cycle finished', {
    cycle: report.cycle, wake: report.wake, outcome: report.outcome, condition: report.condition, reason: report.reason,
    message: report.message, durationMs: Math.round(report.durationMs), changes, lastAppliedRevision: report.lastAppliedRevision,
  });
}
