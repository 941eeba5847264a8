/**
 * Boots the test guest on this machine's own libvirtd (qemu:///system in the current namespaces)
 * and checks what it serves. Starts virtlogd and libvirtd first when none answers, and leaves them
 * running. Everything it creates (a transient NAT network, a transient domain, a temp dir) is
 * removed at the end unless --keep is given.
 *
 *   npx tsx test/testbed/guest/smoke.ts [--seed virtio|sata|none] [--nic virtio|e1000]
 *     [--machine q35|pc] [--memory 128] [--prefix 192.168.177] [--kernel elf|bzimage] [--keep]
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { buildGuest, makeSeedIso } from './guest.js';
import type { GuestDisk } from './guest-domain-xml.js';
import { renderGuestDomainXml } from './guest-domain-xml.js';
import { renderGuestNetworkXml } from './guest-network-xml.js';
import { waitForReady } from './ready-line.js';

const run = promisify(execFile);
const URI = 'qemu:///system';
const virsh = (...args: string[]) => run('virsh', ['-c', URI, ...args]);

async function ensureLibvirtd(): Promise<void> {
  if (await virsh('version').then(() => true, () => false)) return;
  console.log('no libvirtd answers; starting virtlogd and libvirtd');
  await run('sh', ['-c', [
    'getent group kvm >/dev/null || groupadd -r kvm',
    'getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu',
    'id libvirt-qemu >/dev/null 2>&1 || useradd -r -g libvirt-qemu -G kvm libvirt-qemu',
    'pgrep -x virtlogd >/dev/null || /usr/sbin/virtlogd -d',
    '/usr/sbin/libvirtd -d',
  ].join('; ')]);
  for (let i = 0; i < 50; i++) {
    if (await virsh('version').then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('failed to start libvirtd: qemu:///system does not answer');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: 'virtio' },
      nic: { type: 'string', default: 'virtio' },
      machine: { type: 'string', default: 'q35' },
      memory: { type: 'string', default: '128' },
      prefix: { type: 'string', default: '192.168.177' },
      kernel: { type: 'string', default: 'elf' },
      keep: { type: 'boolean', default: false },
    },
  });
  const t0 = Date.now();
  const guest = await buildGuest();
  console.log(`guest built/cached in ${Date.now() - t0} ms (kernel ${guest.kernelVersion})`);
  await ensureLibvirtd();

  const dir = await mkdtemp('/tmp/gitvirt-guest-smoke-');
  await chmod(dir, 0o755); // qemu runs as libvirt-qemu and must reach the files
  const name = `gvguest-smoke-${process.pid}`;
  const net = `gvguest-${process.pid}`;
  const mac = '52:54:00:77:00:10';
  const ip = `${values.prefix}.10`;
  const hostname = 'smoke-guest';
  const consoleLog = join(dir, 'console.log');
  try {
    const disks: GuestDisk[] = [];
    const overlay = join(dir, 'vda.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', guest.disk.path, '-F', 'qcow2', overlay, '1G']);
    disks.push({ path: overlay, format: 'qcow2', target: 'vda' });
    if (values.seed !== 'none') {
      const seed = await makeSeedIso({ dir, hostname, instanceId: 'iid-smoke-1' });
      disks.push(values.seed === 'sata'
        ? { path: seed, format: 'raw', target: 'sda', bus: 'sata', device: 'cdrom', readonly: true }
        : { path: seed, format: 'raw', target: 'vdb', readonly: true });
    }
    const netXml = renderGuestNetworkXml({ name: net, bridge: `gvg${process.pid}`.slice(0, 15), prefix: values.prefix, hosts: [{ mac, ip, name: hostname }] });
    const domXml = renderGuestDomainXml({
      name, machine: values.machine, memoryMiB: Number(values.memory), kernel: values.kernel === 'bzimage' ? guest.kernel.path : guest.kernelElf.path, initrd: guest.initrd.path,
      cmdline: guest.cmdline, disks, interfaces: [{ network: net, mac, model: values.nic as 'virtio' | 'e1000' }], consoleLog,
    });
    await writeFile(join(dir, 'net.xml'), netXml);
    await writeFile(join(dir, 'domain.xml'), domXml);
    await virsh('net-create', join(dir, 'net.xml'));
    const started = Date.now();
    await virsh('create', join(dir, 'domain.xml'));
    const ready = await waitForReady({ read: () => readFile(consoleLog, 'utf8'), timeoutMs: 120_000 });
    console.log(`ready after ${Date.now() - started} ms (domain create to ready line): ${JSON.stringify({ ip: ready.ip, hostname: ready.hostname, instanceId: ready.instanceId })}`);
    const guestUptime = /gitvirt-guest: ready uptime=([0-9.]+)s/.exec(ready.log)?.[1];
    console.log(`guest uptime at ready: ${guestUptime ?? '?'} s`);
    for (const path of ['health', 'hostname', 'instance-id', 'ip', 'mac', 'disks', 'seed-device']) {
      const res = await fetch(`http://${ip}/${path}`, { signal: AbortSignal.timeout(5000) });
      console.log(`GET /${path} -> ${res.status} ${JSON.stringify(await res.text())}`);
    }
    const shutdownStart = Date.now();
    await virsh('shutdown', name);
    for (let i = 0; i < 100; i++) {
      if (await virsh('domstate', name).then(() => false, () => true)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`acpi shutdown took ${Date.now() - shutdownStart} ms`);
  } finally {
    if (values.keep) {
      console.log(`kept ${dir}, domain ${name}, network ${net}`);
    } else {
      await virsh('destroy', name).catch(() => undefined);
      await virsh('net-destroy', net).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
