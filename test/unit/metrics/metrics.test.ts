import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BRAKE_REASONS, createMetrics, METRIC_NAMES, METRICS } from '../../../controller/metrics/index.js';
import { appliedResult, driftChange, entry, invalidResult, reportOf } from '../loop/cycle-fixtures.js';
import { histogramCount, seriesOf, valueOf } from './metric-values.js';

const INTERVAL = 60_000;

describe('controller metrics', () => {
  it('registers every metric of the table in its own registry, none in the global one', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    const names = metrics.registry.getMetricsAsArray().map((m) => m.name).sort();
    expect(names).toEqual([...METRIC_NAMES]);
    for (const name of METRIC_NAMES) expect(register.getSingleMetric(name)).toBeUndefined();
    const other = createMetrics({ intervalMs: INTERVAL });
    expect(other.registry).not.toBe(metrics.registry);
    for (const [name, def] of Object.entries(METRICS)) expect((metrics.registry.getSingleMetric(name) as unknown as { type: string }).type).toBe(def.type);
  });

  it('exports process metrics only on request, prefixed', async () => {
    const plain = await createMetrics({ intervalMs: INTERVAL }).registry.metrics();
    expect(plain).not.toContain('process_cpu');
    const withProcess = await createMetrics({ intervalMs: INTERVAL, processMetrics: true }).registry.metrics();
    expect(withProcess).toContain('gitvirt_process_cpu_user_seconds_total');
  });

  it('starts with the brake released for every reason and the interval set', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    for (const reason of BRAKE_REASONS) expect(await valueOf(metrics, 'gitvirt_brake_engaged', { reason })).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_cycle_interval_seconds')).toBe(60);
  });

  it('records a cycle: changes by host, kind and action, drift, apply errors, host reachability, revision', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    const revision = 'c'.repeat(40);
    const result = appliedResult({
      revision,
      hosts: { hv1: true, hv2: true, hv3: false },
      entries: [
        entry('hv1', 'domain.define', 'created', { target: 'web' }),
        entry('hv1', 'domain.start', 'configured'),
        entry('hv1', 'volume.create', 'created'),
        entry('hv1', 'domain.set-memory', 'configured', { drift: true }),
        entry('hv2', 'domain.define', 'failed', { error: { code: 'LibvirtCommandFailed', message: 'boom' } }),
        entry('hv2', 'domain.start', 'skipped'),
        entry('hv2', 'network.define', 'unchanged'),
      ],
      changes: { hv1: [driftChange('hv1')], hv2: [] },
    });
    metrics.cycleStarted(1_000_000);
    metrics.fetchFinished({ ok: true, durationMs: 250, changed: true });
    metrics.cycleFinished(reportOf(result), 1_002_500);

    expect(await valueOf(metrics, 'gitvirt_changes_total', { host: 'hv1', kind: 'domain', action: 'created' })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_changes_total', { host: 'hv1', kind: 'domain', action: 'configured' })).toBe(2);
    expect(await valueOf(metrics, 'gitvirt_changes_total', { host: 'hv1', kind: 'volume', action: 'created' })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_changes_total', { host: 'hv2', kind: 'domain', action: 'failed' })).toBeUndefined();
    expect(await valueOf(metrics, 'gitvirt_last_cycle_changes', { host: 'hv1' })).toBe(4);
    expect(await valueOf(metrics, 'gitvirt_last_cycle_changes', { host: 'hv2' })).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_drift_detected_total', { host: 'hv1', kind: 'domain' })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_apply_errors_total', { host: 'hv2', reason: 'LibvirtCommandFailed' })).toBe(1);
    expect(await seriesOf(metrics, 'gitvirt_apply_errors_total')).toHaveLength(1);
    expect(await valueOf(metrics, 'gitvirt_host_up', { host: 'hv1' })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_host_up', { host: 'hv3' })).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_applied_revision_info', { revision })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_manifests_valid')).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_cycles_total', { outcome: 'degraded' })).toBe(1);
    expect(await histogramCount(metrics, 'gitvirt_cycle_duration_seconds', { outcome: 'degraded' })).toBe(1);
    expect(await histogramCount(metrics, 'gitvirt_git_fetch_duration_seconds')).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_last_cycle_start_timestamp_seconds')).toBe(1000);
    expect(await valueOf(metrics, 'gitvirt_last_cycle_end_timestamp_seconds')).toBe(1002.5);
  });

  it('counts cycles with changes in a row per host, back to 0 after a quiet cycle', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    const busy = reportOf(appliedResult({ entries: [entry('hv1', 'domain.set-memory', 'configured')] }));
    for (let i = 0; i < 3; i += 1) metrics.cycleFinished(busy, i);
    expect(await valueOf(metrics, 'gitvirt_consecutive_cycles_with_changes', { host: 'hv1' })).toBe(3);
    expect(await valueOf(metrics, 'gitvirt_consecutive_cycles_with_changes', { host: 'hv2' })).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_changes_total', { host: 'hv1', kind: 'domain', action: 'configured' })).toBe(3);
    metrics.cycleFinished(reportOf(appliedResult()), 4);
    expect(await valueOf(metrics, 'gitvirt_consecutive_cycles_with_changes', { host: 'hv1' })).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_last_cycle_changes', { host: 'hv1' })).toBe(0);
  });

  it('drops host series of hosts that left the repository', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    metrics.cycleFinished(reportOf(appliedResult({ hosts: { hv1: true, hv2: true } })), 1);
    metrics.cycleFinished(reportOf(appliedResult({ hosts: { hv1: true } })), 2);
    expect((await seriesOf(metrics, 'gitvirt_host_up')).map((s) => s.labels['host'])).toEqual(['hv1']);
    expect((await seriesOf(metrics, 'gitvirt_last_cycle_changes')).map((s) => s.labels['host'])).toEqual(['hv1']);
  });

  it('keeps one applied revision series, and the applied revision while a later one is stalled', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    metrics.cycleFinished(reportOf(appliedResult({ revision: '1'.repeat(40) })), 1);
    metrics.cycleFinished(reportOf(appliedResult({ revision: '2'.repeat(40) })), 2);
    metrics.cycleFinished(reportOf(invalidResult('3'.repeat(40))), 3);
    expect(await seriesOf(metrics, 'gitvirt_applied_revision_info')).toEqual([{ labels: { revision: '2'.repeat(40) }, value: 1 }]);
    expect(await valueOf(metrics, 'gitvirt_manifests_valid')).toBe(0);
    expect(await valueOf(metrics, 'gitvirt_cycles_total', { outcome: 'stalled' })).toBe(1);
    expect((await seriesOf(metrics, 'gitvirt_host_up')).length).toBe(2);
  });

  it('shows the brake by reason while it is engaged', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    const brake = { code: 'TooManyDeletions' as const, message: 'the plan deletes 12 objects, more than the limit of 10' };
    metrics.cycleFinished(reportOf(appliedResult({ brake })), 1);
    expect(await valueOf(metrics, 'gitvirt_brake_engaged', { reason: 'TooManyDeletions' })).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_brake_engaged', { reason: 'EmptyDesiredState' })).toBe(0);
    metrics.cycleFinished(reportOf(appliedResult()), 2);
    expect(await valueOf(metrics, 'gitvirt_brake_engaged', { reason: 'TooManyDeletions' })).toBe(0);
  });

  it('counts fetch failures by reason and status write failures and webhook answers', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    metrics.fetchFinished({ ok: false, durationMs: 10, reason: 'auth', error: { code: 'SourceFetchFailed', message: 'no' } });
    metrics.fetchFinished({ ok: false, durationMs: 10, reason: 'auth', error: { code: 'SourceFetchFailed', message: 'no' } });
    metrics.statusWriteFailed();
    metrics.webhookAnswered('triggered');
    expect(await valueOf(metrics, 'gitvirt_git_fetch_failures_total', { reason: 'auth' })).toBe(2);
    expect(await valueOf(metrics, 'gitvirt_status_write_failures_total')).toBe(1);
    expect(await valueOf(metrics, 'gitvirt_webhook_requests_total', { result: 'triggered' })).toBe(1);
  });

  it('does not count a fetch cut short by shutdown as a failure', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    metrics.fetchFinished({ ok: false, durationMs: 10, reason: 'aborted', error: { code: 'SourceFetchFailed', message: 'aborted' } });
    expect(await valueOf(metrics, 'gitvirt_git_fetch_failures_total', { reason: 'aborted' })).toBeUndefined();
    expect(await histogramCount(metrics, 'gitvirt_git_fetch_duration_seconds')).toBe(0);
  });

  it('never puts a secret in a label: the exposition holds only hosts, kinds, codes and revisions', async () => {
    const metrics = createMetrics({ intervalMs: INTERVAL });
    const result = appliedResult({ entries: [entry('hv1', 'image.fetch', 'failed', { error: { code: 'LibvirtCommandFailed', message: 'curl https://user:hunter2@example.com failed' } })] });
    metrics.cycleFinished(reportOf(result), 1);
    const text = await metrics.registry.metrics();
    expect(text).not.toContain('hunter2');
    expect(text).toContain('gitvirt_apply_errors_total{host="hv1",reason="LibvirtCommandFailed"} 1');
  });
});
