import { describe, expect, it } from 'vitest';
import { diffHost } from '../../../controller/diff/index.js';
import { buildPlan, planHost, summarizePlan } from '../../../controller/plan/index.js';
import type { DesiredHostState, DesiredState } from '../../../controller/types/desired.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { HostPlan } from '../../../controller/types/plan.js';
import { capturedXml, convergedLive, desiredHost, emptyLive, IMAGE, liveDomain, owner, vm } from './plan-fixtures.js';

const REV = 'c0ffee';
const kinds = (plan: HostPlan) => plan.actions.map((a) => `${a.kind} ${a.owner.name}`);
/** Diffs then plans one host, as the engine does. */
const plan = (desired: DesiredHostState, live: LiveHostState) => planHost(desired, live, diffHost({ desired, live }), REV);
const rehash = (hash: string) => hash.replace(/^./, '9');

describe('planHost', () => {
  it('builds an empty host in dependency order: pool, network, image, disks, seed, domain, start', () => {
    const result = plan(desiredHost(), emptyLive());
    expect(kinds(result)).toEqual([
      'pool.ensure gvfixture-pool',
      'network.define gvfixture-nat',
      'image.fetch gvfixture-img',
      'volume.create gvfixture-basic',
      'seed.create gvfixture-basic',
      'domain.define gvfixture-basic',
      'domain.start gvfixture-basic',
    ]);
    const create = result.actions.find((a) => a.kind === 'volume.create');
    expect(create?.params).toMatchObject({ from: { mode: 'overlay', path: '/var/lib/libvirt/images/gvfixture-pool/image-gvfixture-img.qcow2' } });
    const define = result.actions.find((a) => a.kind === 'domain.define');
    expect((define?.params as { xml: string }).xml).toContain('<name>gvfixture-basic</name>');
  });

  it('plans nothing for a host whose live XML (captured from libvirt) matches', () => {
    const desired = desiredHost([vm('gvfixture-basic'), vm('gvfixture-full')]);
    expect(plan(desired, convergedLive(desired)).actions).toEqual([]);
  });

  it('applies a live change to a running domain and its config', () => {
    const base = desiredHost();
    const changed = desiredHost([vm('gvfixture-basic', { memoryMiB: 224, specHash: rehash(base.vms[0]!.specHash) })]);
    const result = plan(changed, convergedLive(base));
    expect(kinds(result)).toEqual(['domain.define gvfixture-basic', 'domain.set-memory gvfixture-basic']);
    expect(result.actions[1]?.params).toEqual({ name: 'gvfixture-basic', memoryMiB: 224 });
    expect(result.actions.every((a) => !a.drift)).toBe(true);
  });

  it('sets the I/O limits of the changed disk live', () => {
    const full = vm('gvfixture-full');
    const base = desiredHost([full]);
    const disks = full.disks.map((d) => (d.target === 'vda' ? { ...d, iotune: { totalBytesSec: 20971520 } } : d));
    const changed = desiredHost([{ ...full, disks, specHash: rehash(full.specHash) }]);
    const result = plan(changed, convergedLive(base));
    expect(result.actions.find((a) => a.kind === 'domain.set-iotune')?.params).toEqual({ name: 'gvfixture-full', target: 'vda', iotune: { totalBytesSec: 20971520 } });
  });

  it('restarts for a restart-class change when the policy is Automatic, and only reports it when Manual', () => {
    const base = desiredHost();
    const hash = rehash(base.vms[0]!.specHash);
    const auto = desiredHost([vm('gvfixture-basic', { cpus: 2, specHash: hash })]);
    expect(kinds(plan(auto, convergedLive(base)))).toEqual(['domain.define gvfixture-basic', 'domain.restart gvfixture-basic']);
    const manual = desiredHost([vm('gvfixture-basic', { cpus: 2, restartPolicy: 'Manual', specHash: hash })]);
    const result = plan(manual, convergedLive(base));
    expect(kinds(result)).toEqual(['domain.define gvfixture-basic']);
    expect(result.skipped).toMatchObject([{ reason: 'RestartRequired', owner: { name: 'gvfixture-basic' } }]);
    expect(result.skipped[0]?.message).toContain('vcpus');
  });

  it('replaces a disk whose image changed: fetch the image, stop, delete, recreate, define, start', () => {
    const base = desiredHost();
    const basic = base.vms[0]!;
    const other = { ...IMAGE, name: 'other-img', owner: { kind: 'Image' as const, name: 'other-img' }, volume: 'image-other-img.qcow2' };
    const disks = basic.disks.map((d) => ({ ...d, source: { ...d.source!, image: 'other-img', volume: other.volume } }));
    const changed = { ...desiredHost([{ ...basic, disks, specHash: rehash(basic.specHash) }]), images: [IMAGE, other] };
    const result = plan(changed, convergedLive(base));
    expect(kinds(result)).toEqual([
      'image.fetch other-img',
      'domain.stop gvfixture-basic',
      'volume.delete gvfixture-basic',
      'volume.create gvfixture-basic',
      'domain.define gvfixture-basic',
      'domain.start gvfixture-basic',
    ]);
    expect(result.actions[3]?.params).toMatchObject({ volume: 'gvfixture-basic-root.qcow2', from: { path: expect.stringContaining('image-other-img.qcow2') } });
  });

  it('refuses to replace a disk of a VM with deletionProtection', () => {
    const base = desiredHost();
    const basic = base.vms[0]!;
    const disks = basic.disks.map((d) => ({ ...d, source: { ...d.source!, image: 'other-img', volume: 'image-other-img.qcow2' } }));
    const changed = desiredHost([{ ...basic, disks, deletionProtection: true, specHash: rehash(basic.specHash) }]);
    const result = plan(changed, convergedLive(base));
    expect(result.actions.filter((a) => a.kind.startsWith('domain.') || a.kind === 'volume.delete')).toEqual([]);
    expect(result.skipped[0]?.reason).toBe('DeletionProtected');
    expect(result.skipped[0]?.message).toContain('root');
  });

  it('corrects drift made by hand (virsh setmem, captured), or leaves it alone when selfHeal is off', () => {
    const heal = desiredHost();
    const live = convergedLive(heal);
    live.domains[0]!.xml = capturedXml('drift/setmem-gvfixture-basic.inactive.xml');
    const healed = plan(heal, live);
    expect(kinds(healed)).toEqual(['domain.define gvfixture-basic', 'domain.set-memory gvfixture-basic']);
    expect(healed.actions.every((a) => a.drift)).toBe(true);
    const keep = desiredHost([vm('gvfixture-basic', { selfHeal: false })]);
    const kept = plan(keep, live);
    expect(kept.actions).toEqual([]);
    expect(kept.skipped[0]?.reason).toBe('SelfHealDisabled');
  });

  it('starts a stopped Always domain and stops a running Halted one', () => {
    const desired = desiredHost([vm('gvfixture-basic'), vm('gvfixture-pc')]);
    const live = convergedLive(desired);
    live.domains = live.domains.map((d) => ({ ...d, state: d.name === 'gvfixture-basic' ? 'shutoff' : 'running' }));
    const result = plan(desired, live);
    expect(kinds(result)).toEqual(['domain.stop gvfixture-pc', 'domain.start gvfixture-basic']);
  });

  it('grows a disk smaller than asked and never shrinks one', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    const disk = live.volumes.find((v) => v.name === 'gvfixture-basic-root.qcow2')!;
    disk.capacityBytes = 64 * 2 ** 20;
    expect(kinds(plan(desired, live))).toEqual(['volume.resize gvfixture-basic']);
    disk.capacityBytes = 1024 * 2 ** 20;
    expect(plan(desired, live).actions).toEqual([]);
  });

  it('deletes owned domains no longer wanted, keeps protected ones and their disks, never touches unowned ones', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.domains.push(
      liveDomain('old', 'running', { owner: { ...owner('old', 'VirtualMachine'), deleteVolumes: ['old-scratch.qcow2'] } }),
      liveDomain('precious', 'running', { owner: { ...owner('precious', 'VirtualMachine'), deletionProtection: true } }),
      liveDomain('handmade', 'running'),
    );
    live.volumes.push(
      { pool: 'gvfixture-pool', name: 'old-root.qcow2', path: '/x/old-root.qcow2', capacityBytes: 1 },
      { pool: 'gvfixture-pool', name: 'old-scratch.qcow2', path: '/x/old-scratch.qcow2', capacityBytes: 1 },
      { pool: 'gvfixture-pool', name: 'old-seed-0123456789ab.iso', path: '/x/old-seed-0123456789ab.iso', capacityBytes: 1 },
    );
    live.networks.push({ name: 'default', active: true, autostart: true, owner: null });
    const result = plan(desired, live);
    expect(kinds(result)).toEqual(['domain.delete old', 'volume.delete old', 'volume.delete old']);
    expect(result.actions.map((a) => [a.params, a.destructive])).toEqual([
      [{ name: 'old', timeoutSeconds: 60 }, true],
      [expect.objectContaining({ volume: 'old-scratch.qcow2' }), true],
      [expect.objectContaining({ volume: 'old-seed-0123456789ab.iso' }), false],
    ]);
    expect(result.skipped).toMatchObject([{ reason: 'DeletionProtected', owner: { name: 'precious' } }]);
  });

  it('refuses to take over a domain of the same name that gitvirt did not create', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.domains = [liveDomain('gvfixture-basic', 'running', { xml: capturedXml('domain/gvfixture-unowned.inactive.xml') })];
    const result = plan(desired, live);
    expect(result.actions.some((a) => a.kind.startsWith('domain.'))).toBe(false);
    expect(result.skipped).toMatchObject([{ reason: 'NotOwned' }]);
  });

  it('updates DHCP reservations live (captured net-update drift) and recreates a network whose address changed', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.networks[0]!.xml = capturedXml('drift/net-update-gvfixture-nat.live.xml');
    const updated = plan(desired, live);
    expect(kinds(updated)).toEqual(['network.update-dhcp gvfixture-nat']);
    expect((updated.actions[0]?.params as { add: unknown[]; remove: unknown[] }).remove).toHaveLength(1);
    const net = desired.networks[0]!;
    const moved = { ...desired, networks: [{ ...net, address: '10.211.0.2', specHash: rehash(net.specHash) }] };
    expect(kinds(plan(moved, convergedLive(desired)))).toEqual(['network.delete gvfixture-nat', 'network.define gvfixture-nat']);
  });
});

