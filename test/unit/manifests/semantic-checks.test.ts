import { describe, expect, it } from 'vitest';
import { expectDiagnostic, expectNoDiagnostic, expectNoErrors, loadCase } from './assert-diagnostics.js';

const load = (name: string) => loadCase(name, { base: true }).diagnostics;

describe('semantic checks', () => {
  it('the shared base and the valid repository pass every check', () => {
    expect(loadCase('semantic-base').diagnostics).toEqual([]);
    expect(loadCase('valid').diagnostics).toEqual([]);
  });

  it('duplicate names point at both documents, each naming the other', () => {
    const diagnostics = load('duplicate-names');
    const first = expectDiagnostic(diagnostics, { code: 'duplicate-name', file: 'duplicate-names/one.yaml', line: 4 });
    const second = expectDiagnostic(diagnostics, { code: 'duplicate-name', file: 'duplicate-names/two.yaml', line: 4 });
    expect(second.message).toContain('already defined at duplicate-names/one.yaml:4');
    expect(first.message).toContain('duplicate-names/two.yaml:4');
    expect(second.resource).toEqual({ kind: 'VirtualMachine', name: 'web' });
    expectNoDiagnostic(diagnostics, { code: 'duplicate-name', message: /"lab"/ });
  });

  it('dangling references name the missing resource and suggest the nearest', () => {
    const diagnostics = load('dangling-references');
    const file = 'dangling-references/refs.yaml';
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 7, path: '/spec/placement/host', message: /Host "hv3".*did you mean "hv1"/ });
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 12, path: '/spec/disks/0/image', message: /did you mean "debian"/ });
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 15, path: '/spec/interfaces/1/network' });
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 26, path: '/spec/template/spec/disks/0/image' });
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 31, path: '/spec/updateStrategy/zoneOrder/0' });
    expectDiagnostic(diagnostics, { code: 'dangling-reference', file, line: 41, path: '/spec/hosts/names/1' });
    expectNoDiagnostic(diagnostics, { path: '/spec/interfaces/0/network' });
    expectNoDiagnostic(diagnostics, { path: '/spec/hosts/names/0' });
  });

  it('zones and selectors that no Host satisfies are warnings', () => {
    const diagnostics = load('placement-targets');
    const file = 'placement-targets/targets.yaml';
    expectDiagnostic(diagnostics, { code: 'zone-without-hosts', severity: 'warning', file, line: 7, message: /zone-c/ });
    expectDiagnostic(diagnostics, { code: 'no-matching-host', severity: 'warning', file, line: 18, message: /disk=nvme/ });
    expectDiagnostic(diagnostics, { code: 'zone-without-hosts', severity: 'warning', file, line: 49, path: '/spec/zones/1' });
    expectNoDiagnostic(diagnostics, { line: 30 });
    expectNoDiagnostic(diagnostics, { line: 47 });
    expectNoErrors(diagnostics);
  });

  it('overlapping CIDRs are errors; adjacent ones are not', () => {
    const diagnostics = load('cidr-overlap');
    const d = expectDiagnostic(diagnostics, { code: 'cidr-overlap', file: 'cidr-overlap/networks.yaml', line: 7 });
    expect(d.message).toContain('semantic-base/base.yaml:39');
    expectNoDiagnostic(diagnostics, { message: /10\.10\.1\.0/ });
  });

  it('static IPs: outside, reserved addresses, DHCP range, collisions', () => {
    const diagnostics = load('static-ips');
    const file = 'static-ips/vms.yaml';
    expectDiagnostic(diagnostics, { code: 'ip-outside-network', file, line: 12 });
    expectDiagnostic(diagnostics, { code: 'ip-reserved-address', file, line: 25, message: /gateway/ });
    expectDiagnostic(diagnostics, { code: 'ip-reserved-address', file, line: 38, message: /broadcast/ });
    expectDiagnostic(diagnostics, { code: 'ip-in-dhcp-range', severity: 'warning', file, line: 51 });
    expectDiagnostic(diagnostics, { code: 'ip-collision', file, line: 64, message: /DHCP reservation \(semantic-base\/base\.yaml:45\)/ });
    expectDiagnostic(diagnostics, { code: 'ip-collision', file, line: 90, message: /VirtualMachine "first" \(static-ips\/vms\.yaml:77\)/ });
    expectDiagnostic(diagnostics, { code: 'ip-collision', file, line: 118, message: /all 2 members/ });
    expectNoDiagnostic(diagnostics, { message: /10\.10\.0\.31/ });
    expectNoDiagnostic(diagnostics, { line: 77 });
  });

  it('bridge networks cannot reserve static IPs (warning)', () => {
    const diagnostics = load('bridge-static-ip');
    expectDiagnostic(diagnostics, { code: 'bridge-static-ip', severity: 'warning', file: 'bridge-static-ip/vm.yaml', line: 12 });
    expectNoErrors(diagnostics);
  });

  it('network addresses must fit the network', () => {
    const diagnostics = load('network-addresses');
    const file = 'network-addresses/networks.yaml';
    expectDiagnostic(diagnostics, { code: 'ip-outside-network', file, line: 8, path: '/spec/gateway' });
    expectDiagnostic(diagnostics, { code: 'dhcp-range-invalid', file, line: 10, message: /after its end/ });
    expectDiagnostic(diagnostics, { code: 'ip-outside-network', file, line: 14, path: '/spec/dhcp/reservations/0/ip' });
    expectDiagnostic(diagnostics, { code: 'dhcp-range-invalid', file, line: 24, message: /gateway address 10\.60\.0\.1/ });
  });

  it('MAC collisions between interfaces, reservations and cluster members', () => {
    const diagnostics = load('mac-collisions');
    const file = 'mac-collisions/macs.yaml';
    expectDiagnostic(diagnostics, { code: 'mac-collision', file, line: 25, message: /VirtualMachine "one" \(mac-collisions\/macs\.yaml:12\)/ });
    expectDiagnostic(diagnostics, { code: 'mac-collision', file, line: 54, path: '/spec/dhcp/reservations/1/mac' });
    expectDiagnostic(diagnostics, { code: 'mac-collision', file, line: 69, message: /all 3 members/ });
    expectNoDiagnostic(diagnostics, { line: 38 });
    expectNoDiagnostic(diagnostics, { line: 12 });
  });

  it('VMs pinned to a host must fit its declared capacity', () => {
    const diagnostics = load('host-capacity');
    const file = 'host-capacity/vms.yaml';
    const memory = expectDiagnostic(diagnostics, { code: 'host-overcommitted', file, line: 28, message: /MiB of memory/ });
    expect(memory.message).toContain('15360 MiB');
    expect(memory.message).toContain('reserve 19000, at maximum memory (maxMemoryMiB), Halted VMs included (big-1, big-2, big-3, parked)');
    const cpus = expectDiagnostic(diagnostics, { code: 'host-overcommitted', file, line: 28, message: /vCPUs/ });
    expect(cpus.message).toContain('32 vCPUs');
    expect(cpus.message).toContain('reserve 38, Halted VMs included');
    expectNoDiagnostic(diagnostics, { message: /hv2|huge/ });
  });

  it('a Host without a pinned host key gets one dedicated error', () => {
    const diagnostics = load('host-key-missing');
    const file = 'host-key-missing/hosts.yaml';
    expectDiagnostic(diagnostics, { code: 'host-key-missing', file, line: 5, path: '/spec', hint: /ssh-keyscan -t ed25519 hv3\.example\.com/ });
    expectDiagnostic(diagnostics, { code: 'host-key-missing', file, line: 14, path: '/spec/hostKey' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(2);
  });

  it('cluster member names must be short and unique', () => {
    const diagnostics = load('cluster-members');
    const file = 'cluster-members/clusters.yaml';
    expectDiagnostic(diagnostics, { code: 'member-name-too-long', file, line: 14, message: /72 characters/ });
    expectDiagnostic(diagnostics, { code: 'name-collision', file, line: 28, message: /VirtualMachine "db-zone-a-1"/ });
    expectDiagnostic(diagnostics, { code: 'name-collision', file, line: 66, message: /member of Cluster "x-zone"/ });
    expectNoDiagnostic(diagnostics, { code: 'member-name-too-long', line: 12 });
  });
});
