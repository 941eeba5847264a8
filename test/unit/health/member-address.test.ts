/**
 * memberAddress against real virsh (its test driver, `test:///default`, whose domain `test` has one
 * interface with a lease) over the local transport, and parseDomifaddr on captured virsh output.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberAddress, parseDomifaddr, pickAddress, probeMember } from '../../../controller/health/index.js';
import { createLocalTransport, type HostConnection } from '../../../controller/transport/index.js';
import type { DesiredInterface } from '../../../controller/types/desired.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/health/${name}`, import.meta.url), 'utf8');
const TEST_URI = 'test:///default';
const nic = (mac: string, ip?: string): DesiredInterface => ({ network: 'gvnet', mac, model: 'virtio', ...(ip === undefined ? {} : { ip }) });
let connection: HostConnection;

beforeAll(async () => {
  connection = await createLocalTransport().connect({ name: 'hv-local', address: '127.0.0.1', port: 22, user: 'root', hostKey: 'unused' });
});
afterAll(() => connection.close());

describe('parseDomifaddr', () => {
  it('reads the rows virsh prints', () => {
    expect(parseDomifaddr(fixture('domifaddr-test-driver.txt'))).toEqual([
      { name: 'testnet0', mac: 'aa:bb:cc:dd:ee:ff', protocol: 'ipv4', address: '192.168.122.3', prefix: 24 },
    ]);
  });

  it('reads a DHCP lease of a member booted on the testbed', () => {
    expect(parseDomifaddr(fixture('domifaddr-lease.txt'))).toEqual([
      { name: 'vnet0', mac: '52:54:00:4b:c4:31', protocol: 'ipv4', address: '192.168.240.162', prefix: 24 },
    ]);
  });

  it('carries name and MAC down to continuation rows, and prefers the first wanted MAC with an IPv4', () => {
    const rows = parseDomifaddr([
      ' Name       MAC address          Protocol     Address',
      '-------------------------------------------------------------------------------',
      ' vnet0      52:54:00:00:00:01    ipv6         fe80::1/64',
      ' vnet1      52:54:00:00:00:02    ipv4         10.0.0.2/24',
      ' -          -                    ipv4         10.0.0.3/24',
      '',
    ].join('\n'));
    expect(rows[2]).toEqual({ name: 'vnet1', mac: '52:54:00:00:00:02', protocol: 'ipv4', address: '10.0.0.3', prefix: 24 });
    expect(pickAddress(rows, ['52:54:00:00:00:01', '52:54:00:00:00:02'])).toBe('10.0.0.2');
    expect(pickAddress(rows, ['52:54:00:00:00:09'])).toBe('10.0.0.2');
    expect(pickAddress(rows.slice(0, 1), [])).toBe('fe80::1');
    expect(pickAddress([], [])).toBeUndefined();
  });
});

describe('memberAddress', () => {
  it('uses the static IP without asking the host', async () => {
    const never: HostConnection = { ...connection, exec: () => Promise.reject(new Error('must not run')) };
    const found = await memberAddress({ connection: never, uri: TEST_URI, vm: { name: 'web', interfaces: [nic('52:54:00:00:00:01'), nic('52:54:00:00:00:02', '10.1.0.7')] } });
    expect(found).toEqual({ ok: true, address: '10.1.0.7', source: 'static' });
  });

  it('reads the DHCP lease from libvirt', async () => {
    const found = await memberAddress({ connection, uri: TEST_URI, vm: { name: 'test', interfaces: [nic('aa:bb:cc:dd:ee:ff')] } });
    expect(found).toEqual({ ok: true, address: '192.168.122.3', source: 'lease' });
  });

  it('says why the address is not known', async () => {
    const missing = await memberAddress({ connection, uri: TEST_URI, vm: { name: 'nope', interfaces: [nic('aa:bb:cc:dd:ee:ff')] } });
    expect(missing).toEqual({ ok: false, reason: "address of nope not known: error: failed to get domain 'nope'" });
    const none = await memberAddress({ connection, uri: TEST_URI, vm: { name: 'test', interfaces: [] } });
    expect(none).toEqual({ ok: false, reason: 'test has no network interface to probe' });
  });
});

describe('probeMember', () => {
  it('is unknown without a health check or an address, and probes the lease address otherwise', async () => {
    const vm = { name: 'test', interfaces: [nic('aa:bb:cc:dd:ee:ff')] };
    expect(await probeMember({ connection, uri: TEST_URI, vm })).toEqual({ status: 'unknown', reason: 'test has no health check' });
    const health = { tcp: { port: 9 }, periodSeconds: 5, timeoutSeconds: 1, initialDelaySeconds: 0 };
    const unplaced = await probeMember({ connection, uri: TEST_URI, vm: { ...vm, name: 'nope', health } });
    expect(unplaced.status).toBe('unknown');
    const probed = await probeMember({ connection, uri: TEST_URI, vm: { ...vm, health } });
    expect(probed.reason).toMatch(/^tcp connect 192\.168\.122\.3:9 /);
  });
});
