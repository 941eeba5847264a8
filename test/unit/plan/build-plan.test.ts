import { describe, expect, it } from 'vitest';
import { buildPlan, planHost, summarizePlan } from '../../../controller/plan/index.js';
import type { Change } from '../../../controller/types/change.js';
import type { DesiredHostState, DesiredState } from '../../../controller/types/desired.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { HostPlan } from '../../../controller/types/plan.js';
import { convergedLive, desiredHost, domainUpdate, emptyLive, HOST, liveDomain, owner, vm } from './plan-fixtures.js';

const REV = 'c0ffee';
const kinds = (plan: HostPlan) => plan.actions.map((a) => `${a.kind} ${a.owner.name}`);
const plan = (desired: DesiredHostState, live: LiveHostState, changes: Change[] = []) => planHost(desired, live, changes, REV);

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
    expect(define?.params).toMatchObject({ name: 'gvfixture-basic' });
    expect((define?.params as { xml: string }).xml).toContain('<name>gvfixture-basic</name>');
  });

  it('plans nothing for a converged host', () => {
    const desired = desiredHost();
    expect(plan(desired, convergedLive(desired)).actions).toEqual([]);
  });

  it('applies a live change to a running domain and its config', () => {
    const desired = desiredHost([vm('gvfixture-basic', { memoryMiB: 224 })]);
    const change = domainUpdate('gvfixture-basic', [{ path: 'memoryMiB', from: 192, to: 224, class: 'live' }]);
    const result = plan(desired, convergedLive(desired), [change]);
    expect(kinds(result)).toEqual(['domain.define gvfixture-basic', 'domain.set-memory gvfixture-basic']);
    expect(result.actions[1]?.params).toEqual({ name: 'gvfixture-basic', memoryMiB: 224 });
  });

  it('sets iotune of the changed disk live', () => {
    const full = vm('gvfixture-full');
    const desired = desiredHost([full]);
    const change = domainUpdate('gvfixture-full', [{ path: 'disks[vda].iotune.totalBytesSec', from: 1, to: 10485760, class: 'live' }]);
    const result = plan(desired, convergedLive(desired), [change]);
    expect(result.actions.find((a) => a.kind === 'domain.set-iotune')?.params).toMatchObject({ target: 'vda', iotune: { totalBytesSec: 10485760 } });
  });

  it('restarts for a restart-class change when the policy is Automatic, and only reports it when Manual', () => {
    const change = domainUpdate('gvfixture-basic', [{ path: 'vcpus', from: 1, to: 2, class: 'restart' }]);
    const auto = desiredHost([vm('gvfixture-basic', { cpus: 2 })]);
    expect(kinds(plan(auto, convergedLive(auto), [change]))).toEqual(['domain.define gvfixture-basic', 'domain.restart gvfixture-basic']);
    const manual = desiredHost([vm('gvfixture-basic', { cpus: 2, restartPolicy: 'Manual' })]);
    const result = plan(manual, convergedLive(manual), [change]);
    expect(kinds(result)).toEqual(['domain.define gvfixture-basic']);
    expect(result.skipped).toMatchObject([{ reason: 'RestartRequired', owner: { name: 'gvfixture-basic' } }]);
  });

  it('replaces a disk whose image changed: stop, delete, recreate, define, start', () => {
    const desired = desiredHost();
    const change = domainUpdate('gvfixture-basic', [{ path: 'disks[vda].source', from: 'a', to: 'b', class: 'replace' }]);
    expect(kinds(plan(desired, convergedLive(desired), [change]))).toEqual([
      'domain.stop gvfixture-basic',
      'volume.delete gvfixture-basic',
      'volume.create gvfixture-basic',
      'domain.define gvfixture-basic',
      'domain.start gvfixture-basic',
    ]);
  });

  it('refuses to replace a disk of a VM with deletionProtection', () => {
    const desired = desiredHost([vm('gvfixture-basic', { deletionProtection: true })]);
    const change = domainUpdate('gvfixture-basic', [{ path: 'disks[vda].source', from: 'a', to: 'b', class: 'replace' }]);
    const result = plan(desired, convergedLive(desired), [change]);
    expect(result.actions).toEqual([]);
    expect(result.skipped[0]?.reason).toBe('DeletionProtected');
    expect(result.skipped[0]?.message).toContain('root');
  });

  it('corrects drift, or leaves it alone when selfHeal is off', () => {
    const change = domainUpdate('gvfixture-basic', [{ path: 'memoryMiB', from: 160, to: 192, class: 'live' }], true);
    const heal = desiredHost();
    const healed = plan(heal, convergedLive(heal), [change]);
    expect(healed.actions.every((a) => a.drift)).toBe(true);
    expect(kinds(healed)).toEqual(['domain.define gvfixture-basic', 'domain.set-memory gvfixture-basic']);
    const keep = desiredHost([vm('gvfixture-basic', { selfHeal: false })]);
    const kept = plan(keep, convergedLive(keep), [change]);
    expect(kept.actions).toEqual([]);
    expect(kept.skipped[0]?.reason).toBe('SelfHealDisabled');
  });

  it('starts a stopped Always domain and stops a running Halted one', () => {
    const desired = desiredHost([vm('gvfixture-basic'), vm('gvfixture-pc')]);
    const live = convergedLive(desired);
    live.domains = live.domains.map((d) => ({ ...d, state: d.name === 'gvfixture-basic' ? 'shutoff' : 'running' }));
    const result = plan(desired, live);
    expect(kinds(result)).toEqual(['domain.stop gvfixture-pc', 'domain.start gvfixture-basic']);
    expect(result.actions.every((a) => a.drift)).toBe(true);
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

  it('deletes owned domains no longer wanted, keeps protected ones, and never touches unowned ones', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.domains.push(
      liveDomain('old', 'running', { owner: { ...owner('old', 'VirtualMachine'), deleteVolumes: ['old-root.qcow2'] } }),
      liveDomain('precious', 'running', { owner: { ...owner('precious', 'VirtualMachine'), deletionProtection: true } }),
      liveDomain('handmade', 'running'),
    );
    live.networks.push({ name: 'default', active: true, autostart: true, owner: null });
    const result = plan(desired, live);
    expect(kinds(result)).toEqual(['domain.delete old', 'volume.delete old']);
    expect(result.actions.every((a) => a.destructive)).toBe(true);
    expect(result.skipped).toMatchObject([{ reason: 'DeletionProtected', owner: { name: 'precious' } }]);
  });

  it('refuses to take over a domain of the same name that gitvirt did not create', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.domains = [liveDomain('gvfixture-basic', 'running')];
    const result = plan(desired, live);
    expect(result.actions.some((a) => a.owner.name === 'gvfixture-basic' && a.kind.startsWith('domain.'))).toBe(false);
    expect(result.skipped).toMatchObject([{ reason: 'NotOwned' }]);
  });

  it('updates DHCP reservations live and recreates a network whose settings changed', () => {
    const desired = desiredHost();
    const live = convergedLive(desired);
    live.networks[0]!.xml = '<network><name>gvfixture-nat</name><ip address="10.211.0.1" prefix="24"><dhcp><range start="10.211.0.100" end="10.211.0.199"/><host mac="52:54:00:aa:00:09" ip="10.211.0.99"/></dhcp></ip></network>';
    const dhcp: Change = { host: HOST, object: 'network', name: 'gvfixture-nat', type: 'update', class: 'live', fields: [{ path: 'hosts', from: 1, to: 2, class: 'live' }], drift: false };
    const updated = plan(desired, live, [dhcp]);
    expect(kinds(updated)).toEqual(['network.update-dhcp gvfixture-nat']);
    expect(updated.actions[0]?.params).toMatchObject({ add: [{ mac: '52:54:00:aa:00:01' }, { mac: '52:54:00:aa:00:02' }], remove: [{ mac: '52:54:00:aa:00:09' }] });
    const cidr: Change = { ...dhcp, class: 'replace', fields: [{ path: 'address', from: 'x', to: 'y', class: 'replace' }] };
    expect(kinds(plan(desired, live, [cidr]))).toEqual(['network.delete gvfixture-nat', 'network.define gvfixture-nat']);
  });
});

