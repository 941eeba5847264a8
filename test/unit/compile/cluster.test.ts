import { describe, expect, it } from 'vitest';
import { runCase, vmOf } from './compile-case.js';

describe('cluster expansion', () => {
  it('names members <cluster>-<zone>-<n> with role, ordinal, owner and merged labels', () => {
    const state = runCase('cluster-expansion');
    const members = Object.values(state.hosts)
      .flatMap((h) => h.vms)
      .map((vm) => ({ name: vm.name, cluster: vm.cluster, owner: vm.owner }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(members).toEqual([
      { name: 'db-a-0', cluster: { name: 'db', zone: 'a', role: 'active', ordinal: 0 }, owner: { kind: 'VirtualMachine', name: 'db-a-0', cluster: 'db' } },
      { name: 'db-a-1', cluster: { name: 'db', zone: 'a', role: 'active', ordinal: 1 }, owner: { kind: 'VirtualMachine', name: 'db-a-1', cluster: 'db' } },
      { name: 'db-b-0', cluster: { name: 'db', zone: 'b', role: 'standby', ordinal: 0 }, owner: { kind: 'VirtualMachine', name: 'db-b-0', cluster: 'db' } },
    ]);
    const member = vmOf(state, 'db-b-0');
    expect(member.labels).toEqual({ app: 'db', tier: 'storage' });
    expect(member.disks[0]?.volume).toBe('db-b-0-data.qcow2');
    expect(member.seed?.files['meta-data']).toContain('local-hostname: db-b-0');
  });

  it('places members by zone and the zone selector', () => {
    const state = runCase('cluster-expansion');
    expect(state.hosts['hv4']?.vms).toEqual([]);
  });

  it('leaves out members whose name is taken or too long, keeping the VM that has the name', () => {
    const state = runCase('cluster-conflicts');
    const names = Object.values(state.hosts).flatMap((h) => h.vms.map((vm) => vm.name)).sort();
    expect(names).toEqual(['db-a-0', 'db-a-1', 'this-cluster-name-is-quite-long-already-thirty-nine-a-0']);
    expect(vmOf(state, 'db-a-1').owner).toEqual({ kind: 'VirtualMachine', name: 'db-a-1' });
    expect(vmOf(state, 'db-a-0').interfaces[0]).toMatchObject({ mac: '52:54:00:00:00:01', ip: '10.10.0.5' });
  });
});
