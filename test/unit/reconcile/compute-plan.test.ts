import { describe, expect, it } from 'vitest';
import { computePlan, hostTargets, livePlacement, observedCapacities } from '../../../controller/reconcile/index.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { HostObservation } from '../../../controller/types/plan.js';
import type { Host, Resource } from '../../../controller/types/resources.js';
import { guestImage, guestVm, natNetwork, type ScenarioGuest } from '../../fixtures/engine/scenario.js';

const GUEST: ScenarioGuest = {
  kernel: '/var/cache/gitvirt-test-guest/vmlinux', initrd: '/var/cache/gitvirt-test-guest/initrd.img', cmdline: 'console=ttyS0',
  diskUrl: 'http://10.77.1.1:8080/disk.qcow2', diskSha256: 'ab'.repeat(32),
};
const host = (i: number, spec: Partial<Host['spec']> = {}): Host => ({
  apiVersion: 'gitvirt.io/v1alpha1', kind: 'Host', metadata: { name: `hv${i}` },
  spec: { address: `10.77.${i}.2`, hostKey: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${'A'.repeat(42)}${i} hv${i}`, zone: i % 2 === 1 ? 'zone-a' : 'zone-b', ...spec },
});
const empty = (name: string, node = { cpus: 4, memoryMiB: 8192 }): HostObservation => ({
  ok: true,
  live: { host: name, observedAt: '2026-11-23T00:00:00Z', node, kvm: false, domains: [], networks: [], pools: [], volumes: [] },
});
const ownedDomain = (name: string): LiveHostState['domains'][number] => ({
  name, uuid: '7c2a5b2e-0000-4000-8000-000000000001', state: 'running', autostart: true,
  owner: { kind: 'VirtualMachine', name, specHash: '0'.repeat(64), revision: 'old' },
});
const resources: Resource[] = [
  host(1), host(2), host(3),
  guestImage('guest', GUEST), natNetwork(),
  guestVm({ name: 'web1', host: 'hv1', ip: '192.168.240.11', guest: GUEST }),
  guestVm({ name: 'web2', host: 'hv2', ip: '192.168.240.12', guest: GUEST }),
];
const kinds = (plan: ReturnType<typeof computePlan>['plan'], name: string) =>
  plan.hosts.find((h) => h.host === name)?.actions.map((a) => `${a.kind} ${a.owner.name}`);

describe('computePlan', () => {
  it('creates, on empty hosts, everything in dependency order, and nothing where no VM goes', () => {
    const observed = { hv1: empty('hv1'), hv2: empty('hv2'), hv3: empty('hv3') };
    const { desired, changes, plan, summary } = computePlan({ resources, revision: 'r1', observed });
    expect(Object.keys(desired.hosts)).toEqual(['hv1', 'hv2', 'hv3']);
    expect(kinds(plan, 'hv1')).toEqual([
      'pool.ensure gitvirt', 'network.define gvnet', 'image.fetch guest', 'volume.create web1', 'seed.create web1',
      'domain.define web1', 'domain.set-autostart web1', 'domain.start web1',
    ].sort((a, b) => order(a) - order(b)));
    expect(kinds(plan, 'hv3')).toEqual(['pool.ensure gitvirt']);
    expect(Object.keys(changes)).toEqual(['hv1', 'hv2', 'hv3']);
    expect(summary).toMatchObject({ destroy: 0, unreachable: 0, changes: true });
    expect(plan.revision).toBe('r1');
  });

  it('plans the reachable hosts when one cannot be observed, and reports that one unreachable', () => {
    const observed: Record<string, HostObservation> = {
      hv1: empty('hv1'), hv2: { ok: false, error: 'failed to connect to hv2: refused', code: 'HostUnreachable' }, hv3: empty('hv3'),
    };
    const { plan, summary, changes } = computePlan({ resources, revision: 'r1', observed });
    expect(plan.hosts.find((h) => h.host === 'hv2')).toEqual({ host: 'hv2', reachable: false, error: 'failed to connect to hv2: refused', actions: [], skipped: [] });
    expect(kinds(plan, 'hv1')).toContain('domain.define web1');
    expect(changes['hv2']).toBeUndefined();
    expect(summary.unreachable).toBe(1);
    expect(plan.brake).toBeUndefined();
  });

  it('limits the plan to the chosen hosts', () => {
    const observed = { hv1: empty('hv1'), hv2: empty('hv2'), hv3: empty('hv3') };
    const { plan, desired } = computePlan({ resources, revision: 'r1', observed, hosts: ['hv2'] });
    expect(plan.hosts.map((h) => h.host)).toEqual(['hv2']);
    expect(Object.keys(desired.hosts)).toEqual(['hv1', 'hv2', 'hv3']);
  });

  it('keeps a scheduled VM on the host where it runs now, whatever the scheduler would pick', () => {
    const roaming = guestVm({ name: 'roam', host: 'hv1', ip: '192.168.240.20', guest: GUEST, spec: { placement: { zone: 'zone-a' } } });
    const all = [...resources, roaming];
    const fresh = computePlan({ resources: all, revision: 'r1', observed: { hv1: empty('hv1'), hv2: empty('hv2'), hv3: empty('hv3') } });
    const first = Object.entries(fresh.desired.hosts).find(([, h]) => h.vms.some((v) => v.name === 'roam'))?.[0];
    const other = first === 'hv1' ? 'hv3' : 'hv1';
    const running = { ...empty(other) } as { ok: true; live: LiveHostState };
    running.live = { ...running.live, domains: [ownedDomain('roam')] };
    const observed = { hv1: empty('hv1'), hv2: empty('hv2'), hv3: empty('hv3'), [other]: running };
    const { desired } = computePlan({ resources: all, revision: 'r1', observed });
    expect(desired.hosts[other]?.vms.map((v) => v.name)).toContain('roam');
    expect(desired.hosts[first!]?.vms.map((v) => v.name)).not.toContain('roam');
  });

  it('schedules with the capacity each host reports when its manifest gives none', () => {
    const big = guestVm({ name: 'big', host: 'hv1', ip: '192.168.240.30', guest: GUEST, spec: { placement: { zone: 'zone-b' }, memoryMiB: 4096, maxMemoryMiB: 4096 } });
    const observed = { hv1: empty('hv1'), hv2: empty('hv2', { cpus: 2, memoryMiB: 2048 }), hv3: empty('hv3') };
    const { desired } = computePlan({ resources: [...resources, big], revision: 'r1', observed });
    expect(desired.unplaced).toEqual([expect.objectContaining({ vm: 'big', code: 'InsufficientCapacity' })]);
  });
});

describe('livePlacement and observedCapacities', () => {
  it('map owned domains to the first host (in name order) they run on, ignoring unowned domains and unreachable hosts', () => {
    const withDomains = (name: string, domains: LiveHostState['domains']): HostObservation => {
      const base = empty(name) as { ok: true; live: LiveHostState };
      return { ok: true, live: { ...base.live, domains } };
    };
    const observed: Record<string, HostObservation> = {
      hv2: withDomains('hv2', [ownedDomain('a'), ownedDomain('b')]),
      hv1: withDomains('hv1', [ownedDomain('a'), { ...ownedDomain('manual'), owner: null }]),
      hv3: { ok: false, error: 'down' },
    };
    expect(livePlacement(observed)).toEqual({ a: 'hv1', b: 'hv2' });
    expect(observedCapacities(observed)).toEqual({ hv1: { cpus: 4, memoryMiB: 8192 }, hv2: { cpus: 4, memoryMiB: 8192 } });
  });

  it('prefer the host where a domain on two hosts is not shut off (an interrupted move)', () => {
    const withDomains = (name: string, domains: LiveHostState['domains']): HostObservation => {
      const base = empty(name) as { ok: true; live: LiveHostState };
      return { ok: true, live: { ...base.live, domains } };
    };
    const off = (name: string) => ({ ...ownedDomain(name), state: 'shutoff' as const });
    const running = (name: string) => ({ ...ownedDomain(name), state: 'running' as const });
    expect(livePlacement({
      hv1: withDomains('hv1', [off('a'), running('b'), off('c')]),
      hv2: withDomains('hv2', [running('a'), running('b'), off('c')]),
      hv3: withDomains('hv3', [running('a')]),
    })).toEqual({ a: 'hv2', b: 'hv1', c: 'hv1' });
  });
});

describe('hostTargets', () => {
  it('gives every Host with its defaults, in name order', () => {
    const targets = hostTargets([host(2), host(1, { port: 2222, user: 'virt' }), natNetwork()]);
    expect(targets.map((t) => [t.name, t.port, t.user, t.uri, t.storagePool.name])).toEqual([
      ['hv1', 2222, 'virt', 'qemu:///system', 'gitvirt'],
      ['hv2', 22, 'root', 'qemu:///system', 'gitvirt'],
    ]);
  });
});

/** Rank in the converge order, for the expected list above. */
function order(line: string): number {
  const table = ['pool.ensure', 'network.define', 'image.fetch', 'volume.create', 'seed.create', 'domain.define', 'domain.set-autostart', 'domain.start'];
  return table.indexOf(line.split(' ')[0]!);
}
