import { describe, expect, it } from 'vitest';
import { compile, deriveMac, MacAllocator } from '../../../controller/compile/index.js';
import type { Resource } from '../../../controller/types/resources.js';
import { loadCase, vmOf } from './compile-case.js';

const MAC = /^52:54:00(:[0-9a-f]{2}){3}$/;

/** A fleet of VMs with two interfaces each, pinned to one host. */
function fleet(count: number): Resource[] {
  const resources: Resource[] = [
    { apiVersion: 'gitvirt.io/v1alpha1', kind: 'Host', metadata: { name: 'hv1' }, spec: { address: 'h', hostKey: 'k' } },
    { apiVersion: 'gitvirt.io/v1alpha1', kind: 'Network', metadata: { name: 'lan' }, spec: { mode: 'nat', cidr: '10.0.0.0/16' } },
  ];
  for (let i = 0; i < count; i += 1) {
    resources.push({
      apiVersion: 'gitvirt.io/v1alpha1',
      kind: 'VirtualMachine',
      metadata: { name: `vm-${i}` },
      spec: { placement: { host: 'hv1' }, cpus: 1, memoryMiB: 64, boot: { kernel: '/k' }, interfaces: [{ network: 'lan' }, { network: 'lan' }] },
    });
  }
  return resources;
}

describe('MAC addresses', () => {
  it('derives 52:54:00 + 3 bytes of sha256(<vm>/<index>/<network>), stable across runs', () => {
    expect(deriveMac('web/0/lan')).toMatch(MAC);
    expect(deriveMac('web/0/lan')).toBe(deriveMac('web/0/lan'));
    expect(deriveMac('web/1/lan')).not.toBe(deriveMac('web/0/lan'));
    const first = compile(loadCase('static-ip-reservation').input);
    const again = compile(loadCase('static-ip-reservation').input);
    const web = vmOf(first, 'web');
    expect(web.interfaces.map((i) => i.mac)).toEqual(vmOf(again, 'web').interfaces.map((i) => i.mac));
    expect(web.interfaces[0]?.mac).toBe(deriveMac('web/0/lan'));
    expect(web.interfaces[1]?.mac).toBe(deriveMac('web/1/backend'));
  });

  it('keeps given MACs and re-hashes a derived MAC that is already taken', () => {
    const allocator = new MacAllocator();
    const taken = deriveMac('web/0/lan');
    expect(allocator.reserve(taken.toUpperCase(), 'other/0')).toBeUndefined();
    expect(allocator.reserve(taken, 'third/0')).toBe('other/0');
    const mac = allocator.derive('web', 0, 'lan');
    expect(mac).toMatch(MAC);
    expect(mac).not.toBe(taken);
    expect(mac).toBe(deriveMac('web/0/lan/1'));
  });

  it('re-hashes a derived MAC that another VM gives explicitly', () => {
    const resources = fleet(2);
    const vm0 = resources[2] as Extract<Resource, { kind: 'VirtualMachine' }>;
    vm0.spec.interfaces = [{ network: 'lan', mac: deriveMac('vm-1/0/lan') }];
    const state = compile({ resources, revision: 'r' });
    expect(vmOf(state, 'vm-0').interfaces[0]?.mac).toBe(deriveMac('vm-1/0/lan'));
    expect(vmOf(state, 'vm-1').interfaces[0]?.mac).toBe(deriveMac('vm-1/0/lan/1'));
  });

  it('is unique across a large desired state, even where plain derivation collides', () => {
    const plain = new Set(Array.from({ length: 6000 }, (_, i) => deriveMac(`vm-${Math.floor(i / 2)}/${i % 2}/lan`)));
    expect(plain.size).toBeLessThan(6000);
    const state = compile({ resources: fleet(3000), revision: 'r' });
    const macs = (state.hosts['hv1']?.vms ?? []).flatMap((vm) => vm.interfaces.map((i) => i.mac));
    expect(macs).toHaveLength(6000);
    expect(new Set(macs).size).toBe(6000);
    for (const mac of macs) expect(mac).toMatch(MAC);
  });
});
