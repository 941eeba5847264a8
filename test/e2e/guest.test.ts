import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGuest, makeSeedIso, type GuestArtifacts } from '../testbed/guest/guest.js';
import { renderGuestDomainXml } from '../testbed/guest/guest-domain-xml.js';
import { renderGuestNetworkXml } from '../testbed/guest/guest-network-xml.js';
import { waitForReady, type GuestReady } from '../testbed/guest/ready-line.js';
import { injectTestbed } from '../testbed/inject-testbed.js';

const testbed = injectTestbed();
const hv1 = testbed.host('hv1');
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const ID = `gvguest-e2e-${process.pid}`;
const DIR = `/var/lib/libvirt/images/${ID}`;
const CONSOLE = `/var/log/libvirt/qemu/${ID}-console.log`;
const NETWORK = ID;
const BRIDGE = `gvg${process.pid}`.slice(0, 15);
const MAC = '52:54:00:e2:e0:10';
const IP = '192.168.231.10';
const HOSTNAME = 'e2e-guest';
const INSTANCE_ID = `iid-${ID}`;
const BOOT_TIMEOUT_MS = 240_000;

const virsh = (...args: string[]) => testbed.run(hv1, [...VIRSH, ...args], { timeoutMs: 60_000 });
// busybox wget, since hosts need not have curl; not its -T option, which crashes busybox-static 1.35
const httpGet = async (path: string) =>
  (await testbed.run(hv1, ['busybox', 'wget', '-q', '-O', '-', `http://${IP}${path}`], { timeoutMs: 15_000 })).stdout;

describe('test guest on a testbed host', () => {
  let guest: GuestArtifacts;
  let ready: GuestReady & { elapsedMs: number };

  beforeAll(async () => {
    guest = await buildGuest();
    const local = await mkdtemp(join(tmpdir(), 'gvguest-e2e-'));
    try {
      const seed = await makeSeedIso({ dir: local, hostname: HOSTNAME, instanceId: INSTANCE_ID });
      await testbed.run(hv1, ['mkdir', '-p', DIR]);
      await testbed.run(hv1, ['sh', '-c', 'cat > "$1"', 'sh', `${DIR}/seed.iso`], { stdin: await readFile(seed) });
    } finally {
      await rm(local, { recursive: true, force: true });
    }
    await testbed.run(hv1, ['qemu-img', 'create', '-q', '-f', 'qcow2', '-b', guest.disk.path, '-F', 'qcow2', `${DIR}/vda.qcow2`, '1G']);
    const networkXml = renderGuestNetworkXml({ name: NETWORK, bridge: BRIDGE, prefix: '192.168.231', hosts: [{ mac: MAC, ip: IP, name: HOSTNAME }] });
    // Type qemu (TCG) even where KVM is offered: under nested KVM this kernel does not boot.
    const domainXml = renderGuestDomainXml({
      name: ID,
      type: 'qemu',
      kernel: guest.kernelElf.path,
      initrd: guest.initrd.path,
      cmdline: guest.cmdline,
      disks: [
        { path: `${DIR}/vda.qcow2`, format: 'qcow2', target: 'vda' },
        { path: `${DIR}/seed.iso`, format: 'raw', target: 'vdb', readonly: true },
      ],
      interfaces: [{ network: NETWORK, mac: MAC }],
      consoleLog: CONSOLE,
    });
    await testbed.run(hv1, ['sh', '-c', 'cat > "$1"', 'sh', `${DIR}/network.xml`], { stdin: networkXml });
    await testbed.run(hv1, ['sh', '-c', 'cat > "$1"', 'sh', `${DIR}/domain.xml`], { stdin: domainXml });
    await virsh('net-create', `${DIR}/network.xml`);
    await virsh('create', `${DIR}/domain.xml`);
    ready = await waitForReady({
      read: async () => (await testbed.run(hv1, ['cat', CONSOLE], { allowFailure: true })).stdout,
      timeoutMs: BOOT_TIMEOUT_MS,
      intervalMs: 1000,
    });
    process.stderr.write(`guest: ${ID} ready on hv1 ${ready.elapsedMs} ms after virsh create\n`);
  }, BOOT_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await virsh('destroy', ID).catch(() => undefined);
    await virsh('net-destroy', NETWORK).catch(() => undefined);
    await testbed.run(hv1, ['rm', '-rf', DIR, CONSOLE, `/var/log/libvirt/qemu/${ID}.log`], { allowFailure: true });
  }, 120_000);

  it('boots, takes its reserved address and announces the seed hostname', () => {
    expect(ready).toMatchObject({ ip: IP, hostname: HOSTNAME, instanceId: INSTANCE_ID });
  });

  it('serves /health and /hostname to its host', async () => {
    expect(await httpGet('/health')).toBe('ok\n');
    expect(await httpGet('/hostname')).toBe(`${HOSTNAME}\n`);
    expect(await httpGet('/instance-id')).toBe(`${INSTANCE_ID}\n`);
    expect(await httpGet('/ip')).toBe(`${IP}\n`);
  });

  it('sees the grown overlay disk and the seed', async () => {
    expect((await httpGet('/disks')).split('\n')).toEqual(expect.arrayContaining(['vda 1073741824', expect.stringMatching(/^vdb \d+$/)]));
    expect(await httpGet('/seed-device')).toBe('/dev/vdb\n');
    expect(await httpGet('/seed/user-data')).toBe(`#cloud-config\nhostname: ${HOSTNAME}\n`);
  });

  it('shows up in the network DHCP leases under its hostname', async () => {
    const leases = (await virsh('net-dhcp-leases', NETWORK)).stdout;
    expect(leases).toMatch(new RegExp(`${MAC}\\s+ipv4\\s+${IP.replace(/\./g, '\\.')}/24\\s+${HOSTNAME}`));
  });

  it('powers off on an ACPI shutdown request', async () => {
    await virsh('shutdown', ID);
    const deadline = Date.now() + 60_000;
    let gone = false;
    while (!gone && Date.now() < deadline) {
      // a transient domain disappears once it is off
      gone = (await testbed.run(hv1, [...VIRSH, 'domstate', ID], { allowFailure: true })).code !== 0;
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(gone).toBe(true);
    const log = (await testbed.run(hv1, ['cat', CONSOLE], { allowFailure: true })).stdout;
    expect(log).toContain('gitvirt-guest: power button pressed, powering off');
  }, 90_000);
});
