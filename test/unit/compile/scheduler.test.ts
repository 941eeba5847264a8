import { describe, expect, it } from 'vitest';
import { compile, schedule, type SchedulerHost, type SchedulerVm } from '../../../controller/compile/index.js';
import type { Resource } from '../../../controller/types/resources.js';
import { loadCase, placementsOf, runCase } from './compile-case.js';

/** A new floating VM sorting before every other, which best fit would put on the tightest host. */
const EARLY_VM: Resource = {
  apiVersion: 'gitvirt.io/v1alpha1',
  kind: 'VirtualMachine',
  metadata: { name: 'a-added' },
  spec: { placement: { zone: 'z' }, cpus: 2, memoryMiB: 6144, disks: [{ name: 'root', sizeGiB: 1 }] },
};

describe('scheduler', () => {
  it('bin-packs by best fit on memory, skipping hosts without enough vCPUs', () => {
    runCase('scheduler-bin-packing');
  });

  it('never puts two members of a required anti-affinity cluster on one host', () => {
    const state = runCase('scheduler-anti-affinity-required');
    expect(state.diagnostics[0]).toMatchObject({ severity: 'warning', resource: { kind: 'Cluster', name: 'db' }, path: '/spec/zones/0' });
  });

  it('spreads preferred anti-affinity members before sharing, and packs members without anti-affinity', () => {
    runCase('scheduler-anti-affinity-preferred');
  });

  it('keeps VMs on the host they run on', () => {
    runCase('scheduler-stability');
  });

  it('moves nobody when a VM is added, given the live placement', () => {
    const fixture = loadCase('scheduler-bin-packing');
    const before = placementsOf(compile(fixture.input));
    const added = { ...fixture.input, resources: [...fixture.input.resources, EARLY_VM] };
    const withoutLive = placementsOf(compile(added));
    expect(Object.keys(before).some((vm) => withoutLive[vm] !== before[vm])).toBe(true);
    const withLive = placementsOf(compile({ ...added, live: before }));
    for (const [vm, host] of Object.entries(before)) expect(withLive[vm]).toBe(host);
  });

  it('moves a running VM when its host no longer qualifies', () => {
    const fixture = loadCase('scheduler-bin-packing');
    const state = compile({ ...fixture.input, live: { 'a-big': 'hv9', 'b-mid': 'hv4' } });
    expect(placementsOf(state)['a-big']).toBe('hv1');
    expect(placementsOf(state)['b-mid']).toBe('hv4');
  });

  it('places no new VM on a cordoned host, keeps those already there, and refuses new pins to it', () => {
    runCase('scheduler-cordoned');
  });

  it('says which resource ran out on which host when nothing fits', () => {
    const state = runCase('scheduler-no-room');
    expect(state.unplaced[0]?.owner).toEqual({ kind: 'VirtualMachine', name: 'db-a-1', cluster: 'db' });
  });

  it('treats hosts of unknown capacity as full for scheduled VMs, and uses observed capacity when given', () => {
    runCase('scheduler-unknown-capacity');
    const observed = compile({ ...loadCase('scheduler-unknown-capacity').input, capacities: { hv1: { cpus: 4, memoryMiB: 8192 } } });
    expect(placementsOf(observed)).toEqual({ floating: 'hv1', pinned: 'hv1' });
    expect(observed.unplaced).toEqual([]);
  });

  it('places pinned VMs past observed capacity and warns about the host, counting maximum memory', () => {
    const state = runCase('scheduler-overcommit');
    const warning = state.diagnostics.find((d) => d.code === 'host-overcommitted');
    expect(warning).toMatchObject({ severity: 'warning', resource: { kind: 'Host', name: 'hv1' } });
    expect(warning?.message).toBe('host hv1 is short of 1 vCPU and 512 MiB memory for VMs pinned to or running on it (two)');
  });

  it('leaves pinned VMs past a declared capacity to the manifest checks, but warns about VMs kept past it', () => {
    const fixture = loadCase('scheduler-overcommit');
    const declared = fixture.input.resources.map((r) =>
      r.kind === 'Host' ? { ...r, spec: { ...r.spec, capacity: { cpus: 1, memoryMiB: 4096 } } } : r,
    );
    const pinned = compile({ resources: declared, revision: 'r' });
    expect(placementsOf(pinned)).toMatchObject({ one: 'hv1', two: 'hv1' });
    expect(pinned.diagnostics.map((d) => d.code)).toEqual(['unschedulable', 'unschedulable']);
    const floating = declared.map((r) =>
      r.kind === 'VirtualMachine' && r.metadata.name === 'two' ? { ...r, spec: { ...r.spec, placement: { zone: 'default' } } } : r,
    );
    const kept = compile({ resources: floating, revision: 'r', live: { two: 'hv1' } });
    expect(placementsOf(kept)['two']).toBe('hv1');
    expect(kept.diagnostics.map((d) => d.code)).toContain('host-overcommitted');
    expect(compile({ resources: floating, revision: 'r' }).unplaced.map((u) => u.vm)).toContain('two');
  });

  it('unplaces VMs whose references do not resolve', () => {
    runCase('invalid-reference');
  });

  it('is deterministic: the same desired state for any resource order', () => {
    for (const name of ['scheduler-no-room', 'cluster-expansion', 'scheduler-anti-affinity-preferred', 'static-ip-reservation']) {
      const fixture = loadCase(name);
      const expected = JSON.stringify(compile(fixture.input));
      const reversed = JSON.stringify(compile({ ...fixture.input, resources: [...fixture.input.resources].reverse() }));
      const rotated = JSON.stringify(compile({ ...fixture.input, resources: [...fixture.input.resources.slice(2), ...fixture.input.resources.slice(0, 2)] }));
      expect(reversed).toBe(expected);
      expect(rotated).toBe(expected);
    }
  });

  it('places 2,000 VMs on 100 hosts quickly and within capacity', () => {
    const hosts: SchedulerHost[] = Array.from({ length: 100 }, (_, i) => ({
      name: `hv${i}`,
      zone: `z${i % 4}`,
      labels: {},
      cordoned: false,
      capacity: { cpus: 16, memoryMiB: 65536 },
      reserved: { cpus: 0, memoryMiB: 1024 },
    }));
    const vms: SchedulerVm[] = Array.from({ length: 2000 }, (_, i) => ({
      name: `vm${i}`,
      cpus: 1 + (i % 3),
      memoryMiB: 1024 * (1 + (i % 2)),
      placement: { zone: `z${i % 4}` },
      ...(i % 5 === 0 ? { group: { name: `c${Math.floor(i / 20)}`, antiAffinity: 'required' as const } } : {}),
    }));
    const result = schedule({ hosts, vms });
    expect(result.unplaced).toEqual([]);
    const used = new Map<string, { cpus: number; memoryMiB: number }>();
    const groups = new Set<string>();
    for (const vm of vms) {
      const host = result.placements.get(vm.name) as string;
      expect(`z${Number(host.slice(2)) % 4}`).toBe(vm.placement.zone);
      const u = used.get(host) ?? { cpus: 0, memoryMiB: 0 };
      used.set(host, { cpus: u.cpus + vm.cpus, memoryMiB: u.memoryMiB + vm.memoryMiB });
      if (vm.group !== undefined) {
        const key = `${vm.group.name}@${host}`;
        expect(groups.has(key)).toBe(false);
        groups.add(key);
      }
    }
    for (const u of used.values()) {
      expect(u.memoryMiB).toBeLessThanOrEqual(65536 - 1024);
      expect(u.cpus).toBeLessThanOrEqual(16 * 4);
    }
  });
});
