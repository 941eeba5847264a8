/**
 * Metrics and health: the controller's Prometheus metrics (prom-client, one registry per
 * controller, defined in one table), liveness and readiness, and the HTTP server for `/metrics`,
 * `/healthz`, `/readyz` and the push webhook.
 */
export { createMetrics, metricOf, type ControllerMetrics, type CreateMetricsArgs } from './create-metrics.js';
export { cycleMetrics, rolloutMetrics, type CycleMetrics, type RolloutMetrics } from './cycle-metrics.js';
export {
  METRICS, METRIC_NAMES, BRAKE_REASONS, ROLLOUT_MEMBER_STATES, type MetricDefinition, type MetricName, type MetricType, type RolloutMemberState,
} from './metric-definitions.js';
export { liveness, readiness, DEFAULT_HEALTH_LIMITS, type HealthCheck, type HealthLimits, type HealthState } from './health.js';
export { startMetricsServer, MetricsListenFailedError, type MetricsServer, type RequestHandler, type StartMetricsServerArgs } from './metrics-server.js';
