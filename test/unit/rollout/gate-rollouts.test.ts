import { describe, expect, it } from 'vitest';
import { clusterStrategies, gateRollouts, rolloutStateFromStatus, type RolloutState } from '../../../controller/rollout/index.js';
import type { Cluster } from '../../../controller/types/resources.js';
import { allAt, cluster, domainActions, health, observe, planFor, resources, T0, type Member, type MemberLive } from './rollout-fixtures.js';

/** Runs the gate for `theCluster` against hosts showing `members`, with health and time as given. */
function gate(theCluster: Cluster, members: Partial<Record<Member, MemberLive>>, args: {
  health?: ReturnType<typeof health>; now?: Date; previous?: RolloutState; unreachable?: string[];
} = {}) {
  const observed = observe(members, args.unreachable);
  const computed = planFor(theCluster, observed);
  const result = gateRollouts({
    plan: computed.plan, desired: computed.desired, observed, strategies: clusterStrategies(resources(theCluster)),
    health: args.health ?? health(), now: args.now ?? T0, ...(args.previous === undefined ? {} : { previous: args.previous }),
  });
  return { ...result, computed, rollout: result.rollouts[0]! };
}
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const v2 = cluster(2);

describe('gateRollouts', () => {
  it('updates the standby zone first, one member at a time, holding every other member whole', () => {
    const { plan, rollout, held, computed } = gate(v2, allAt(1));
    expect(domainActions(computed.plan)).toEqual(expect.arrayContaining(['domain.restart web-zone-b-0', 'domain.restart web-zone-a-1']));
    expect(domainActions(plan)).toEqual(['domain.define web-zone-a-0', 'domain.restart web-zone-a-0']);
    expect(rollout).toMatchObject({
      cluster: 'web', phase: 'Progressing', reason: 'RollingZone', zone: 'zone-a', zoneOrder: ['zone-a', 'zone-b'],
      updated: 0, ready: 4, total: 4, released: ['web-zone-a-0'], waiting: ['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'],
      message: 'updating web-zone-a-0 in zone zone-a; 0/4 members updated',
    });
    expect(held.map((h) => [h.member, h.actions])).toEqual([
      ['web-zone-a-1', ['domain.define', 'domain.restart']],
      ['web-zone-b-0', ['domain.define', 'domain.restart']],
      ['web-zone-b-1', ['domain.define', 'domain.restart']],
    ]);
    expect(held[0]!.message).toBe('domain.restart of web-zone-a-1 waits for its turn in zone zone-a (at most 1 unavailable at once)');
    expect(held[1]!.message).toBe('domain.restart of web-zone-b-0 waits for zone zone-a of cluster web to finish');
    // Held members are listed as skipped on their hosts, so plan output shows them waiting.
    const skipped = plan.hosts.flatMap((h) => h.skipped.map((s) => [s.host, s.owner.name, s.reason, s.message]));
    const byMember = (x: unknown[], y: unknown[]) => String(x[1]).localeCompare(String(y[1]));
    expect(skipped.sort(byMember)).toEqual(held.map((h) => [h.host, h.member, 'RolloutPending', h.message]));
    expect(computed.plan.hosts.flatMap((h) => h.skipped)).toEqual([]);
    expect(plan.hosts.flatMap((h) => h.skipped).every((s) => s.owner.kind === 'VirtualMachine' && s.owner.cluster === 'web')).toBe(true);
    // Everything that is not a held member's passes unchanged.
    const notDomain = (p: typeof plan) => p.hosts.flatMap((h) => h.actions.filter((a) => !a.kind.startsWith('domain.')));
    expect(notDomain(plan)).toEqual(notDomain(computed.plan));
  });

  it('holds the others while an updated member is not yet healthy, and times it from its release', () => {
    const first = gate(v2, allAt(1));
    const booting = { ...allAt(1), 'web-zone-a-0': { version: 2 } };
    const { plan, rollout, state } = gate(v2, booting, {
      health: health({ 'web-zone-a-0': 'http GET http://192.168.240.10:80/health failed: connection refused' }), now: later(10), previous: first.state,
    });
    expect(domainActions(plan)).toEqual([]);
    expect(rollout).toMatchObject({
      phase: 'Progressing', reason: 'WaitingForHealthy', zone: 'zone-a', updated: 1, ready: 3, released: [],
      message: 'waiting for web-zone-a-0 in zone zone-a to become healthy (http GET http://192.168.240.10:80/health failed: connection refused); 1/4 members updated',
    });
    expect(state.members['web-zone-a-0']).toEqual({ since: T0.toISOString() });
    expect(rollout.members.find((m) => m.name === 'web-zone-a-0')).toMatchObject({ state: 'progressing', updated: true, since: T0.toISOString() });
  });

  it('treats a member with a health check but no probe result as not healthy', () => {
    const { rollout } = gate(v2, { ...allAt(1), 'web-zone-a-0': { version: 2 } }, { health: health({}, ['web-zone-a-0']) });
    expect(rollout).toMatchObject({ reason: 'WaitingForHealthy', released: [] });
    expect(rollout.message).toContain('(not probed yet)');
  });

  it('goes on with the next member once the updated one is healthy, then to the next zone', () => {
    const next = gate(v2, { ...allAt(1), 'web-zone-a-0': { version: 2 } });
    expect(next.rollout).toMatchObject({ released: ['web-zone-a-1'], updated: 1, ready: 4 });
    const zoneB = gate(v2, { ...allAt(1), 'web-zone-a-0': { version: 2 }, 'web-zone-a-1': { version: 2 } });
    expect(zoneB.rollout).toMatchObject({ zone: 'zone-b', released: ['web-zone-b-0'], waiting: ['web-zone-b-1'], updated: 2 });
    const done = gate(v2, allAt(2));
    expect(done.rollout).toMatchObject({ phase: 'Complete', reason: 'RolloutComplete', updated: 4, ready: 4, message: 'all 4 members updated and healthy' });
    expect(done.rollout.zone).toBeUndefined();
    expect(done.held).toEqual([]);
  });

  it('takes up to maxUnavailable members of the zone at once, counting those still unavailable', () => {
    const two = cluster(2, { updateStrategy: { maxUnavailable: 2 } });
    expect(gate(two, allAt(1)).rollout.released).toEqual(['web-zone-a-0', 'web-zone-a-1']);
    const three = cluster(2, { zones: [{ name: 'zone-a', replicas: 2 }, { name: 'zone-b', replicas: 2 }], updateStrategy: { maxUnavailable: 3 } });
    expect(gate(three, allAt(1)).rollout.released).toEqual(['web-zone-a-0', 'web-zone-a-1']); // never past the zone
    const { rollout } = gate(two, { ...allAt(1), 'web-zone-a-0': { version: 2 } }, { health: health({ 'web-zone-a-0': 'booting' }) });
    expect(rollout.released).toEqual(['web-zone-a-1']);
    const full = gate(cluster(2), { ...allAt(1), 'web-zone-a-0': { version: 2 } }, { health: health({ 'web-zone-a-0': 'booting' }) });
    expect(full.rollout.released).toEqual([]);
  });

  it('stalls when an updated member stays unhealthy past healthTimeoutSeconds, and holds the rest', () => {
    const bad = cluster(2, { updateStrategy: { healthTimeoutSeconds: 60 } });
    const members = { ...allAt(1), 'web-zone-a-0': { version: 2 } };
    const unhealthy = health({ 'web-zone-a-0': 'http GET http://192.168.240.10:80/health failed: connection refused' });
    const previous: RolloutState = { members: { 'web-zone-a-0': { since: T0.toISOString() } } };
    const within = gate(bad, members, { health: unhealthy, now: later(60), previous });
    expect(within.rollout.phase).toBe('Progressing');
    const { rollout, plan, held, state } = gate(bad, members, { health: unhealthy, now: later(61), previous });
    expect(rollout).toMatchObject({
      phase: 'Stalled', reason: 'HealthCheckTimeout', zone: 'zone-a', released: [],
      failed: { member: 'web-zone-a-0', host: 'hv1', reason: 'http GET http://192.168.240.10:80/health failed: connection refused', since: T0.toISOString() },
      message: 'web-zone-a-0 on hv1 did not become healthy within 60 s: http GET http://192.168.240.10:80/health failed: connection refused; '
        + 'rollout halted with 3 members left on the old spec',
    });
    expect(domainActions(plan)).toEqual([]);
    expect(held.map((h) => h.member)).toEqual(['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1']);
    expect(held[0]!.message).toBe('domain.restart of web-zone-a-1 held: the rollout of cluster web is stalled (web-zone-a-0 is not healthy)');
    expect(plan.hosts.flatMap((h) => h.skipped.map((s) => `${s.reason} ${s.owner.name}`)).sort()).toEqual([
      'RolloutPending web-zone-a-1', 'RolloutPending web-zone-b-0', 'RolloutPending web-zone-b-1',
    ]);
    expect(state).toEqual(previous); // the clock keeps running from the first time
    expect(gate(bad, members, { health: unhealthy, now: later(600), previous: state }).rollout.phase).toBe('Stalled');
  });

  it('lets the stalled member through first, and alone, when a new template comes', () => {
    const members = { ...allAt(1), 'web-zone-a-0': { version: 2 } };
    const unhealthy = health({ 'web-zone-a-0': 'connection refused' });
    const { rollout, plan } = gate(cluster(3), members, { health: unhealthy, now: later(900), previous: { members: { 'web-zone-a-0': { since: T0.toISOString() } } } });
    expect(rollout).toMatchObject({ phase: 'Progressing', released: ['web-zone-a-0'], waiting: ['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'] });
    expect(domainActions(plan)).toEqual(['domain.define web-zone-a-0', 'domain.restart web-zone-a-0']);
  });

  it('can rebuild its timers from the statuses it wrote', () => {
    const released = gate(v2, allAt(1), { now: later(5) });
    expect(rolloutStateFromStatus(released.rollouts)).toEqual(released.state);
    expect(released.state).toEqual({ members: { 'web-zone-a-0': { since: later(5).toISOString() } } });
    const waiting = gate(v2, { ...allAt(1), 'web-zone-a-0': { version: 2 } }, { health: health({ 'web-zone-a-0': 'booting' }), now: later(20), previous: released.state });
    expect(rolloutStateFromStatus(waiting.rollouts)).toEqual({ members: { 'web-zone-a-0': { since: later(5).toISOString() } } });
  });

  it('resumes from what the hosts show after a restart, with no remembered state', () => {
    const members = { ...allAt(2), 'web-zone-b-1': { version: 1 } };
    const waiting = gate(v2, members, { health: health({ 'web-zone-b-0': 'booting' }) });
    expect(waiting.rollout).toMatchObject({ reason: 'WaitingForHealthy', zone: 'zone-b', updated: 3, released: [], waiting: ['web-zone-b-1'] });
    expect(waiting.state.members['web-zone-b-0']).toEqual({ since: T0.toISOString() }); // timed from now on
    const going = gate(v2, members);
    expect(going.rollout).toMatchObject({ zone: 'zone-b', released: ['web-zone-b-1'] });
  });

  it('follows zoneOrder, then the zones it does not name by role', () => {
    const { rollout } = gate(cluster(2, { updateStrategy: { zoneOrder: ['zone-b'] } }), allAt(1));
    expect(rollout).toMatchObject({ zoneOrder: ['zone-b', 'zone-a'], zone: 'zone-b', released: ['web-zone-b-0'] });
  });

  it('does not gate creating a new cluster: every member is created at once, then waited on', () => {
    const { plan, rollout, held, state } = gate(v2, {});
    expect(domainActions(plan).filter((a) => a.startsWith('domain.start'))).toHaveLength(4);
    expect(held).toEqual([]);
    expect(rollout).toMatchObject({ phase: 'Progressing', reason: 'WaitingForHealthy', zone: 'zone-a', updated: 0, ready: 0 });
    expect(rollout.message).toContain('(its domain does not exist yet)');
    expect(Object.keys(state.members).sort()).toEqual(['web-zone-a-0', 'web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1']);
  });

  it('does not gate updates that take no member down', () => {
    const manual = (version: number) => cluster(version, {}, { restartPolicy: 'Manual' });
    const observed = observe(allAt(1));
    const computed = planFor(manual(2), observed);
    const { plan, held } = gateRollouts({
      plan: computed.plan, desired: computed.desired, observed, strategies: clusterStrategies(resources(manual(2))), health: health(), now: T0,
    });
    expect(held).toEqual([]);
    expect(plan).toEqual(computed.plan);
    expect(domainActions(plan).filter((a) => a.startsWith('domain.define'))).toHaveLength(4);
  });

  it('counts a member on an unreachable host as unavailable and waits for it in its zone', () => {
    const members = { ...allAt(2), 'web-zone-b-0': { version: 1 } };
    const { rollout, plan } = gate(v2, members, { unreachable: ['hv4'] });
    const hv4 = rollout.members.find((m) => m.host === 'hv4');
    expect(hv4?.state).toBe('unreachable');
    expect(rollout).toMatchObject({ reason: 'WaitingForHost', zone: 'zone-b', released: [], waiting: ['web-zone-b-0'] });
    expect(rollout.message).toBe(`waiting for hv4 (hosting ${hv4?.name}) to answer; 2/4 members updated`);
    expect(domainActions(plan)).toEqual([]);
  });

  it('counts members that are not meant to run as ready without probing them', () => {
    const halted = cluster(1, {}, { runStrategy: 'Halted' });
    const { rollout } = gate(halted, Object.fromEntries(Object.entries(allAt(1)).map(([k, v]) => [k, { ...v, state: 'shutoff' }])), { health: {} });
    expect(rollout).toMatchObject({ phase: 'Complete', ready: 4 });
  });

  it('leaves VMs outside clusters and clusters without a strategy alone', () => {
    const observed = observe(allAt(1));
    const computed = planFor(v2, observed);
    const result = gateRollouts({ plan: computed.plan, desired: computed.desired, observed, strategies: {}, health: {}, now: T0 });
    expect(result).toEqual({ plan: computed.plan, rollouts: [], held: [], state: { members: {} } });
  });
});
