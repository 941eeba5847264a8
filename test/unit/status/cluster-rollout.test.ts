/** A Cluster's status during a rolling update: conditions from the rollout, its progress, each member's place in it. */
import { describe, expect, it } from 'vitest';
import { clusterStrategies, gateRollouts, type RolloutState } from '../../../controller/rollout/index.js';
import {
  computeStatus, parseStatusFiles, renderStatusFiles, rolloutStateOfSnapshot, type Condition, type ResourceStatusDoc, type StatusSnapshot,
} from '../../../controller/status/index.js';
import type { Cluster } from '../../../controller/types/resources.js';
import { allAt, cluster, health, observe, planFor, resources, T0, type Member, type MemberLive } from '../rollout/rollout-fixtures.js';

const NOW = '2026-11-23T12:05:00.000Z';

/** The status of one planned cycle of `theCluster` over hosts showing `members`, gated as the controller gates it. */
function statusOf(theCluster: Cluster, members: Partial<Record<Member, MemberLive>>, args: {
  health?: ReturnType<typeof health>; now?: Date; previous?: RolloutState; withoutRollouts?: boolean;
} = {}): { snapshot: StatusSnapshot; web: ResourceStatusDoc } {
  const observed = observe(members);
  const computed = planFor(theCluster, observed);
  const gated = gateRollouts({
    plan: computed.plan, desired: computed.desired, observed, strategies: clusterStrategies(resources(theCluster)),
    health: args.health ?? health(), now: args.now ?? T0, ...(args.previous === undefined ? {} : { previous: args.previous }),
  });
  const snapshot = computeStatus({
    revision: 'a'.repeat(40),
    validation: { diagnostics: [], manifests: resources(theCluster).map((resource) => ({ resource })) },
    desired: computed.desired, observed, plan: gated.plan, now: NOW,
    ...(args.withoutRollouts === true ? {} : { rollouts: gated.rollouts }),
  });
  return { snapshot, web: snapshot.resources.get('status/Cluster/web.yaml')! };
}
const conditions = (doc: ResourceStatusDoc) => Object.fromEntries(doc.status.conditions.map((c: Condition) => [c.type, `${c.status} ${c.reason}`]));
const member = (doc: ResourceStatusDoc, name: Member) => doc.status.members?.find((m) => m.name === name);

