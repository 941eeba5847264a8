/** The I/O step around the gate: which members are probed, over which connections, and what a failing host gives. */
import { describe, expect, it } from 'vitest';
import { planWithRollouts, probeMembers, type ConnectForProbe, type ProbeMember } from '../../../controller/rollout/index.js';
import type { HostConnection } from '../../../controller/transport/index.js';
import { allAt, cluster, domainActions, observe, planFor, resources, T0 } from './rollout-fixtures.js';

/** Connections that record what was opened and closed; hv4 refuses. */
function connections() {
  const log: string[] = [];
  const connect: ConnectForProbe = async (target) => {
    if (target.name === 'hv4') throw new Error('failed to connect to hv4: connection refused\nmore');
    log.push(`open ${target.name}`);
    return { close: async () => void log.push(`close ${target.name}`) } as unknown as HostConnection;
  };
  const probe: ProbeMember = async ({ vm, uri }) => {
    log.push(`probe ${vm.name} ${uri}`);
    return vm.name === 'web-zone-a-0' ? { status: 'unhealthy', reason: 'connection refused' } : { status: 'healthy', reason: 'answered 200' };
  };
  return { log, connect, probe };
}

describe('probeMembers', () => {
  it('probes running members with a health check, one connection per host, and makes an unreachable host unknown', async () => {
    const observed = observe({ ...allAt(1), 'web-zone-a-1': { version: 1, state: 'shutoff' } });
    const { desired } = planFor(cluster(1), observed);
    const { log, connect, probe } = connections();
    const health = await probeMembers({ desired, observed, connect, probe, concurrency: 1 });
    expect(health).toEqual({
      'web-zone-a-0': { status: 'unhealthy', reason: 'connection refused' },
      'web-zone-b-0': { status: 'healthy', reason: 'answered 200' },
      'web-zone-b-1': { status: 'unknown', reason: 'cannot probe from hv4: failed to connect to hv4: connection refused' },
    });
    expect(log).toEqual(['open hv1', 'probe web-zone-a-0 qemu:///system', 'close hv1', 'open hv2', 'probe web-zone-b-0 qemu:///system', 'close hv2']);
  });
});

describe('planWithRollouts', () => {
  it('probes, then gates the plan', async () => {
    const observed = observe(allAt(1));
    const computed = planFor(cluster(2), observed);
    const { connect, probe } = connections();
    const result = await planWithRollouts({ resources: resources(cluster(2)), computed, observed, connect, probe, now: () => T0 });
    expect(result.health['web-zone-a-0']?.status).toBe('unhealthy');
    // The already unhealthy member goes first and alone.
    expect(result.rollouts[0]).toMatchObject({ cluster: 'web', released: ['web-zone-a-0'], zone: 'zone-a' });
    expect(domainActions(result.plan)).toEqual(['domain.define web-zone-a-0', 'domain.restart web-zone-a-0']);
  });

  it('returns the plan as it is, probing nothing, when there is no cluster', async () => {
    const observed = observe(allAt(1));
    const computed = planFor(cluster(2), observed);
    const { log, connect, probe } = connections();
    const withoutClusters = resources(cluster(2)).filter((r) => r.kind !== 'Cluster');
    const result = await planWithRollouts({ resources: withoutClusters, computed, observed, connect, probe });
    expect(result).toEqual({ plan: computed.plan, rollouts: [], held: [], state: { members: {} }, health: {} });
    expect(log).toEqual([]);
  });
});
