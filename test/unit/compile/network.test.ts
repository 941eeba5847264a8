import { describe, expect, it } from 'vitest';
import { deriveBridgeName } from '../../../controller/compile/index.js';
import { runCase, vmOf } from './compile-case.js';

describe('networks', () => {
  it('turns static IPs into DHCP reservations with the interface MAC, next to given reservations', () => {
    const state = runCase('static-ip-reservation');
    const networks = Object.fromEntries((state.hosts['hv1']?.networks ?? []).map((n) => [n.name, n]));
    const web = vmOf(state, 'web');
    expect(networks['lan']?.dhcp).toEqual({
      start: '10.10.0.100',
      end: '10.10.0.199',
      hosts: [
        { mac: web.interfaces[0]?.mac, ip: '10.10.0.9', name: 'web' },
        { mac: '52:54:00:00:00:10', ip: '10.10.0.10', name: 'api' },
        { mac: '52:54:00:aa:bb:cc', ip: '10.10.0.50', name: 'printer' },
      ],
    });
    expect(web.interfaces.map((i) => i.ip)).toEqual(['10.10.0.9', '10.20.0.9', '192.0.2.9']);
    expect(networks['backend']?.dhcp).toBeUndefined();
    expect(networks['uplink']?.dhcp).toBeUndefined();
  });

  it('resolves addresses and bridges: gateway or first host address, derived gv- names of at most 15 characters', () => {
    const state = runCase('static-ip-reservation');
    const networks = Object.fromEntries((state.hosts['hv1']?.networks ?? []).map((n) => [n.name, n]));
    expect(networks['lan']).toMatchObject({ mode: 'nat', cidr: '10.10.0.0/24', address: '10.10.0.254', prefix: 24, autostart: true });
    expect(networks['backend']).toMatchObject({ address: '10.20.0.1', prefix: 24, bridge: deriveBridgeName('backend') });
    expect(networks['uplink']).toMatchObject({ mode: 'bridge', bridge: 'br0' });
    expect(networks['uplink']?.address).toBeUndefined();
    expect(networks['lan']?.owner).toEqual({ kind: 'Network', name: 'lan' });
    const derived = deriveBridgeName('backend');
    expect(derived).toMatch(/^gv-[0-9a-f]{12}$/);
    expect(derived.length).toBeLessThanOrEqual(15);
    expect(deriveBridgeName('backend-2')).not.toBe(derived);
    expect(vmOf(state, 'web').interfaces.map((i) => i.bridge)).toEqual([networks['lan']?.bridge, derived, 'br0']);
  });

  it('puts images and networks only on hosts that need them or that their selection picks', () => {
    const state = runCase('image-network-hosts');
    const names = (host: string) => ({
      images: state.hosts[host]?.images.map((i) => i.name),
      networks: state.hosts[host]?.networks.map((n) => n.name),
    });
    expect(names('hv1')).toEqual({ images: ['alpine', 'debian'], networks: ['lan'] });
    expect(names('hv2')).toEqual({ images: [], networks: ['mgmt'] });
    expect(names('hv3')).toEqual({ images: ['alpine'], networks: [] });
    expect(state.hosts['hv1']?.images).toEqual([
      expect.objectContaining({ name: 'alpine', volume: 'image-alpine.raw', pool: 'gitvirt', format: 'raw', source: { path: '/srv/images/alpine.raw' } }),
      expect.objectContaining({ name: 'debian', volume: 'image-debian.qcow2', owner: { kind: 'Image', name: 'debian' } }),
    ]);
  });
});
