import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import type { CycleReport, FetchRecord, LoopMetrics } from '../reconcile/loop-types.js';
import { cycleMetrics } from './cycle-metrics.js';
import { readiness, liveness, type HealthCheck, type HealthLimits, type HealthState } from './health.js';
import { BRAKE_REASONS, METRICS, ROLLOUT_MEMBER_STATES, type MetricDefinition, type MetricName } from './metric-definitions.js';

/** The metrics of one controller: its own registry (never the global one), the loop's hooks and health. */
export interface ControllerMetrics extends LoopMetrics {
  readonly registry: Registry;
  /** Counts an answered webhook request. */
  webhookAnswered(result: string): void;
  /** Liveness now. */
  liveness(): HealthCheck;
  /** Readiness now. */
  readiness(): HealthCheck;
  /** The state health is judged from. */
  health(): HealthState;
}

/** Options of createMetrics. */
export interface CreateMetricsArgs {
  intervalMs: number;
  /** Also export Node.js process metrics (default false). */
  processMetrics?: boolean;
  now?: () => number;
  healthLimits?: HealthLimits;
}

type AnyMetric = Counter<string> | Gauge<string> | Histogram<string>;

/** Creates one metric from its table entry, registered in `registry`. */
function build(name: string, def: MetricDefinition, registry: Registry): AnyMetric {
  const common = { name, help: def.help, labelNames: [...def.labels], registers: [registry] };
  if (def.type === 'counter') return new Counter(common);
  if (def.type === 'gauge') return new Gauge(common);
  return new Histogram({ ...common, buckets: [...(def.buckets ?? [])] });
}

/** Creates the controller's metrics in a fresh registry. */
export function createMetrics(args: CreateMetricsArgs): ControllerMetrics {
  const now = args.now ?? Date.now;
  const registry = new Registry();
  const m = Object.fromEntries(Object.entries(METRICS).map(([name, def]) => [name, build(name, def, registry)])) as Record<MetricName, AnyMetric>;
  const counter = (name: MetricName) => m[name] as Counter<string>;
  const gauge = (name: MetricName) => m[name] as Gauge<string>;
  const histogram = (name: MetricName) => m[name] as Histogram<string>;
  if (args.processMetrics === true) collectDefaultMetrics({ register: registry, prefix: 'gitvirt_' });
  gauge('gitvirt_cycle_interval_seconds').set(args.intervalMs / 1000);
  for (const reason of BRAKE_REASONS) gauge('gitvirt_brake_engaged').set({ reason }, 0);
  counter('gitvirt_git_fetch_failures_total');
  const consecutive = new Map<string, number>();
  const state: HealthState = { startedAtMs: now(), intervalMs: args.intervalMs, lastCycleStartMs: null, lastCycleEndMs: null, running: false, cyclesCompleted: 0 };

  const record = (report: CycleReport): void => {
    const c = cycleMetrics(report);
    for (const x of c.changes) counter('gitvirt_changes_total').inc({ host: x.host, kind: x.kind, action: x.action }, x.count);
    const planned = Object.keys(c.lastCycleChanges);
    if (planned.length > 0) {
      gauge('gitvirt_last_cycle_changes').reset();
      gauge('gitvirt_consecutive_cycles_with_changes').reset();
      for (const host of [...consecutive.keys()]) if (!planned.includes(host)) consecutive.delete(host);
    }
    for (const [host, count] of Object.entries(c.lastCycleChanges)) {
      gauge('gitvirt_last_cycle_changes').set({ host }, count);
      const run = count > 0 ? (consecutive.get(host) ?? 0) + 1 : 0;
      consecutive.set(host, run);
      gauge('gitvirt_consecutive_cycles_with_changes').set({ host }, run);
    }
    for (const x of c.drift) counter('gitvirt_drift_detected_total').inc({ host: x.host, kind: x.kind }, x.count);
    for (const x of c.applyErrors) counter('gitvirt_apply_errors_total').inc({ host: x.host, reason: x.reason }, x.count);
    if (c.hostUp !== undefined) {
      gauge('gitvirt_host_up').reset();
      for (const [host, up] of Object.entries(c.hostUp)) gauge('gitvirt_host_up').set({ host }, up ? 1 : 0);
    }
    if (c.appliedRevision !== undefined) {
      gauge('gitvirt_applied_revision_info').reset();
      gauge('gitvirt_applied_revision_info').set({ revision: c.appliedRevision }, 1);
    }
    if (c.brake !== undefined) for (const reason of BRAKE_REASONS) gauge('gitvirt_brake_engaged').set({ reason }, c.brake === reason ? 1 : 0);
    if (c.manifestsValid !== undefined) gauge('gitvirt_manifests_valid').set(c.manifestsValid ? 1 : 0);
    if (c.unplaced !== undefined) gauge('gitvirt_unplaced_vms').set(c.unplaced);
    if (c.rollouts !== undefined) {
      gauge('gitvirt_rollout_members').reset();
      gauge('gitvirt_rollout_stalled').reset();
      for (const rollout of c.rollouts) {
        for (const state of ROLLOUT_MEMBER_STATES) gauge('gitvirt_rollout_members').set({ cluster: rollout.cluster, state }, rollout.members[state]);
        gauge('gitvirt_rollout_stalled').set({ cluster: rollout.cluster }, rollout.stalled ? 1 : 0);
      }
    }
    counter('gitvirt_cycles_total').inc({ outcome: report.outcome });
    histogram('gitvirt_cycle_duration_seconds').observe({ outcome: report.outcome }, report.durationMs / 1000);
  };

  return {
    registry,
    cycleStarted(atMs) {
      state.lastCycleStartMs = atMs;
      state.running = true;
      gauge('gitvirt_last_cycle_start_timestamp_seconds').set(atMs / 1000);
    },
    fetchFinished(fetch: FetchRecord) {
      if (!fetch.ok && fetch.reason === 'aborted') return;
      histogram('gitvirt_git_fetch_duration_seconds').observe(fetch.durationMs / 1000);
      if (!fetch.ok) counter('gitvirt_git_fetch_failures_total').inc({ reason: fetch.reason });
    },
    cycleFinished(report, atMs) {
      record(report);
      state.lastCycleEndMs = atMs;
      state.running = false;
      state.cyclesCompleted += 1;
      gauge('gitvirt_last_cycle_end_timestamp_seconds').set(atMs / 1000);
    },
    statusWriteFailed: () => counter('gitvirt_status_write_failures_total').inc(),
    webhookAnswered: (result) => counter('gitvirt_webhook_requests_total').inc({ result }),
    liveness: () => liveness(state, now(), args.healthLimits),
    readiness: () => readiness(state),
    health: () => ({ ...state }),
  };
}

/** The metric registered under `name`, for tests and tools. */
export function metricOf(metrics: ControllerMetrics, name: MetricName): Metric<string> | undefined {
  return metrics.registry.getSingleMetric(name);
}