describe('buildPlan', () => {
  const state = (hosts: Record<string, DesiredHostState>): DesiredState => ({ revision: REV, hosts, unplaced: [], diagnostics: [] });

  it('plans reachable hosts and reports unreachable ones without actions', () => {
    const desired = desiredHost();
    const other = { ...desiredHost(), host: { ...desired.host, name: 'hv2' } };
    const result = buildPlan({
      desired: state({ hv1: desired, hv2: other }),
      observed: { hv1: { ok: true, live: emptyLive() }, hv2: { ok: false, error: 'connection refused' } },
      changes: {},
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
    const result = buildPlan({ desired: state({ hv1: desired }), observed: { hv1: { ok: true, live } }, changes: {}, policy: { maxDeletions: 2 } });
    expect(result.brake?.code).toBe('TooManyDeletions');
    expect(result.brake?.message).toContain('3 objects');
    expect(result.hosts[0]?.actions).toEqual([]);
    expect(result.hosts[0]?.skipped.map((s) => s.reason)).toEqual(['BrakeEngaged', 'BrakeEngaged', 'BrakeEngaged']);
  });

  it('refuses an empty desired state that would delete everything', () => {
    const empty = { ...desiredHost([]), networks: [], images: [] };
    const live = convergedLive(desiredHost());
    const result = buildPlan({ desired: state({ hv1: empty }), observed: { hv1: { ok: true, live } }, changes: {} });
    expect(result.brake?.code).toBe('EmptyDesiredState');
    expect(result.hosts[0]?.actions.filter((a) => a.destructive)).toEqual([]);
    const allowed = buildPlan({ desired: state({ hv1: empty }), observed: { hv1: { ok: true, live } }, changes: {}, policy: { allowEmpty: true } });
    expect(allowed.brake).toBeUndefined();
    expect(allowed.hosts[0]?.actions.map((a) => a.kind)).toContain('domain.delete');
  });

  it('holds deletions back when most hosts are unreachable', () => {
    const hv1 = desiredHost();
    const live = convergedLive(hv1);
    live.domains.push(liveDomain('old', 'running', { owner: owner('old', 'VirtualMachine') }));
    const hosts = { hv1, hv2: { ...hv1, host: { ...hv1.host, name: 'hv2' } }, hv3: { ...hv1, host: { ...hv1.host, name: 'hv3' } } };
    const result = buildPlan({
      desired: state(hosts),
      observed: { hv1: { ok: true, live }, hv2: { ok: false, error: 'timeout' }, hv3: { ok: false, error: 'timeout' } },
      changes: {},
    });
    expect(result.brake?.code).toBe('TooManyHostsUnreachable');
    expect(result.hosts[0]?.skipped.map((s) => s.reason)).toEqual(['BrakeEngaged']);
  });
});
