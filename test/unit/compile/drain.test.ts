import { describe, expect, it } from 'vitest';
import { compile, schedule, type SchedulerHost, type SchedulerVm } from '../../../controller/compile/index.js';
import type { Resource } from '../../../controller/types/resources.js';

const host = (name: string, memoryMiB: number, extra: Partial<SchedulerHost> = {}): SchedulerHost => ({
  name, zone: 'z', labels: {}, cordoned: false, capacity: { cpus: 8, memoryMiB }, reserved: { cpus: 0, memoryMiB: 0 }, ...extra,
});
const vm = (name: string, memoryMiB: number, extra: Partial<SchedulerVm> = {}): SchedulerVm => ({
  name, cpus: 1, memoryMiB, placement: { zone: 'z' }, ...extra,
});

describe('scheduler: draining hosts', () => {
  it('moves one VM per draining host per cycle, the first by name that fits, and keeps the rest waiting', () => {
    const result = schedule({
      hosts: [host('hv1', 8192, { drain: true }), host('hv2', 4096), host('hv3', 2048)],
      vms: [vm('a', 1024), vm('b', 1024), vm('c', 1024)],
      live: { a: 'hv1', b: 'hv1', c: 'hv1' },
    });
    expect(Object.fromEntries(result.placements)).toEqual({ a: 'hv3', b: 'hv1', c: 'hv1' });
    expect(result.drains.map((d) => [d.vm, d.state, d.to])).toEqual([['a', 'moving', 'hv3'], ['b', 'waiting', undefined], ['c', 'waiting', undefined]]);
    expect(result.drains[1]?.reason).toBe('waits to leave draining host hv1: one VM moves per host per cycle and a moves now');
    expect(result.unplaced).toEqual([]);
  });

  it('moves the next VM once the first runs elsewhere, and nothing once the host is empty', () => {
    const hosts = [host('hv1', 8192, { drain: true }), host('hv2', 8192)];
    const second = schedule({ hosts, vms: [vm('a', 1024), vm('b', 1024)], live: { a: 'hv2', b: 'hv1' } });
    expect(Object.fromEntries(second.placements)).toEqual({ a: 'hv2', b: 'hv2' });
    expect(second.drains.map((d) => d.state)).toEqual(['moving']);
    const done = schedule({ hosts, vms: [vm('a', 1024), vm('b', 1024)], live: { a: 'hv2', b: 'hv2' } });
    expect(done.drains).toEqual([]);
  });

  it('moves nothing when no other host has room, and says what ran out where', () => {
    const result = schedule({
      hosts: [host('hv1', 8192, { drain: true }), host('hv2', 1024)],
      vms: [vm('big', 2048), vm('small', 512)],
      live: { big: 'hv1', small: 'hv1' },
    });
    expect(Object.fromEntries(result.placements)).toEqual({ big: 'hv1', small: 'hv2' });
    expect(result.drains[0]).toEqual({
      vm: 'big', host: 'hv1', state: 'no-room', code: 'InsufficientCapacity',
      reason: 'cannot leave draining host hv1: needs 1 vCPU and 2048 MiB memory; hv1 is draining, hv2 has 1024 MiB free',
    });
    const none = schedule({ hosts: [host('hv1', 8192, { drain: true }), host('hv2', 1024)], vms: [vm('big', 2048)], live: { big: 'hv1' } });
    expect(Object.fromEntries(none.placements)).toEqual({ big: 'hv1' });
    expect(none.drains.map((d) => d.state)).toEqual(['no-room']);
  });

  it('keeps a VM pinned to a draining host there, reports it, and places nothing new on the host', () => {
    const result = schedule({
      hosts: [host('hv1', 8192, { drain: true }), host('hv2', 8192)],
      vms: [vm('pinned', 1024, { placement: { host: 'hv1' } }), vm('fresh', 1024), vm('late', 1024, { placement: { host: 'hv1' } })],
      live: { pinned: 'hv1' },
    });
    expect(Object.fromEntries(result.placements)).toEqual({ pinned: 'hv1', fresh: 'hv2' });
    expect(result.drains).toEqual([{ vm: 'pinned', host: 'hv1', state: 'pinned', reason: 'pinned to draining host hv1 by placement.host, so it stays' }]);
    expect(result.unplaced).toEqual([{ vm: 'late', code: 'HostCordoned', reason: 'pinned to host hv1, which is draining' }]);
  });

  it('honours required anti-affinity when a cluster member leaves', () => {
    const group = { name: 'db', antiAffinity: 'required' as const };
    const result = schedule({
      hosts: [host('hv1', 8192, { drain: true }), host('hv2', 2048), host('hv3', 8192)],
      vms: [vm('db-0', 1024, { group }), vm('db-1', 1024, { group })],
      live: { 'db-0': 'hv1', 'db-1': 'hv2' },
    });
    expect(result.placements.get('db-0')).toBe('hv3');
  });

  it('drains each draining host separately, one VM each', () => {
    const result = schedule({
      hosts: [host('hv1', 8192, { drain: true }), host('hv2', 8192, { drain: true }), host('hv3', 8192)],
      vms: [vm('a', 1024), vm('b', 1024), vm('c', 1024), vm('d', 1024)],
      live: { a: 'hv1', b: 'hv1', c: 'hv2', d: 'hv2' },
    });
    expect(Object.fromEntries(result.placements)).toEqual({ a: 'hv3', b: 'hv1', c: 'hv3', d: 'hv2' });
  });
});

