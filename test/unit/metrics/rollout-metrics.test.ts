/** Rollout metrics: member counts by state and the stalled flag per cluster, from the gate's real output. */
import { describe, expect, it } from 'vitest';
import { createMetrics, cycleMetrics } from '../../../controller/metrics/index.js';
import type { ReconcileResult } from '../../../controller/reconcile/index.js';
import { clusterStrategies, gateRollouts, type RolloutState } from '../../../controller/rollout/index.js';
import type { Cluster } from '../../../controller/types/resources.js';
import { appliedResult, invalidResult, reportOf } from '../loop/cycle-fixtures.js';
import { allAt, cluster, health, observe, planFor, resources, T0, type Member, type MemberLive } from '../rollout/rollout-fixtures.js';
import { seriesOf, valueOf } from './metric-values.js';

/** An applied reconcile result carrying the gate's rollouts for `theCluster` over `members`. */
function withRollout(theCluster: Cluster, members: Partial<Record<Member, MemberLive>>, args: {
  health?: ReturnType<typeof health>; now?: Date; previous?: RolloutState;
} = {}): ReconcileResult {
  const observed = observe(members);
  const computed = planFor(theCluster, observed);
  const gated = gateRollouts({
    plan: computed.plan, desired: computed.desired, observed, strategies: clusterStrategies(resources(theCluster)),
    health: args.health ?? health(), now: args.now ?? T0, ...(args.previous === undefined ? {} : { previous: args.previous }),
  });
  return { ...appliedResult(), rollouts: { clusters: gated.rollouts, held: gated.held, state: gated.state } };
}

const members = async (metrics: ReturnType<typeof createMetrics>, cluster: string) => Object.fromEntries(
  (await seriesOf(metrics, 'gitvirt_rollout_members')).filter((s) => s.labels['cluster'] === cluster).map((s) => [s.labels['state'], s.value]),
);

describe('rollout metrics', () => {
  it('count members updated, pending and unavailable while a rollout goes on', async () => {
    const metrics = createMetrics({ intervalMs: 60_000 });
    metrics.cycleFinished(reportOf(withRollout(cluster(2), allAt(1))), 1);
    expect(await members(metrics, 'web')).toEqual({ updated: 0, pending: 4, unavailable: 0 });
    expect(await valueOf(metrics, 'gitvirt_rollout_stalled', { cluster: 'web' })).toBe(0);

    const booting = withRollout(cluster(2), { ...allAt(1), 'web-zone-a-0': { version: 2 } }, { health: health({ 'web-zone-a-0': 'booting' }) });
    metrics.cycleFinished(reportOf(booting), 2);
    expect(await members(metrics, 'web')).toEqual({ updated: 1, pending: 3, unavailable: 1 });

    metrics.cycleFinished(reportOf(withRollout(cluster(2), allAt(2))), 3);
    expect(await members(metrics, 'web')).toEqual({ updated: 4, pending: 0, unavailable: 0 });
  });

  it('flag a stalled rollout until a cycle finds it moving again', async () => {
    const metrics = createMetrics({ intervalMs: 60_000 });
    const bad = cluster(2, { updateStrategy: { healthTimeoutSeconds: 60 } });
    const previous: RolloutState = { members: { 'web-zone-a-0': { since: T0.toISOString() } } };
    const stalled = withRollout(bad, { ...allAt(1), 'web-zone-a-0': { version: 2 } }, {
      health: health({ 'web-zone-a-0': 'connection refused' }), now: new Date(T0.getTime() + 61_000), previous,
    });
    expect(stalled.rollouts?.clusters[0]?.phase).toBe('Stalled');
    metrics.cycleFinished(reportOf(stalled), 1);
    expect(await valueOf(metrics, 'gitvirt_rollout_stalled', { cluster: 'web' })).toBe(1);
    expect(await members(metrics, 'web')).toEqual({ updated: 1, pending: 3, unavailable: 1 });
    expect(await metrics.registry.metrics()).toContain('gitvirt_rollout_stalled{cluster="web"} 1');

    // An invalid revision reconciles nothing: the last known rollout stays.
    metrics.cycleFinished(reportOf(invalidResult()), 2);
    expect(await valueOf(metrics, 'gitvirt_rollout_stalled', { cluster: 'web' })).toBe(1);

    metrics.cycleFinished(reportOf(withRollout(cluster(3), { ...allAt(1), 'web-zone-a-0': { version: 2 } })), 3);
    expect(await valueOf(metrics, 'gitvirt_rollout_stalled', { cluster: 'web' })).toBe(0);
  });

  it('drop the series of a cluster that left the repository', async () => {
    const metrics = createMetrics({ intervalMs: 60_000 });
    metrics.cycleFinished(reportOf(withRollout(cluster(2), allAt(1))), 1);
    metrics.cycleFinished(reportOf({ ...appliedResult(), rollouts: { clusters: [], held: [], state: { members: {} } } }), 2);
    expect(await seriesOf(metrics, 'gitvirt_rollout_members')).toEqual([]);
    expect(await seriesOf(metrics, 'gitvirt_rollout_stalled')).toEqual([]);
  });

  it('are absent from a cycle that gated nothing or was cut short', () => {
    expect(cycleMetrics(reportOf(appliedResult())).rollouts).toBeUndefined();
    expect(cycleMetrics(reportOf(withRollout(cluster(2), allAt(1)), { aborted: true })).rollouts).toBeUndefined();
    expect(cycleMetrics(reportOf(withRollout(cluster(2), allAt(1)))).rollouts).toEqual([
      { cluster: 'web', members: { updated: 0, pending: 4, unavailable: 0 }, stalled: false },
    ]);
  });
});
