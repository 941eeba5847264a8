/** Every metric the controller exports: name, type, labels and help, as one table. */

/** Prometheus metric types used here. */
export type MetricType = 'counter' | 'gauge' | 'histogram';

/** One metric's definition. */
export interface MetricDefinition {
  type: MetricType;
  help: string;
  labels: readonly string[];
  buckets?: readonly number[];
}

/** Histogram buckets of a cycle, in seconds (a cycle downloading images can take many minutes). */
const CYCLE_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800];

/** Histogram buckets of a git fetch, in seconds. */
const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

/** The metric table. Labels never hold a secret: hosts, kinds, actions, outcomes, error codes, commit ids. */
export const METRICS = {
  gitvirt_cycle_duration_seconds: { type: 'histogram', help: 'Duration of one reconcile cycle (fetch, validate, observe, plan, apply, status), by outcome.', labels: ['outcome'], buckets: CYCLE_BUCKETS },
  gitvirt_cycles_total: { type: 'counter', help: 'Reconcile cycles finished, by outcome (converged, degraded, stalled, no-source, aborted, failed).', labels: ['outcome'] },
  gitvirt_changes_total: { type: 'counter', help: 'Changes made on hosts, by host, object kind (domain, network, volume, pool, image, seed) and action (created, configured, deleted).', labels: ['host', 'kind', 'action'] },
  gitvirt_last_cycle_changes: { type: 'gauge', help: 'Changes made on each host in the last cycle that reached it; stuck above 0 means something undoes gitvirt (or a bug).', labels: ['host'] },
  gitvirt_consecutive_cycles_with_changes: { type: 'gauge', help: 'Cycles in a row that changed something on the host (0 once a cycle changes nothing).', labels: ['host'] },
  gitvirt_drift_detected_total: { type: 'counter', help: 'Objects found changed by hand on a host (drift), by host and object kind.', labels: ['host', 'kind'] },
  gitvirt_apply_errors_total: { type: 'counter', help: 'Failed actions and host applies, by host and error code.', labels: ['host', 'reason'] },
  gitvirt_host_up: { type: 'gauge', help: 'Whether the host answered the last observation (1) or not (0).', labels: ['host'] },
  gitvirt_git_fetch_duration_seconds: { type: 'histogram', help: 'Duration of fetching the source repository.', labels: [], buckets: FETCH_BUCKETS },
  gitvirt_git_fetch_failures_total: { type: 'counter', help: 'Failed fetches of the source repository, by reason (auth, not-found, unreachable, timeout, http, ...).', labels: ['reason'] },
  gitvirt_applied_revision_info: { type: 'gauge', help: 'The source revision last applied (value 1).', labels: ['revision'] },
  gitvirt_brake_engaged: { type: 'gauge', help: 'Whether the brake holds destructive actions back (1), by reason.', labels: ['reason'] },
  gitvirt_manifests_valid: { type: 'gauge', help: 'Whether the latest revision of the manifests is valid (1) or stalled on errors (0).', labels: [] },
  gitvirt_unplaced_vms: { type: 'gauge', help: 'VMs the scheduler could not place in the last cycle.', labels: [] },
  gitvirt_last_cycle_start_timestamp_seconds: { type: 'gauge', help: 'Unix time the last cycle started.', labels: [] },
  gitvirt_last_cycle_end_timestamp_seconds: { type: 'gauge', help: 'Unix time the last cycle finished.', labels: [] },
  gitvirt_cycle_interval_seconds: { type: 'gauge', help: 'Configured time between cycles.', labels: [] },
  gitvirt_status_write_failures_total: { type: 'counter', help: 'Failed writes of the status branch or notes.', labels: [] },
  gitvirt_webhook_requests_total: { type: 'counter', help: 'Webhook requests answered, by result (triggered, ignored, unauthorized, ...).', labels: ['result'] },
  gitvirt_rollout_members: { type: 'gauge', help: 'Members of each cluster by rollout state: updated (on the current template), pending (not yet updated), unavailable (not serving: changed and not yet healthy, or its host unreachable).', labels: ['cluster', 'state'] },
  gitvirt_rollout_stalled: { type: 'gauge', help: 'Whether the cluster\'s rolling update is stalled (1): a changed member stayed unhealthy past healthTimeoutSeconds and the rest is held.', labels: ['cluster'] },
} as const satisfies Record<string, MetricDefinition>;

/** The name of a metric the controller exports. */
export type MetricName = keyof typeof METRICS;

/** Every metric name, sorted. */
export const METRIC_NAMES: readonly MetricName[] = (Object.keys(METRICS) as MetricName[]).sort();

/** Member states counted by `gitvirt_rollout_members` (updated + pending = all members; unavailable overlaps both). */
export const ROLLOUT_MEMBER_STATES = ['updated', 'pending', 'unavailable'] as const;

/** A member state counted by `gitvirt_rollout_members`. */
export type RolloutMemberState = (typeof ROLLOUT_MEMBER_STATES)[number];

/** Brake reasons, so `gitvirt_brake_engaged` has a 0 series for each before anything happens. */
export const BRAKE_REASONS = ['TooManyDeletions', 'TooManyHostsUnreachable', 'EmptyDesiredState'] as const;
