/** In-process fakes of the loop's own interfaces (source, reconcile, status writer, clock), recording every call in one list. */
import { createLogger, type Logger } from '../../../controller/log/index.js';
import { createMetrics, type ControllerMetrics } from '../../../controller/metrics/index.js';
import type { ReconcileOnceArgs, ReconcileResult } from '../../../controller/reconcile/index.js';
import type { ControllerDeps, CycleReport, LoopClock, LoopSource, StatusWriter } from '../../../controller/reconcile/loop-types.js';
import type { SourceRevision, Trigger, WakeReason } from '../../../controller/source/index.js';
import type { Transport } from '../../../controller/transport/index.js';
import { revisionOf } from './cycle-fixtures.js';

/** What a fake source does on each sync: a revision, or an error. */
export type SyncStep = string | Error;

/** A world of fakes and the ordered record of what the loop did with them. */
export interface LoopWorld {
  calls: string[];
  reconcileArgs: ReconcileOnceArgs[];
  reports: CycleReport[];
  logs: Record<string, unknown>[];
  deps: ControllerDeps;
  metrics: ControllerMetrics;
  /** Aborts the loop after the given cycle's wait. */
  stopAfter(cycles: number): void;
}

/** Options of loopWorld. */
export interface LoopWorldOptions {
  /** Sync results, in order; the last repeats. */
  syncs?: SyncStep[];
  /** Reconcile results by call number (1-based); default: an applied result for the revision. */
  reconcile?: (args: ReconcileOnceArgs, call: number) => Promise<ReconcileResult> | ReconcileResult;
  /** Make the status writer throw. */
  statusFails?: boolean;
  /** Wake reasons of the clock's waits, in order (default interval). */
  wakes?: WakeReason[];
  trigger?: Trigger;
  controller?: AbortController;
}

/** Builds the fakes. */
export function loopWorld(options: LoopWorldOptions, defaultResult: (revision: string) => ReconcileResult): LoopWorld {
  const calls: string[] = [];
  const reconcileArgs: ReconcileOnceArgs[] = [];
  const reports: CycleReport[] = [];
  const logs: Record<string, unknown>[] = [];
  const syncs = options.syncs ?? ['a'.repeat(40)];
  let syncCount = 0;
  let last: SourceRevision | null = null;
  let time = 1_000_000;
  let waits = 0;
  let stopAt = Infinity;

  const source: LoopSource = {
    async sync() {
      const step = syncs[Math.min(syncCount, syncs.length - 1)]!;
      syncCount += 1;
      calls.push(`sync:${typeof step === 'string' ? step.slice(0, 4) : 'error'}`);
      time += 100;
      if (step instanceof Error) throw step;
      last = revisionOf(step, last?.revision !== step);
      return last;
    },
    lastGood: () => last,
  };
  let reconcileCount = 0;
  const reconcile = async (args: ReconcileOnceArgs): Promise<ReconcileResult> => {
    reconcileCount += 1;
    reconcileArgs.push(args);
    calls.push(`reconcile:${args.revision?.slice(0, 4)}`);
    time += 1000;
    return options.reconcile === undefined ? defaultResult(args.revision ?? '') : options.reconcile(args, reconcileCount);
  };
  const statusWriter: StatusWriter = {
    async write(report) {
      calls.push(`status:${report.outcome}`);
      reports.push(report);
      if (options.statusFails === true) throw new Error('push rejected');
      return { commit: 'd'.repeat(40), noted: report.result?.changeSet !== undefined };
    },
  };
  const metrics = createMetrics({ intervalMs: 60_000, now: () => time });
  const recorded: ControllerMetrics = {
    ...metrics,
    cycleStarted: (at) => { calls.push('metrics:start'); metrics.cycleStarted(at); },
    fetchFinished: (fetch) => { calls.push(`metrics:fetch:${fetch.ok ? 'ok' : 'failed'}`); metrics.fetchFinished(fetch); },
    cycleFinished: (report, at) => { calls.push(`metrics:cycle:${report.outcome}`); metrics.cycleFinished(report, at); },
  };
  const clock: LoopClock = {
    now: () => time,
    async wait({ intervalMs, signal }) {
      waits += 1;
      calls.push('wait');
      time += intervalMs;
      if (waits >= stopAt) options.controller?.abort();
      if (signal?.aborted === true) return 'aborted';
      return options.wakes?.[waits - 1] ?? 'interval';
    },
  };
  const logger: Logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>), now: () => new Date(time) });
  const transport = { connect: async () => { throw new Error('no hosts in unit tests'); }, close: async () => undefined } as Transport;
  return {
    calls, reconcileArgs, reports, logs, metrics,
    deps: { source, transport, statusWriter, metrics: recorded, logger, clock, reconcile, ...(options.trigger === undefined ? {} : { trigger: options.trigger }) },
    stopAfter: (cycles) => { stopAt = cycles; },
  };
}
