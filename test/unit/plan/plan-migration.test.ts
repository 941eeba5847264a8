import { describe, expect, it } from 'vitest';
import { diffHost } from '../../../controller/diff/index.js';
import { buildPlan, summarizePlan } from '../../../controller/plan/index.js';
import type { DesiredHostState, DesiredState, DesiredVm, DrainingVm } from '../../../controller/types/desired.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { HostObservation, HostPlan, MigrateParams } from '../../../controller/types/plan.js';
import { convergedLive, desiredHost, emptyLive, vm } from './plan-fixtures.js';

const REV = 'c0ffee';
const VM = 'gvfixture-basic';
const kinds = (plan: HostPlan | undefined) => (plan?.actions ?? []).map((a) => `${a.kind} ${a.owner.name}`);

/** A desired host named `name` (the fixtures are built for hv1). */
function hostNamed(name: string, vms: DesiredVm[]): DesiredHostState {
  const base = desiredHost(vms);
  return { ...base, host: { ...base.host, name } };
}

/** Live state of host `name`. */
function liveNamed(name: string, live: LiveHostState): LiveHostState {
  return { ...live, host: name };
}

/** Builds the plan of hv1 (source) and hv2 (target) from their live states, with the VM placed on hv2. */
function planMove(source: LiveHostState, target: LiveHostState, options: { vm?: DesiredVm; drains?: DrainingVm[]; hosts?: string[] } = {}) {
  const moving = options.vm ?? vm(VM);
  const all: Record<string, DesiredHostState> = { hv1: hostNamed('hv1', []), hv2: hostNamed('hv2', [moving]) };
  const hosts = Object.fromEntries(Object.entries(all).filter(([name]) => options.hosts === undefined || options.hosts.includes(name)));
  const desired: DesiredState = { revision: REV, hosts, unplaced: [], diagnostics: [], ...(options.drains === undefined ? {} : { drains: options.drains }) };
  const observed: Record<string, HostObservation> = { hv1: { ok: true, live: liveNamed('hv1', source) }, hv2: { ok: true, live: liveNamed('hv2', target) } };
  const changes = Object.fromEntries(Object.entries(hosts).map(([name, host]) => [name, diffHost({ desired: host, live: observed[name]!.ok ? (observed[name] as { live: LiveHostState }).live : emptyLive() })]));
  const plan = buildPlan({ desired, observed, changes });
  return { plan, hv1: plan.hosts.find((h) => h.host === 'hv1'), hv2: plan.hosts.find((h) => h.host === 'hv2') };
}

/** hv1 as it is with the VM running there. */
const sourceLive = () => convergedLive(desiredHost([vm(VM)]));
/** hv2 with its pool, network and image but not the VM. */
const targetReady = () => {
  const live = convergedLive(desiredHost([]));
  return { ...live, volumes: [...live.volumes, { pool: live.pools[0]!.name, name: 'image-gvfixture-img.qcow2', path: `${live.pools[0]!.path}/image-gvfixture-img.qcow2`, capacityBytes: 1 }] };
};

