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

  it('reports members whose name is taken or too long, and template addresses every member would share', () => {
    const state = runCase('cluster-conflicts');
    expect(vmOf(state, 'db-a-1').owner).toEqual({ kind: 'VirtualMachine', name: 'db-a-1' });
    expect(state.diagnostics.map((d) => [d.code, d.resource?.name, d.path])).toEqual([
      ['mac-collision', 'db', '/spec/template/spec/interfaces/0/mac'],
      ['ip-collision', 'db', '/spec/template/spec/interfaces/0/ip'],
      ['duplicate-name', 'db', '/spec/zones/0'],
      ['name-too-long', 'this-cluster-name-is-quite-long-already-thirty-nine', '/spec/zones/1/name'],
    ]);
  });
});