describe('Cluster status during a rolling update', () => {
  it('is Reconciling with RollingUpdate, says what is updating, counts progress and shows held members waiting', () => {
    const { web } = statusOf(cluster(2), allAt(1));
    expect(conditions(web)).toEqual({ Ready: 'False RollingUpdate', Reconciling: 'True RollingUpdate', Stalled: 'False RollingUpdate' });
    expect(web.status.conditions[0]!.message).toBe('updating web-zone-a-0 in zone zone-a; 0/4 members updated');
    expect(web.status.rollout).toEqual({
      phase: 'Progressing', reason: 'RollingZone', zone: 'zone-a', zoneOrder: ['zone-a', 'zone-b'], updated: 0, ready: 4, total: 4,
      released: ['web-zone-a-0'], waiting: ['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'],
    });
    expect(member(web, 'web-zone-b-0')).toMatchObject({ ready: false, reason: 'RolloutPending', updated: false, rollout: 'pending' });
    expect(member(web, 'web-zone-a-0')).toMatchObject({ reason: 'Progressing', updated: false, since: T0.toISOString() });
    expect(web.status.lastError).toBeUndefined();
  });

  it('names the member still booting and why, with since when it has been unavailable', () => {
    const { web } = statusOf(cluster(2), { ...allAt(1), 'web-zone-a-0': { version: 2 } }, {
      health: health({ 'web-zone-a-0': 'http GET http://192.168.240.10:80/health failed: connection refused' }), now: new Date(T0.getTime() + 10_000),
      previous: { members: { 'web-zone-a-0': { since: T0.toISOString() } } },
    });
    expect(conditions(web)['Reconciling']).toBe('True RollingUpdate');
    expect(web.status.conditions[0]!.message).toBe(
      'waiting for web-zone-a-0 in zone zone-a to become healthy (http GET http://192.168.240.10:80/health failed: connection refused); 1/4 members updated',
    );
    expect(member(web, 'web-zone-a-0')).toMatchObject({ updated: true, rollout: 'progressing', since: T0.toISOString() });
    expect(web.status.rollout).toMatchObject({ updated: 1, ready: 3, total: 4 });
  });

  it('is Stalled with RolloutStalled naming the member and why, recorded as the last error', () => {
    const { web } = statusOf(cluster(2, { updateStrategy: { healthTimeoutSeconds: 60 } }), { ...allAt(1), 'web-zone-a-0': { version: 2 } }, {
      health: health({ 'web-zone-a-0': 'http GET http://192.168.240.10:80/health failed: connection refused' }), now: new Date(T0.getTime() + 61_000),
      previous: { members: { 'web-zone-a-0': { since: T0.toISOString() } } },
    });
    expect(conditions(web)).toEqual({ Ready: 'False RolloutStalled', Reconciling: 'False RolloutStalled', Stalled: 'True RolloutStalled' });
    const message = 'web-zone-a-0 on hv1 did not become healthy within 60 s: http GET http://192.168.240.10:80/health failed: connection refused; '
      + 'rollout halted with 3 members left on the old spec';
    expect(web.status.conditions[2]!.message).toBe(message);
    expect(web.status.lastError).toMatchObject({ reason: 'RolloutStalled', message });
    expect(web.status.rollout).toMatchObject({
      phase: 'Stalled', reason: 'HealthCheckTimeout', updated: 1, waiting: ['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'],
      failed: { member: 'web-zone-a-0', host: 'hv1', reason: 'http GET http://192.168.240.10:80/health failed: connection refused', since: T0.toISOString() },
    });
    expect(web.status.rollout?.released).toBeUndefined();
  });

  it('is Ready once every member is updated and healthy', () => {
    const { web } = statusOf(cluster(2), allAt(2));
    expect(conditions(web)).toEqual({ Ready: 'True Unchanged', Reconciling: 'False Unchanged', Stalled: 'False Unchanged' });
    expect(web.status.conditions[0]!.message).toBe('4/4 members ready');
    expect(web.status.rollout).toEqual({ phase: 'Complete', reason: 'RolloutComplete', zoneOrder: ['zone-a', 'zone-b'], updated: 4, ready: 4, total: 4 });
    expect(web.status.members?.every((m) => m.updated === true && m.rollout === 'ready')).toBe(true);
  });

  it('lets a worse member finding win over the rollout, and leaves clusters alone without rollouts', () => {
    const unreachable = observe(allAt(1), ['hv4']);
    const computed = planFor(cluster(2), unreachable);
    const gated = gateRollouts({
      plan: computed.plan, desired: computed.desired, observed: unreachable, strategies: clusterStrategies(resources(cluster(2))), health: health(), now: T0,
    });
    const snapshot = computeStatus({
      revision: 'r', validation: { diagnostics: [], manifests: resources(cluster(2)).map((resource) => ({ resource })) },
      desired: computed.desired, observed: unreachable, plan: gated.plan, now: NOW, rollouts: gated.rollouts,
    });
    expect(conditions(snapshot.resources.get('status/Cluster/web.yaml')!)['Ready']).toBe('False HostUnreachable');
    const { web } = statusOf(cluster(1), allAt(1), { withoutRollouts: true });
    expect(web.status.rollout).toBeUndefined();
    expect(web.status.members?.[0]?.updated).toBeUndefined();
  });

  it('writes the rollout into the status file and reads it back', () => {
    const { snapshot } = statusOf(cluster(2), allAt(1));
    const files = renderStatusFiles(snapshot);
    const text = files.get('status/Cluster/web.yaml')!;
    expect(text).toContain('\n  rollout:\n    phase: Progressing\n    ready: 4\n    reason: RollingZone\n');
    expect(parseStatusFiles(files).resources.get('status/Cluster/web.yaml')).toEqual(snapshot.resources.get('status/Cluster/web.yaml'));
  });

  it('gives a restarted controller back the timers of the gate, read from the status it wrote', () => {
    const previous: RolloutState = { members: { 'web-zone-a-0': { since: T0.toISOString() } } };
    const { snapshot } = statusOf(cluster(2), { ...allAt(1), 'web-zone-a-0': { version: 2 } }, {
      health: health({ 'web-zone-a-0': 'booting' }), now: new Date(T0.getTime() + 10_000), previous,
    });
    expect(rolloutStateOfSnapshot(parseStatusFiles(renderStatusFiles(snapshot)))).toEqual(previous);
    expect(rolloutStateOfSnapshot(statusOf(cluster(2), allAt(2)).snapshot)).toEqual({ members: {} });
  });
});