describe('plan: cold migration', () => {
  it('carries a moved VM by one domain.migrate on the new host, after its prerequisites, and nothing on the old host', () => {
    const { hv1, hv2, plan } = planMove(sourceLive(), emptyLive());
    expect(kinds(hv2)).toEqual([
      'pool.ensure gvfixture-pool',
      'network.define gvfixture-nat',
      'image.fetch gvfixture-img',
      'seed.create gvfixture-basic',
      'domain.migrate gvfixture-basic',
    ]);
    expect(kinds(hv1)).toEqual([]);
    const migrate = hv2?.actions.find((a) => a.kind === 'domain.migrate');
    expect(migrate?.reason).toBe('migrate vm gvfixture-basic hv1 → hv2 (copy 1 volume)');
    expect(migrate?.destructive).toBe(true);
    const params = migrate?.params as MigrateParams;
    const disk = vm(VM).disks[0]!;
    expect(params).toMatchObject({ name: VM, from: 'hv1', disks: 'copy', runStrategy: vm(VM).runStrategy, timeoutSeconds: vm(VM).shutdownTimeoutSeconds });
    expect(params.volumes).toEqual([expect.objectContaining({ volume: disk.volume, from: `${desiredHost().pool.path}/${disk.volume}`, to: `${desiredHost().pool.path}/${disk.volume}` })]);
    expect(params.volumes[0]?.backing).toBeUndefined();
    expect(params.volumes[0]?.create).toMatchObject({ volume: disk.volume, from: { mode: 'overlay' } });
    expect(params.cleanup.map((c) => c.volume).sort()).toEqual([disk.volume, vm(VM).seed!.volume].sort());
    expect(params.xml).toContain(`<name>${VM}</name>`);
    expect(summarizePlan(plan)).toMatchObject({ change: 1, destroy: 0 });
  });

  it('rebases a copied overlay when the new host keeps its pool elsewhere', () => {
    const source = sourceLive();
    const moved = { ...source, volumes: source.volumes.map((v) => ({ ...v, path: v.path.replace('/gvfixture-pool/', '/other-pool/') })) };
    const params = planMove(moved, emptyLive()).hv2?.actions.find((a) => a.kind === 'domain.migrate')?.params as MigrateParams;
    expect(params.volumes[0]?.backing).toEqual({ path: `${desiredHost().pool.path}/image-gvfixture-img.qcow2`, format: 'qcow2' });
  });

  it('follows the recreate policy', () => {
    const params = planMove(sourceLive(), emptyLive(), { vm: vm(VM, { migration: { disks: 'recreate' } }) }).hv2?.actions.find((a) => a.kind === 'domain.migrate');
    expect(params?.reason).toBe('migrate vm gvfixture-basic hv1 → hv2 (recreate 1 volume)');
    expect((params?.params as MigrateParams).disks).toBe('recreate');
  });

  it('resumes an interrupted migration: target defined (or running) and source shut off still plan one domain.migrate and no prune', () => {
    const source = sourceLive();
    const stopped = { ...source, domains: source.domains.map((d) => ({ ...d, state: 'shutoff' as const })) };
    const target = liveNamed('hv2', convergedLive(desiredHost([vm(VM)])));
    for (const state of ['shutoff', 'running'] as const) {
      const { hv1, hv2 } = planMove(stopped, { ...target, domains: target.domains.map((d) => ({ ...d, state })) });
      expect(kinds(hv2)).toEqual(['domain.migrate gvfixture-basic']);
      expect(kinds(hv1)).toEqual([]);
    }
  });

  it('takes the host where the VM runs as the source when its domain exists on two', () => {
    const source = sourceLive();
    const stopped = { ...source, domains: source.domains.map((d) => ({ ...d, state: 'shutoff' as const })) };
    const { hv2 } = planMove(stopped, emptyLive());
    expect((hv2?.actions.find((a) => a.kind === 'domain.migrate')?.params as MigrateParams).from).toBe('hv1');
  });

  it('holds the move when the source host is not planned in this run', () => {
    const { hv2 } = planMove(sourceLive(), emptyLive(), { hosts: ['hv2'] });
    expect(kinds(hv2).filter((k) => k.endsWith(VM))).toEqual([]);
    expect(hv2?.skipped).toEqual([expect.objectContaining({ reason: 'MigrationPending', owner: vm(VM).owner })]);
  });

  it('holds a drain move when the target is not planned, instead of pruning the VM', () => {
    const drains: DrainingVm[] = [{ vm: VM, owner: vm(VM).owner, host: 'hv1', state: 'moving', to: 'hv2', reason: 'leaves draining host hv1 for hv2' }];
    const { hv1 } = planMove(sourceLive(), emptyLive(), { hosts: ['hv1'], drains });
    expect(kinds(hv1)).toEqual([]);
    expect(hv1?.skipped.map((s) => s.reason)).toEqual(['MigrationPending']);
  });

  it('lists VMs waiting to leave a draining host as DrainPending', () => {
    const waiting: DrainingVm = { vm: 'other', owner: { kind: 'VirtualMachine', name: 'other' }, host: 'hv1', state: 'waiting', reason: 'waits to leave draining host hv1: one VM moves per host per cycle and gvfixture-basic moves now' };
    const { hv1 } = planMove(sourceLive(), emptyLive(), { drains: [waiting] });
    expect(hv1?.skipped).toEqual([{ host: 'hv1', owner: waiting.owner, reason: 'DrainPending', message: `domain.migrate of other: ${waiting.reason}` }]);
  });

  it('holds a migration back with the brake like any destructive action', () => {
    const desiredVm = vm(VM);
    const desired: DesiredState = { revision: REV, hosts: { hv1: hostNamed('hv1', []), hv2: hostNamed('hv2', [desiredVm]) }, unplaced: [], diagnostics: [] };
    const observed: Record<string, HostObservation> = { hv1: { ok: true, live: liveNamed('hv1', sourceLive()) }, hv2: { ok: true, live: liveNamed('hv2', targetReady()) } };
    const changes = { hv1: diffHost({ desired: desired.hosts['hv1']!, live: sourceLive() }), hv2: diffHost({ desired: desired.hosts['hv2']!, live: targetReady() }) };
    const plan = buildPlan({ desired, observed, changes, policy: { maxDeletions: 0 } });
    expect(plan.brake?.code).toBe('TooManyDeletions');
    expect(kinds(plan.hosts[1])).not.toContain(`domain.migrate ${VM}`);
    expect(plan.hosts[1]?.skipped.map((s) => s.reason)).toContain('BrakeEngaged');
  });
});

describe('plan: drain moves off a host that cannot be observed', () => {
  it('creates nothing on the target while the source may still run the VM', () => {
    const drains: DrainingVm[] = [{ vm: VM, owner: vm(VM).owner, host: 'hv1', state: 'moving', to: 'hv2', reason: 'leaves draining host hv1 for hv2' }];
    const desired: DesiredState = { revision: REV, hosts: { hv1: hostNamed('hv1', []), hv2: hostNamed('hv2', [vm(VM)]) }, unplaced: [], diagnostics: [], drains };
    const observed: Record<string, HostObservation> = { hv1: { ok: false, error: 'connection refused' }, hv2: { ok: true, live: liveNamed('hv2', emptyLive()) } };
    const plan = buildPlan({ desired, observed, changes: { hv2: diffHost({ desired: desired.hosts['hv2']!, live: emptyLive() }) } });
    const hv2 = plan.hosts.find((h) => h.host === 'hv2');
    expect(kinds(hv2).filter((k) => k.endsWith(VM))).toEqual([]);
    expect(hv2?.skipped).toEqual([expect.objectContaining({ reason: 'MigrationPending', message: expect.stringContaining('hv1 cannot be observed') })]);
  });
});
