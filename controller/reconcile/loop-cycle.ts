/** One cycle of the controller: fetch → reconcile (validate, compile, observe, plan, apply) → status → metrics → logs. */
import { errorInfo } from '../apply/index.js';
import { readRepo } from '../manifests/index.js';
import type { ErrorInfo } from '../types/change-set.js';
import type { ValidationResult } from '../types/manifest.js';
import { livePlacement } from './live-placement.js';
import { fetchRevision } from './loop-fetch.js';
import { logCycle, logFetch, reconcileEventLogger } from './loop-log.js';
import { cycleReport } from './loop-report.js';
import type { ControllerDeps, CycleReport, CycleWake, LoopConfig, LoopState } from './loop-types.js';
import { reconcileOnce, type ReconcileResult } from './reconcile-once.js';

/** Arguments of runCycle. */
export interface RunCycleArgs {
  config: LoopConfig;
  deps: ControllerDeps;
  state: LoopState;
  wake: CycleWake;
  now: () => number;
  signal?: AbortSignal;
}

/** Work that changed something on a host, which makes an interrupted cycle worth recording. */
function didWork(result: ReconcileResult | undefined): boolean {
  return result?.changeSet?.entries.some((e) => e.result !== 'skipped' && e.result !== 'unchanged') ?? false;
}

/** Runs one cycle and returns its report; never rejects. */
export async function runCycle(args: RunCycleArgs): Promise<CycleReport> {
  const { deps, config, state, now, signal } = args;
  const cycle = state.cycle + 1;
  const startedAtMs = now();
  deps.metrics.cycleStarted(startedAtMs);
  const signalArg = signal === undefined ? {} : { signal };

  const { revision: source, fetch } = await fetchRevision({ source: deps.source, now, ...signalArg });
  deps.metrics.fetchFinished(fetch);
  const log = deps.logger.child({ revision: source?.revision ?? null, cycle });
  logFetch(log, fetch, source?.revision ?? null);

  let result: ReconcileResult | undefined;
  let validation: ValidationResult | undefined;
  let error: ErrorInfo | undefined;
  const readManifests = deps.readRepo ?? readRepo;
  if (source !== null && signal?.aborted !== true) {
    try {
      result = await (deps.reconcile ?? reconcileOnce)({
        dir: source.dir, revision: source.revision, transport: deps.transport, apply: true, refuseOnBrake: false,
        readRepo: async (read) => (validation = await readManifests(read)),
        policy: config.safety, concurrency: config.concurrency, placement: state.placement,
        ...(state.rollouts === undefined ? {} : { rolloutState: state.rollouts }),
        onEvent: reconcileEventLogger(log), ...signalArg,
      });
    } catch (err) {
      error = errorInfo(err);
    }
  }

  const aborted = signal?.aborted === true;
  const facts = { cycle, wake: args.wake, startedAtMs, fetch, source, previousAppliedRevision: state.lastAppliedRevision, aborted };
  let report = cycleReport({
    ...facts, finishedAtMs: now(),
    ...(validation === undefined ? {} : { validation }), ...(result === undefined ? {} : { result }), ...(error === undefined ? {} : { error }),
  });
  if (!aborted || didWork(result)) {
    try {
      const written = await deps.statusWriter.write(report);
      log.info('status written', { commit: written.commit, noted: written.noted, condition: report.condition, reason: report.reason });
    } catch (err) {
      deps.metrics.statusWriteFailed();
      log.error('status write failed', { error: errorInfo(err) });
    }
  }
  report = { ...report, finishedAt: new Date(now()).toISOString(), durationMs: Math.max(0, now() - startedAtMs) };
  deps.metrics.cycleFinished(report, now());
  logCycle(log, report);
  return report;
}

/** The state after a cycle: its number, the applied revision, and where owned VMs were seen. */
export function nextLoopState(state: LoopState, report: CycleReport): LoopState {
  const observed = report.outcome === 'aborted' ? {} : (report.result?.observed ?? {});
  return {
    cycle: report.cycle,
    lastAppliedRevision: report.lastAppliedRevision,
    placement: { ...state.placement, ...livePlacement(observed) },
    lastReport: report,
    ...(report.result?.rollouts === undefined ? (state.rollouts === undefined ? {} : { rollouts: state.rollouts }) : { rollouts: report.result.rollouts.state }),
  };
}

/** The state before the first cycle. */
export function initialLoopState(): LoopState {
  return { cycle: 0, lastAppliedRevision: null, placement: {}, lastReport: null };
}
