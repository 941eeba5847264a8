import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { API_VERSION, KINDS, type ClusterMemberSpec, type Kind, type Resource, type VirtualMachine, type VirtualMachineSpec } from '../../../controller/types/resources.js';
import { SCHEMAS } from '../../../controller/types/schema-data.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** Type names the resource model promises. */
const CONTRACT_TYPES = [
  'Host', 'HostSpec', 'Image', 'ImageSpec', 'Network', 'NetworkSpec', 'VirtualMachine', 'VirtualMachineSpec', 'Cluster', 'ClusterSpec',
  'ObjectMeta', 'HostCapacity', 'HostReserved', 'StoragePoolSpec', 'ImageSource', 'HostSelection', 'DhcpSpec', 'DhcpReservation',
  'Placement', 'CpuTune', 'VcpuPin', 'Disk', 'DiskIOTune', 'NetworkInterface', 'CloudInit', 'CloudInitUser', 'DirectBoot',
  'HealthCheck', 'ClusterTemplate', 'ClusterMemberSpec', 'ClusterZone', 'UpdateStrategy',
];

describe('generated resource types', () => {
  it('export every type the resource model names', async () => {
    const source = await readFile(join(root, 'controller/types/resources.ts'), 'utf8');
    const exported = [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(exported).toEqual(expect.arrayContaining([...CONTRACT_TYPES, 'Kind', 'Resource']));
  });

  it('say they are generated', async () => {
    for (const file of ['resources.ts', 'schema-data.ts']) {
      const source = await readFile(join(root, 'controller/types', file), 'utf8');
      expect(source.split('\n')[0]).toBe('// generated from schemas/ by scripts/generate.ts; do not edit');
    }
  });

  it('match the kinds and apiVersion of the schemas', () => {
    expect(API_VERSION).toBe('gitvirt.io/v1alpha1');
    expect(Object.keys(SCHEMAS)).toEqual([...KINDS]);
    expectTypeOf<Kind>().toEqualTypeOf<'Host' | 'Image' | 'Network' | 'VirtualMachine' | 'Cluster'>();
    expectTypeOf<Resource['kind']>().toEqualTypeOf<Kind>();
  });

  it('make a Cluster member spec a VirtualMachine spec without placement', () => {
    expectTypeOf<Omit<VirtualMachineSpec, 'placement'>>().toEqualTypeOf<ClusterMemberSpec>();
    const vm: VirtualMachine = {
      apiVersion: API_VERSION, kind: 'VirtualMachine', metadata: { name: 'web-1' },
      spec: { placement: { host: 'hv1' }, cpus: 1, memoryMiB: 512, disks: [{ name: 'root', image: 'debian-12', mode: 'overlay' }] },
    };
    const { placement, ...member } = vm.spec;
    const asMember: ClusterMemberSpec = member;
    expect(placement).toEqual({ host: 'hv1' });
    expect(asMember.cpus).toBe(1);
  });
});