describe('buildPlan', () => {
  const state = (hosts: Record<string, DesiredHostState>): DesiredState => ({ revision: REV, hosts, unplaced: [], diagnostics: [] });
  const changesOf = (desired: DesiredHostState, live: LiveHostState) => diffHost({ desired, live });

  it('plans reachable hosts and reports unreachable ones without actions', () => {
    const hv1 = desiredHost();
    const hv2 = { ...desiredHost(), host: { ...hv1.host, name: 'hv2' } };
    const result = buildPlan({
      desired: state({ hv1, hv2 }),
      observed: { hv1: { ok: true, live: emptyLive() }, hv2: { ok: false, error: 'connection refused' } },
      changes: { hv1: changesOf(hv1, emptyLive()) },
    });
    expect(result.hosts.map((h) => [h.host, h.reachable, h.actions.length > 0])).toEqual([['hv1', true, true], ['hv2', false, false]]);
    expect(result.hosts[1]?.error).toBe('connection refused');
    expect(result.brake).toBeUndefined();
    expect(summarizePlan(result)).toMatchObject({ unreachable: 1, changes: true });
  });

  it('engages the brake on more deletions than the cap and holds every deletion back', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    for (let i = 0; i < 3; i++) live.domains.push(liveDomain(`old-${i}`, 'running', { owner: owner(`old-${i}`, 'VirtualMachine') }));
    const result = buildPlan({ desired: state({ hv1: desired }), observed: { hv1: { ok: true, live } }, changes: { hv1: changesOf(desired, live) }, policy: { maxDeletions: 2 } });
    expect(result.brake?.code).toBe('TooManyDeletions');
    expect(result.brake?.message).toContain('3 objects');
    expect(result.hosts[0]?.actions).toEqual([]);
    expect(result.hosts[0]?.skipped.map((s) => s.reason)).toEqual(['BrakeEngaged', 'BrakeEngaged', 'BrakeEngaged']);
    expect(summarizePlan(result).changes).toBe(false);
  });

  it('refuses an empty desired state that would delete everything, unless allowed', () => {
    const empty = { ...desiredHost([]), networks: [], images: [] };
    const live = convergedLive(desiredHost());
    const input = { desired: state({ hv1: empty }), observed: { hv1: { ok: true as const, live } }, changes: { hv1: changesOf(empty, live) } };
    const refused = buildPlan(input);
    expect(refused.brake?.code).toBe('EmptyDesiredState');
    expect(refused.hosts[0]?.actions.filter((a) => a.destructive)).toEqual([]);
    const allowed = buildPlan({ ...input, policy: { allowEmpty: true } });
    expect(allowed.brake).toBeUndefined();
    expect(allowed.hosts[0]?.actions.map((a) => a.kind)).toEqual(['domain.delete', 'volume.delete', 'network.delete']);
  });

  it('holds deletions back when most hosts are unreachable', () => {
    const hv1 = desiredHost();
    const live = convergedLive(hv1);
    live.domains.push(liveDomain('old', 'running', { owner: owner('old', 'VirtualMachine') }));
    const hosts = { hv1, hv2: { ...hv1, host: { ...hv1.host, name: 'hv2' } }, hv3: { ...hv1, host: { ...hv1.host, name: 'hv3' } } };
    const result = buildPlan({
      desired: state(hosts),
      observed: { hv1: { ok: true, live }, hv2: { ok: false, error: 'timeout' }, hv3: { ok: false, error: 'timeout' } },
      changes: { hv1: changesOf(hv1, live) },
    });
    expect(result.brake?.code).toBe('TooManyHostsUnreachable');
    expect(result.hosts[0]?.skipped.map((s) => s.reason)).toEqual(['BrakeEngaged']);
  });
});

describe('planHost, memory raised above the running maximum', () => {
  it('restarts instead of setting memory live (which libvirt refuses above the maximum), or waits when Manual', () => {
    const base = desiredHost();
    const basic = base.vms[0]!;
    const hash = basic.specHash.replace(/^./, '8');
    const auto = desiredHost([vm('gvfixture-basic', { memoryMiB: 320, maxMemoryMiB: 384, specHash: hash })]);
    expect(planHost(auto, convergedLive(base), diffHost({ desired: auto, live: convergedLive(base) }), 'r').actions.map((a) => a.kind))
      .toEqual(['domain.define', 'domain.restart']);
    const manual = desiredHost([vm('gvfixture-basic', { memoryMiB: 320, maxMemoryMiB: 384, restartPolicy: 'Manual', specHash: hash })]);
    const result = planHost(manual, convergedLive(base), diffHost({ desired: manual, live: convergedLive(base) }), 'r');
    expect(result.actions.map((a) => a.kind)).toEqual(['domain.define']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['RestartRequired']);
  });
});