describe('compile: draining hosts', () => {
  const hostResource = (name: string, drain: boolean, memoryMiB = 4096): Resource => ({
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'Host', metadata: { name },
    spec: { address: '10.0.0.1', hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', zone: 'z', capacity: { cpus: 4, memoryMiB }, reserved: { memoryMiB: 0 }, drain },
  });
  const vmResource = (name: string, placement: Record<string, string>, memoryMiB = 512): Resource => ({
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'VirtualMachine', metadata: { name },
    spec: { placement, cpus: 1, memoryMiB, disks: [{ name: 'root', sizeGiB: 1 }] },
  });

  it('records the drain in the desired state and warns about pinned and stuck VMs', () => {
    const state = compile({
      revision: 'r1',
      resources: [hostResource('hv1', true, 8192), hostResource('hv2', false), vmResource('a', { zone: 'z' }), vmResource('b', { zone: 'z' }, 6144), vmResource('p', { host: 'hv1' })],
      live: { a: 'hv1', b: 'hv1', p: 'hv1' },
    });
    expect(state.hosts['hv1']?.host.drain).toBe(true);
    expect(state.hosts['hv2']?.vms.map((v) => v.name)).toEqual(['a']);
    expect(state.hosts['hv1']?.vms.map((v) => v.name)).toEqual(['b', 'p']);
    expect(state.drains?.map((d) => [d.vm, d.state])).toEqual([['a', 'moving'], ['b', 'no-room'], ['p', 'pinned']]);
    expect(state.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['drain-blocked', '/spec/placement'],
      ['pinned-to-draining-host', '/spec/placement/host'],
    ]);
    expect(state.diagnostics[1]?.hint).toContain('set placement.host to another host');
  });

  it('carries the migration policy only when the spec gives one', () => {
    const withPolicy = { ...vmResource('a', { zone: 'z' }), spec: { ...(vmResource('a', { zone: 'z' }) as { spec: object }).spec, migration: { disks: 'recreate' } } } as Resource;
    const state = compile({ revision: 'r1', resources: [hostResource('hv1', false), withPolicy, vmResource('b', { zone: 'z' })] });
    const vms = state.hosts['hv1']?.vms ?? [];
    expect(vms.find((v) => v.name === 'a')?.migration).toEqual({ disks: 'recreate' });
    expect(vms.find((v) => v.name === 'b')?.migration).toBeUndefined();
    expect(state.drains).toBeUndefined();
  });
});
