import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildObserveScript, createHostClient, newSectionMarker } from '../../controller/libvirt/index.js';
import { createSshTransport, type HostConnection, type SshTransport } from '../../controller/transport/index.js';
import type { HostTarget, OwnerRef } from '../../controller/types/desired.js';
import type { ActionOutcome, HostClient } from '../../controller/types/host-client.js';
import type { Action, ActionKind, ActionParams } from '../../controller/types/plan.js';
import { runProcess } from '../testbed/run-process.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import type { TestbedHost } from '../testbed/testbed.js';
import { xmlEscape } from '../testbed/guest/xml-escape.js';
import { buildGuest } from '../testbed/guest/guest.js';
import { renderGuestDomainXml } from '../testbed/guest/guest-domain-xml.js';
import { waitForReady } from '../testbed/guest/ready-line.js';

const testbed = injectTestbed();
const [hv1, hv2, hv3] = testbed.hosts as [TestbedHost, TestbedHost, TestbedHost];
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const POOL = { name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' };
const OWNER_NS = 'https://gitvirt.io/xmlns/owner/v1alpha1';
const P = 'gvhc';
const NET = `${P}-net`;
const VM = `${P}-vm`;
const HOSTILE = `${P} it's "odd"; $(touch ${P}-pwned) & <x> \`touch ${P}-pwned\``;
const CAPTURE = process.env.GITVIRT_CAPTURE_FIXTURES === '1';
const FIXTURES = fileURLToPath(new URL('../fixtures/virsh/', import.meta.url));
const MiB = 2 ** 20;

/** A HostTarget for a testbed host. */
function hostTarget(host: TestbedHost, uri = 'qemu:///system'): HostTarget {
  return {
    name: host.name, address: host.address, port: host.port, user: host.user, hostKey: host.hostKey, uri,
    zone: host.zone, labels: {}, reserved: { cpus: 0, memoryMiB: 0 }, storagePool: POOL, cordoned: false,
  };
}

/** Defines a domain or network by hand on a host from XML (`define` or `net-define`). */
async function defineByHand(host: TestbedHost, command: 'define' | 'net-define', xml: string): Promise<void> {
  await testbed.run(host, `cat | virsh -c qemu:///system ${command} /dev/stdin`, { stdin: xml });
}

/** Runs virsh on a host through nsenter (inspection, not gitvirt's path). */
async function virsh(host: TestbedHost, ...args: string[]): Promise<string> {
  return (await testbed.run(host, [...VIRSH, ...args])).stdout;
}

function ownerXml(kind: string, name: string, specHash = 'e2e', protect?: { deleteVolume: string }): string {
  const extra = protect === undefined ? '/>' : ` deletionProtection="true"><gitvirt:disk target="vda" volume="${protect.deleteVolume}" deleteOnRemove="true"/></gitvirt:owner>`;
  return `<metadata><gitvirt:owner xmlns:gitvirt="${OWNER_NS}" kind="${kind}" name="${xmlEscape(name)}" specHash="${specHash}" revision="e2e"${extra}</metadata>`;
}

/** Domain XML (TCG, no OS): owned unless `owned` is false. */
function domainXml(name: string, options: { owned?: boolean; memoryMiB?: number; disk?: string; network?: string; specHash?: string; protect?: { deleteVolume: string } } = {}): string {
  const memory = options.memoryMiB ?? 64;
  const disk = options.disk === undefined ? '' : `<disk type="file" device="disk"><driver name="qemu" type="qcow2"/><source file="${xmlEscape(options.disk)}"/><target dev="vda" bus="virtio"/></disk>`;
  const nic = options.network === undefined ? '' : `<interface type="network"><source network="${xmlEscape(options.network)}"/><mac address="52:54:00:7e:00:01"/><model type="virtio"/></interface>`;
  return `<domain type="qemu"><name>${xmlEscape(name)}</name>${options.owned === false ? '' : ownerXml('VirtualMachine', name, options.specHash, options.protect)}`
    + `<memory unit="MiB">128</memory><currentMemory unit="MiB">${memory}</currentMemory><vcpu>1</vcpu>`
    + `<os><type arch="x86_64" machine="q35">hvm</type></os><on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>`
    + `<devices>${disk}${nic}</devices></domain>`;
}

function networkXml(name: string, options: { owned?: boolean; bridge: string; octet: number }): string {
  return `<network><name>${xmlEscape(name)}</name>${options.owned === false ? '' : ownerXml('Network', name)}<bridge name="${options.bridge}" stp="on" delay="0"/>`
    + `<ip address="10.199.${options.octet}.1" prefix="24"><dhcp><range start="10.199.${options.octet}.100" end="10.199.${options.octet}.200"/></dhcp></ip></network>`;
}

const OWNER: OwnerRef = { kind: 'VirtualMachine', name: VM };

function action<K extends ActionKind>(kind: K, params: ActionParams[K], owner: OwnerRef = OWNER): Action {
  return { kind, host: hv1.name, owner, reason: 'e2e', destructive: false, drift: false, params } as Action;
}

describe('host client', () => {
  let transport: SshTransport;
  let client: HostClient;
  let connection: HostConnection;
  let server: Server;
  let scratch: string;
  const timings: string[] = [];

  /** Runs an action twice; returns both outcomes. */
  async function twice(act: Action): Promise<[ActionOutcome, ActionOutcome]> {
    return [await client.run(act), await client.run(act)];
  }

  beforeAll(async () => {
    transport = createSshTransport({ privateKeyPath: testbed.state.clientKeyPath });
    connection = await transport.connect(hostTarget(hv1));
    client = createHostClient({ target: hostTarget(hv1), connection });
    scratch = await mkdtemp(join(tmpdir(), `${P}-`));
  });

  afterAll(async () => {
    server?.close();
    const cleanup = `for d in $(virsh -c qemu:///system list --all --uuid); do
        n=$(virsh -c qemu:///system domname "$d"); case $n in ${P}*) virsh -c qemu:///system destroy "$d"; virsh -c qemu:///system undefine --nvram "$d";; esac; done
      for n in $(virsh -c qemu:///system net-list --all --uuid); do
        m=$(virsh -c qemu:///system net-name "$n"); case $m in ${P}*) virsh -c qemu:///system net-destroy "$n"; virsh -c qemu:///system net-undefine "$n";; esac; done
      virsh -c qemu:///system pool-destroy ${POOL.name}; virsh -c qemu:///system pool-undefine ${POOL.name}
      rm -rf ${POOL.path} /var/lib/libvirt/images/${P}-* /tmp/${P}-*`;
    for (const host of testbed.hosts) await testbed.run(host, cleanup, { allowFailure: true });
    await transport?.close();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
    process.stderr.write(`host client timings:\n  ${timings.join('\n  ')}\n`);
  });

  it('observes an empty host in one round trip', async () => {
    const conn = await transport.connect(hostTarget(hv2));
    const empty = createHostClient({ target: hostTarget(hv2), connection: conn, now: () => new Date('2030-01-01T00:00:00Z') });
    const ms: number[] = [];
    let live = await empty.observe();
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      live = await empty.observe();
      ms.push(performance.now() - started);
    }
    timings.push(`observe empty host: median ${median(ms)} ms (${ms.map(Math.round).join(', ')})`);
    expect(live).toMatchObject({ host: 'hv2', observedAt: '2030-01-01T00:00:00.000Z', kvm: testbed.state.kvm, domains: [], networks: [], pools: [], volumes: [] });
    expect(live.node.cpus).toBeGreaterThan(0);
    expect(live.node.memoryMiB).toBeGreaterThan(64);
    if (CAPTURE) await capture(conn, 'observe-empty.txt');
    await conn.close();
  });

  it('ensures the storage pool', async () => {
    const ensure = action('pool.ensure', { pool: POOL, xml: `<pool type="dir"><name>${POOL.name}</name><target><path>${POOL.path}</path></target></pool>` }, { kind: 'Pool', name: POOL.name });
    expect((await twice(ensure)).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect(await virsh(hv1, 'pool-info', POOL.name)).toMatch(/State:\s+running[\s\S]*Autostart:\s+yes/);
    await testbed.run(hv1, [...VIRSH, 'pool-autostart', '--disable', POOL.name]);
    expect((await twice(ensure)).map((o) => o.result)).toEqual(['configured', 'unchanged']);
  });

  it('defines networks and updates their DHCP reservations', async () => {
    const owner: OwnerRef = { kind: 'Network', name: NET };
    const define = action('network.define', { name: NET, xml: networkXml(NET, { bridge: 'gvhc0', octet: 1 }), autostart: true }, owner);
    expect((await twice(define)).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect(await virsh(hv1, 'net-info', NET)).toMatch(/Active:\s+yes[\s\S]*Autostart:\s+yes/);
    expect(await virsh(hv1, 'net-dumpxml', '--inactive', NET)).toContain(OWNER_NS);
    const noAutostart = action('network.define', { name: NET, xml: networkXml(NET, { bridge: 'gvhc0', octet: 1 }), autostart: false }, owner);
    expect((await twice(noAutostart)).map((o) => o.result)).toEqual(['configured', 'unchanged']);
    expect(await virsh(hv1, 'net-info', NET)).toMatch(/Autostart:\s+no/);

    const entry = { mac: '52:54:00:7e:00:01', ip: '10.199.1.10', name: 'web' };
    const add = action('network.update-dhcp', { name: NET, add: [entry], remove: [] }, owner);
    expect((await twice(add)).map((o) => o.result)).toEqual(['configured', 'unchanged']);
    for (const flags of [[], ['--inactive']]) expect(await virsh(hv1, 'net-dumpxml', ...flags, NET)).toMatch(/<host mac='52:54:00:7e:00:01' name='web' ip='10.199.1.10'\/>/);
    const remove = action('network.update-dhcp', { name: NET, add: [], remove: [entry] }, owner);
    expect((await twice(remove)).map((o) => o.result)).toEqual(['configured', 'unchanged']);
    for (const flags of [[], ['--inactive']]) expect(await virsh(hv1, 'net-dumpxml', ...flags, NET)).not.toContain("ip='10.199.1.10'");
  });

  it('fetches images from a URL (checking sha256) and from a path on the host', async () => {
    const image = join(scratch, 'base.qcow2');
    await runProcess('qemu-img', ['create', '-q', '-f', 'qcow2', image, '96M']);
    const body = await readFile(image);
    const sha256 = createHash('sha256').update(body).digest('hex');
    server = createServer((req, res) => (req.url === '/base.qcow2' ? res.end(body) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, hv1.peerAddress, resolve));
    const url = `http://${hv1.peerAddress}:${(server.address() as AddressInfo).port}/base.qcow2`;
    const fetch = (name: string, source: { url: string; sha256: string } | { path: string }) => action('image.fetch', {
      image: { name, owner: { kind: 'Image', name }, volume: `image-${name}.qcow2`, pool: POOL.name, format: 'qcow2', source, specHash: 'e2e' },
      path: `${POOL.path}/image-${name}.qcow2`,
    }, { kind: 'Image', name });

    expect((await twice(fetch('base', { url, sha256 }))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect((await testbed.run(hv1, ['sha256sum', `${POOL.path}/image-base.qcow2`])).stdout).toContain(sha256);
    expect(await virsh(hv1, 'vol-list', POOL.name)).toContain('image-base.qcow2');

    const wrong = 'f'.repeat(64);
    const mismatch = client.run(fetch('bad', { url, sha256: wrong }));
    await expect(mismatch).rejects.toMatchObject({ code: 'ImageChecksumMismatch', data: { expected: wrong, actual: sha256 } });
    expect((await testbed.run(hv1, `ls -A ${POOL.path}`)).stdout).not.toMatch(/bad/);

    await testbed.run(hv1, ['qemu-img', 'create', '-q', '-f', 'qcow2', `/var/lib/libvirt/images/${P}-src.qcow2`, '32M']);
    expect((await twice(fetch('local', { path: `/var/lib/libvirt/images/${P}-src.qcow2` }))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect(await virsh(hv1, 'vol-info', '--bytes', '--pool', POOL.name, 'image-local.qcow2')).toMatch(/Capacity:\s+33554432 bytes/);
  });

  it('creates, grows and deletes volumes, only inside the pool', async () => {
    const base = { path: `${POOL.path}/image-base.qcow2`, format: 'qcow2' as const };
    const create = (volume: string, format: 'qcow2' | 'raw', capacityBytes: number, from?: { mode: 'overlay' | 'copy' }) =>
      action('volume.create', { pool: POOL.name, volume, path: `${POOL.path}/${volume}`, format, capacityBytes, ...(from === undefined ? {} : { from: { ...base, ...from } }) });
    expect((await twice(create(`${VM}-root.qcow2`, 'qcow2', 128 * MiB, { mode: 'overlay' }))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect((await twice(create(`${VM}-copy.qcow2`, 'qcow2', 0, { mode: 'copy' }))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect((await twice(create(`${VM}-data.raw`, 'raw', 16 * MiB))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    const info = async (volume: string) => JSON.parse((await testbed.run(hv1, ['qemu-img', 'info', '-U', '--output=json', `${POOL.path}/${volume}`])).stdout) as Record<string, unknown>;
    expect(await info(`${VM}-root.qcow2`)).toMatchObject({ 'virtual-size': 128 * MiB, format: 'qcow2', 'backing-filename': base.path, 'backing-filename-format': 'qcow2' });
    expect(await info(`${VM}-copy.qcow2`)).toMatchObject({ 'virtual-size': 96 * MiB, format: 'qcow2' });
    expect((await info(`${VM}-copy.qcow2`))['backing-filename']).toBeUndefined();
    expect(await info(`${VM}-data.raw`)).toMatchObject({ 'virtual-size': 16 * MiB, format: 'raw' });

    const resize = (capacityBytes: number) => action('volume.resize', { pool: POOL.name, volume: `${VM}-data.raw`, path: `${POOL.path}/${VM}-data.raw`, capacityBytes });
    expect((await twice(resize(24 * MiB))).map((o) => o.result)).toEqual(['configured', 'unchanged']);
    expect(await info(`${VM}-data.raw`)).toMatchObject({ 'virtual-size': 24 * MiB });
    await expect(client.run(resize(8 * MiB))).rejects.toMatchObject({ code: 'VolumeShrinkRefused', data: { currentBytes: 24 * MiB, wantedBytes: 8 * MiB } });

    const remove = (path: string) => action('volume.delete', { pool: POOL.name, volume: path.split('/').pop()!, path });
    expect((await twice(remove(`${POOL.path}/${VM}-data.raw`))).map((o) => o.result)).toEqual(['deleted', 'unchanged']);
    expect(await virsh(hv1, 'vol-list', POOL.name)).not.toContain(`${VM}-data.raw`);
    const outside = `/var/lib/libvirt/images/${P}-src.qcow2`;
    await expect(client.run(remove(outside))).rejects.toMatchObject({ code: 'VolumeOutsidePool' });
    await testbed.run(hv1, ['ln', '-sf', outside, `${POOL.path}/${P}-link.qcow2`]);
    await expect(client.run(remove(`${POOL.path}/${P}-link.qcow2`))).rejects.toMatchObject({ code: 'VolumeOutsidePool', data: { resolved: outside } });
    await expect(client.run(remove(`${POOL.path}/../${P}-src.qcow2`))).rejects.toMatchObject({ code: 'VolumeOutsidePool' });
    expect((await testbed.run(hv1, ['test', '-f', outside], { allowFailure: true })).code).toBe(0);
    await testbed.run(hv1, ['rm', '-f', `${POOL.path}/${P}-link.qcow2`]);
  });

  it('writes a NoCloud seed image', async () => {
    const volume = `${VM}-seed-0123456789ab.iso`;
    const seed = action('seed.create', { pool: POOL.name, volume, path: `${POOL.path}/${volume}`, files: { 'meta-data': `instance-id: ${VM}\n`, 'user-data': '#cloud-config\n' } });
    expect((await twice(seed)).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect((await testbed.run(hv1, ['blkid', '-o', 'value', '-s', 'LABEL', `${POOL.path}/${volume}`])).stdout.trim()).toBe('cidata');
    const listing = await testbed.run(hv1, ['isoinfo', '-R', '-f', '-i', `${POOL.path}/${volume}`], { allowFailure: true });
    if (listing.code === 0) expect(listing.stdout.split('\n').sort()).toEqual(expect.arrayContaining(['/meta-data', '/user-data']));
  });

  it('defines, tunes, starts, stops, restarts and deletes an owned domain', async () => {
    const disk = `${POOL.path}/${VM}-root.qcow2`;
    const define = (specHash: string) => action('domain.define', { name: VM, xml: domainXml(VM, { disk, network: NET, specHash }) });
    expect((await twice(define('one'))).map((o) => o.result)).toEqual(['created', 'unchanged']);
    expect((await twice(define('two'))).map((o) => o.result)).toEqual(['configured', 'unchanged']);
    expect(await virsh(hv1, 'dumpxml', '--inactive', VM)).toMatch(/specHash="two"/);

    const run = (act: Action) => twice(act).then((outcomes) => outcomes.map((o) => o.result));
    expect(await run(action('domain.set-autostart', { name: VM, enabled: true }))).toEqual(['configured', 'unchanged']);
    expect(await virsh(hv1, 'dominfo', VM)).toMatch(/Autostart:\s+enable/);
    expect(await run(action('domain.set-memory', { name: VM, memoryMiB: 96 }))).toEqual(['configured', 'unchanged']);
    expect(await run(action('domain.set-cpu-shares', { name: VM, shares: 700 }))).toEqual(['configured', 'unchanged']);
    expect(await run(action('domain.set-iotune', { name: VM, target: 'vda', iotune: { totalBytesSec: 10 * MiB } }))).toEqual(['configured', 'unchanged']);
    const config = await virsh(hv1, 'dumpxml', '--inactive', VM);
    expect(config).toMatch(/<currentMemory unit='KiB'>98304<\/currentMemory>/);
    expect(config).toMatch(/<shares>700<\/shares>/);
    expect(config).toMatch(/<total_bytes_sec>10485760<\/total_bytes_sec>/);

    expect(await run(action('domain.start', { name: VM }))).toEqual(['configured', 'unchanged']);
    expect((await virsh(hv1, 'domstate', VM)).trim()).toBe('running');
    expect(await run(action('domain.set-iotune', { name: VM, target: 'vda', iotune: { totalBytesSec: 20 * MiB, totalIopsSec: 300 } }))).toEqual(['configured', 'unchanged']);
    if ((await testbed.run(hv1, 'ls /sys/fs/cgroup')).stdout.trim() !== '') {
      expect(await run(action('domain.set-cpu-shares', { name: VM, shares: 900 }))).toEqual(['configured', 'unchanged']);
      expect(await virsh(hv1, 'schedinfo', VM)).toMatch(/cpu_shares\s*:\s*900/);
    }
    expect(await virsh(hv1, 'blkdeviotune', VM, 'vda')).toMatch(/total_bytes_sec\s*:\s*20971520[\s\S]*total_iops_sec\s*:\s*300/);
    const memory = await client.run(action('domain.set-memory', { name: VM, memoryMiB: 80 }));
    expect(memory.result).toBe('configured');
    expect(await virsh(hv1, 'dumpxml', '--inactive', VM)).toMatch(/<currentMemory unit='KiB'>81920<\/currentMemory>/);

    const stop = action('domain.stop', { name: VM, timeoutSeconds: 2 });
    const [stopped, again] = await twice(stop);
    expect([stopped.result, again.result]).toEqual(['configured', 'unchanged']);
    expect(stopped.message).toMatch(/forced off/); // the domain has no OS to answer the ACPI request
    expect((await virsh(hv1, 'domstate', VM)).trim()).toBe('shut off');
    expect(await run(action('domain.restart', { name: VM, timeoutSeconds: 2 }))).toEqual(['configured', 'configured']);
    expect((await virsh(hv1, 'domstate', VM)).trim()).toBe('running');

    expect(await run(action('domain.delete', { name: VM, timeoutSeconds: 2 }))).toEqual(['deleted', 'unchanged']);
    expect((await testbed.run(hv1, [...VIRSH, 'dominfo', VM], { allowFailure: true })).code).not.toBe(0);
    expect((await testbed.run(hv1, ['test', '-f', disk], { allowFailure: true })).code).toBe(0); // disks are kept
  });

  it('shuts a booted guest down gracefully (ACPI) before it would force it', async () => {
    const guest = await buildGuest();
    const name = `${VM}-guest`;
    const overlay = `${POOL.path}/${name}-root.qcow2`;
    const consoleLog = `/var/log/libvirt/qemu/${name}-console.log`;
    const image = { name: 'guest', owner: { kind: 'Image' as const, name: 'guest' }, volume: 'image-guest.qcow2', pool: POOL.name, format: 'qcow2' as const, source: { path: guest.disk.path }, specHash: 'e2e' };
    await client.run(action('image.fetch', { image, path: `${POOL.path}/image-guest.qcow2` }));
    await client.run(action('volume.create', { pool: POOL.name, volume: `${name}-root.qcow2`, path: overlay, format: 'qcow2', capacityBytes: 0, from: { path: `${POOL.path}/image-guest.qcow2`, format: 'qcow2', mode: 'overlay' } }));
    const plain = renderGuestDomainXml({
      name, type: 'qemu', kernel: guest.kernelElf.path, initrd: guest.initrd.path, cmdline: guest.cmdline, consoleLog,
      disks: [{ path: overlay, format: 'qcow2', target: 'vda' }, { path: `${POOL.path}/${VM}-seed-0123456789ab.iso`, format: 'raw', target: 'vdb', readonly: true }],
      interfaces: [{ network: NET, mac: '52:54:00:7e:00:02' }],
    });
    const xml = plain.replace(`<name>${name}</name>`, `<name>${name}</name>${ownerXml('VirtualMachine', name)}`);
    expect((await client.run(action('domain.define', { name, xml }))).result).toBe('created');
    expect((await client.run(action('domain.start', { name }))).result).toBe('configured');
    const ready = await waitForReady({ read: async () => (await testbed.run(hv1, ['cat', consoleLog], { allowFailure: true })).stdout, timeoutMs: 240_000, intervalMs: 1000 });
    expect(ready.instanceId).toBe(VM); // the seed written by seed.create was read by the guest
    const progress: string[] = [];
    const started = performance.now();
    const stopped = await client.run(action('domain.stop', { name, timeoutSeconds: 120 }), { onProgress: (line) => progress.push(line) });
    timings.push(`graceful stop of a booted guest: ${Math.round(performance.now() - started)} ms; boot to ready ${ready.elapsedMs} ms`);
    expect(stopped).toEqual({ result: 'configured', message: 'shut down gracefully' });
    expect(progress).toEqual([`shutting down ${name} (up to 120 s)`]);
    expect((await testbed.run(hv1, ['cat', consoleLog])).stdout).toContain('power button pressed');
    expect((await client.run(action('domain.delete', { name, timeoutSeconds: 5 }))).result).toBe('deleted');
  }, 400_000);

  it('refuses to change or remove objects gitvirt does not own', async () => {
    const name = `${P}-unowned`;
    await defineByHand(hv1, 'define', domainXml(name, { owned: false }));
    await defineByHand(hv1, 'net-define', networkXml(name, { owned: false, bridge: 'gvhc1', octet: 2 }));
    const before = await virsh(hv1, 'dumpxml', '--inactive', name);
    await expect(client.run(action('domain.delete', { name, timeoutSeconds: 1 }))).rejects.toMatchObject({ code: 'ObjectNotOwned', data: { object: 'domain', name } });
    await expect(client.run(action('domain.define', { name, xml: domainXml(name, { memoryMiB: 100 }) }))).rejects.toMatchObject({ code: 'ObjectNotOwned' });
    await expect(client.run(action('domain.set-memory', { name, memoryMiB: 100 }))).rejects.toMatchObject({ code: 'ObjectNotOwned' });
    await expect(client.run(action('network.delete', { name }))).rejects.toMatchObject({ code: 'ObjectNotOwned', data: { object: 'network', name } });
    await expect(client.run(action('network.define', { name, xml: networkXml(name, { bridge: 'gvhc1', octet: 2 }), autostart: true }))).rejects.toMatchObject({ code: 'ObjectNotOwned' });
    expect(await virsh(hv1, 'dumpxml', '--inactive', name)).toBe(before);
    expect(await virsh(hv1, 'net-dumpxml', '--inactive', name)).not.toContain(OWNER_NS);
  });

  it('explains libvirt failures: a missing network, a missing disk', async () => {
    const name = `${VM}-broken`;
    await client.run(action('domain.define', { name, xml: domainXml(name, { network: `${P}-nonet` }) }));
    await expect(client.run(action('domain.start', { name }))).rejects.toMatchObject({
      code: 'LibvirtCommandFailed',
      message: expect.stringMatching(new RegExp(`^failed to start domain ${name} on host hv1: the libvirt network does not exist on the host \\(define the network first.*\\); libvirt said: .*no network with matching name '${P}-nonet'`)),
      data: { host: 'hv1', action: 'domain.start', command: [...VIRSH, 'start', '--', name], stderr: expect.stringContaining('Network not found'), explanation: { reason: 'NetworkNotFound', transient: false } },
    });
    await client.run(action('domain.define', { name, xml: domainXml(name, { disk: `${POOL.path}/${P}-missing.qcow2` }) }));
    const missingDisk = client.run(action('domain.start', { name }));
    if (CAPTURE) await missingDisk.catch((err: { data: { stderr: string } }) => writeFile(join(FIXTURES, 'start-missing-disk.stderr.txt'), err.data.stderr));
    await expect(missingDisk).rejects.toMatchObject({
      code: 'LibvirtCommandFailed',
      message: expect.stringMatching(new RegExp(`^failed to start domain ${name} on host hv1: .*Cannot access storage file '${POOL.path}/${P}-missing.qcow2'`)),
      data: { stderr: expect.stringContaining('Cannot access storage file'), explanation: { reason: 'StorageFileMissing' } },
    });
    expect(await client.run(action('domain.delete', { name, timeoutSeconds: 1 }))).toMatchObject({ result: 'deleted' });
  });

  it('observes a populated host, hostile names and owner records included', async () => {
    await defineByHand(hv1, 'define', domainXml(HOSTILE, { owned: false }));
    await defineByHand(hv1, 'net-define', networkXml(HOSTILE, { owned: false, bridge: 'gvhc2', octet: 3 }));
    await testbed.run(hv1, ['touch', `${POOL.path}/${P} it's "a" $(x).raw`, `${POOL.path}/${P}-new\nline.raw`]);
    await client.run(action('domain.define', { name: VM, xml: domainXml(VM, { disk: `${POOL.path}/${VM}-root.qcow2`, network: NET, protect: { deleteVolume: `${VM}-root.qcow2` } }) }));
    await client.run(action('domain.start', { name: VM }));
    const live = await client.observe();
    if (CAPTURE) await capture(connection, 'observe-populated.txt');
    expect((await testbed.run(hv1, `ls -a / /root /tmp ${POOL.path}`)).stdout).not.toContain('pwned');
    const domains = Object.fromEntries(live.domains.map((d) => [d.name, d]));
    expect(domains[VM]).toMatchObject({ state: 'running', autostart: false, owner: { kind: 'VirtualMachine', name: VM, deletionProtection: true, deleteVolumes: [`${VM}-root.qcow2`] } });
    expect(domains[VM]?.xml).toContain(OWNER_NS);
    expect(domains[HOSTILE]).toMatchObject({ state: 'shutoff', owner: null });
    expect(domains[HOSTILE]).not.toHaveProperty('xml');
    expect(domains[`${P}-unowned`]).toMatchObject({ owner: null });
    const networks = Object.fromEntries(live.networks.map((n) => [n.name, n]));
    expect(networks[NET]).toMatchObject({ active: true, autostart: false, owner: { kind: 'Network', name: NET } });
    expect(networks[HOSTILE]).toMatchObject({ active: false, autostart: false, owner: null });
    expect(live.pools).toContainEqual({ name: POOL.name, active: true, autostart: true, path: POOL.path });
    const volumes = Object.fromEntries(live.volumes.map((v) => [v.name, v]));
    expect(volumes['image-base.qcow2']).toEqual({ pool: POOL.name, name: 'image-base.qcow2', path: `${POOL.path}/image-base.qcow2`, capacityBytes: 96 * MiB, format: 'qcow2' });
    expect(volumes[`${VM}-root.qcow2`]).toMatchObject({ capacityBytes: 128 * MiB, format: 'qcow2' });
    expect(volumes[`${VM}-seed-0123456789ab.iso`]).toMatchObject({ format: 'iso' });
    expect(volumes[`${P} it's "a" $(x).raw`]).toMatchObject({ capacityBytes: 0, format: 'raw' });
    expect(live.volumes.map((v) => v.name)).not.toContain(`${P}-new\nline.raw`);
  });

  it('observes ~20 and ~50 defined domains in one round trip each, well under a second', async () => {
    const conn3 = await transport.connect(hostTarget(hv3));
    const bulk = createHostClient({ target: hostTarget(hv3), connection: conn3 });
    const names = Array.from({ length: 50 }, (_, i) => `${P}-bulk${String(i).padStart(2, '0')}`);
    for (const count of [20, 50]) {
      const script = names.slice(count === 20 ? 0 : 20, count).map((name) =>
        `cat > /tmp/${name}.xml <<'XML'\n${domainXml(name, { disk: `${POOL.path}/${name}.qcow2` })}\nXML\nvirsh -c qemu:///system define /tmp/${name}.xml >/dev/null || exit 1`).join('\n');
      await testbed.run(hv3, script);
      const ms: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        const seen = await bulk.observe();
        ms.push(performance.now() - started);
        expect(seen.domains.map((d) => d.name)).toEqual(names.slice(0, count));
        expect(seen.domains.every((d) => d.owner?.name === d.name && d.xml !== undefined)).toBe(true);
      }
      timings.push(`observe ${count} domains: median ${median(ms.slice(1))} ms (${ms.map(Math.round).join(', ')})`);
      expect(median(ms.slice(1))).toBeLessThan(3000); // generous: the machine running the tests may be loaded
    }
    await conn3.close();
  });

  it('reports an unreachable libvirtd as a LibvirtCommandError', async () => {
    const uri = 'qemu+unix:///system?socket=/run/nonexistent.sock';
    const broken = createHostClient({ target: hostTarget(hv1, uri), connection });
    if (CAPTURE) {
      const result = await connection.execScript(buildObserveScript({ uri, pool: POOL.name, marker: newSectionMarker() }));
      await writeFile(join(FIXTURES, 'observe-unreachable.stderr.txt'), result.stderr);
    }
    await expect(broken.observe()).rejects.toMatchObject({ code: 'LibvirtCommandFailed', data: { action: 'observe', explanation: { reason: 'ConnectionFailed' } } });
  });

  /** Saves the raw output of the observe script run on `conn` under test/fixtures/virsh/. */
  async function capture(conn: HostConnection, file: string): Promise<void> {
    const script = buildObserveScript({ uri: 'qemu:///system', pool: POOL.name, marker: newSectionMarker() });
    const result = await conn.execScript(script);
    await writeFile(join(FIXTURES, file), result.stdout);
  }
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
