/**
 * The controller loop of `gitvirt run`: cycle after cycle (fetch, validate, compile, observe, plan,
 * apply, status, metrics), waiting the interval between them or less when a webhook or the
 * directory watcher fires. Stops when the signal aborts: the wait ends at once; a running apply
 * finishes its current action and skips the rest; status is written only as a whole commit.
 */
import { waitForTrigger } from '../source/index.js';
import { errorInfo } from '../apply/index.js';
import { initialLoopState, nextLoopState, runCycle } from './loop-cycle.js';
import type { ControllerDeps, CycleReport, CycleWake, LoopClock, LoopConfig, LoopState, StatusWriter } from './loop-types.js';

/** Arguments of runController. */
export interface RunControllerArgs {
  config: LoopConfig;
  deps: ControllerDeps;
  /** Aborted on SIGTERM/SIGINT. */
  signal?: AbortSignal;
  /** Run one cycle, then return (cron, tests). */
  once?: boolean;
  /** Called after every cycle with its report. */
  onCycle?: (report: CycleReport) => void;
}

/** How the controller ended. */
export interface ControllerSummary {
  cycles: number;
  lastReport: CycleReport | null;
  lastAppliedRevision: string | null;
}

/** The real clock: `Date.now` and the source module's wait. */
export const SYSTEM_CLOCK: LoopClock = { now: () => Date.now(), wait: (args) => waitForTrigger(args) };

/** Runs cycles until the signal aborts (or once); resolves with a summary, never rejects. */
export async function runController(args: RunControllerArgs): Promise<ControllerSummary> {
  const { config, deps, signal } = args;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const log = deps.logger;
  let state: LoopState = await resumedLoopState(deps.statusWriter, log);
  let wake: CycleWake = 'start';
  log.info('controller started', { intervalMs: config.intervalMs, concurrency: config.concurrency, safety: config.safety, once: args.once === true });
  const stopped = (): boolean => signal?.aborted === true;
  while (!stopped()) {
    let report: CycleReport;
    try {
      report = await runCycle({ config, deps, state, wake, now: () => clock.now(), ...(signal === undefined ? {} : { signal }) });
    } catch (err) {
      log.error('cycle crashed', { error: err, cycle: state.cycle + 1 });
      report = crashedReport(state, wake, clock.now(), err);
    }
    state = nextLoopState(state, report);
    try {
      args.onCycle?.(report);
    } catch {
      // an observer must not stop the loop
    }
    if (args.once === true || stopped()) break;
    const reason = await clock.wait({
      intervalMs: config.intervalMs,
      ...(signal === undefined ? {} : { signal }),
      ...(deps.trigger === undefined ? {} : { trigger: deps.trigger }),
    });
    if (reason === 'aborted') break;
    wake = reason;
  }
  log.info('controller stopped', { cycles: state.cycle, lastAppliedRevision: state.lastAppliedRevision, revision: state.lastReport?.source?.revision ?? null });
  return { cycles: state.cycle, lastReport: state.lastReport, lastAppliedRevision: state.lastAppliedRevision };
}

/** The first loop state: fresh, with the rollouts' timers from the last recorded status when there is one. */
async function resumedLoopState(writer: StatusWriter, log: ControllerDeps['logger']): Promise<LoopState> {
  const state = initialLoopState();
  try {
    const rollouts = await writer.resumeRollouts?.();
    return rollouts === undefined || Object.keys(rollouts.members).length === 0 ? state : { ...state, rollouts };
  } catch (err) {
    log.warn('could not read the last status to resume rollouts; their health timers start again', { error: err });
    return state;
  }
}

/** The report of a cycle that threw (a bug): outcome failed, nothing else known. */
function crashedReport(state: LoopState, wake: CycleWake, nowMs: number, err: unknown): CycleReport {
  const error = errorInfo(err);
  const at = new Date(nowMs).toISOString();
  return {
    cycle: state.cycle + 1, wake, outcome: 'failed', condition: 'Reconciling', reason: 'InternalError', message: error.message,
    startedAt: at, finishedAt: at, durationMs: 0, fetch: { ok: true, durationMs: 0, changed: false }, source: null,
    lastAppliedRevision: state.lastAppliedRevision, error,
  };
}
