import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGuest, type GuestArtifacts } from '../../testbed/guest/guest.js';

const run = promisify(execFile);
const MODULES_LIST = new URL('../../testbed/guest/modules.list', import.meta.url);

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function initrdFile(initrd: string, path: string): Promise<string> {
  return (await run('sh', ['-c', `gzip -dc "$1" | cpio -i --quiet --to-stdout "$2"`, 'sh', initrd, path], { maxBuffer: 16 << 20 })).stdout;
}

const normalise = (name: string) => name.replace(/-/g, '_');

describe('buildGuest', () => {
  let guest: GuestArtifacts;
  beforeAll(async () => {
    guest = await buildGuest();
  }, 300_000);

  it('returns artifacts whose hashes and sizes match the files', async () => {
    for (const artifact of [guest.kernel, guest.kernelElf, guest.initrd, guest.disk]) {
      expect(artifact.path.startsWith(`${guest.dir}/`)).toBe(true);
      expect((await stat(artifact.path)).size).toBe(artifact.bytes);
      expect(await sha256(artifact.path)).toBe(artifact.sha256);
    }
    expect(guest.key).toMatch(/^[0-9a-f]{64}$/);
    expect(guest.cmdline).toBe('console=ttyS0');
    expect(guest.readyMarker).toBe('GITVIRT-GUEST-READY');
  });

  it('copies the installed kernel and unpacks it to an ELF image', async () => {
    expect(guest.kernel.sha256).toBe(await sha256(`/boot/vmlinuz-${guest.kernelVersion}`));
    const head = (await readFile(guest.kernelElf.path)).subarray(0, 4);
    expect(head.toString('latin1')).toBe('\x7fELF');
    expect(guest.kernelElf.bytes).toBeGreaterThan(guest.kernel.bytes);
  });

  it('makes a small qcow2 disk', async () => {
    const info = JSON.parse((await run('qemu-img', ['info', '--output=json', guest.disk.path])).stdout) as { format: string; 'virtual-size': number };
    expect(info.format).toBe('qcow2');
    expect(info['virtual-size']).toBe(64 << 20);
    expect(guest.disk.virtualBytes).toBe(64 << 20);
    expect(guest.disk.bytes).toBeLessThan(1 << 20);
  });

  it('packs a small initramfs with the init, its scripts and busybox', async () => {
    expect(guest.initrd.bytes).toBeLessThan(3 << 20);
    const list = (await run('sh', ['-c', 'gzip -dc "$1" | cpio -it --quiet', 'sh', guest.initrd.path], { maxBuffer: 16 << 20 })).stdout.split('\n');
    for (const path of ['init', 'bin/busybox', 'bin/sh', 'sbin/udhcpc', 'etc/guest-lib.sh', 'etc/udhcpc.script', 'etc/acpi/PWRF/00000080', 'lib/modules/load-order', 'dev/console']) {
      expect(list).toContain(path);
    }
    expect(await initrdFile(guest.initrd.path, 'init')).toBe(await readFile(new URL('../../testbed/guest/init', import.meta.url), 'utf8'));
  });

  it('loads every listed module after the modules it depends on', async () => {
    const order = (await initrdFile(guest.initrd.path, 'lib/modules/load-order')).trim().split('\n').map((line) => line.split(' ')[0] ?? '');
    const modulesDep = await readFile(`/lib/modules/${guest.kernelVersion}/modules.dep`, 'utf8');
    const deps = new Map<string, string[]>();
    for (const line of modulesDep.split('\n').filter(Boolean)) {
      const [path = '', rest = ''] = line.split(':');
      const name = (p: string) => normalise(p.split('/').pop()?.replace(/\.ko.*$/, '') ?? '');
      deps.set(name(path), rest.trim().split(/\s+/).filter(Boolean).map(name));
    }
    const wanted = (await readFile(MODULES_LIST, 'utf8')).split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((l) => l !== '' && !l.startsWith('#'));
    for (const module of wanted) expect(order).toContain(normalise(module));
    expect(order.slice(0, 5)).toEqual(['virtio_ring', 'virtio', 'virtio_pci_modern_dev', 'virtio_pci_legacy_dev', 'virtio_pci']);
    for (const [index, module] of order.entries()) {
      for (const dep of deps.get(module) ?? []) {
        expect(order.indexOf(dep), `${dep} before ${module}`).toBeGreaterThanOrEqual(0);
        expect(order.indexOf(dep), `${dep} before ${module}`).toBeLessThan(index);
      }
    }
    expect(await initrdFile(guest.initrd.path, 'lib/modules/load-order')).toMatch(/^scsi_mod scan=sync$/m);
  });

  it('reuses the cache on a second call', async () => {
    const before = await Promise.all([guest.kernelElf.path, guest.initrd.path, guest.manifest].map(async (p) => (await stat(p)).mtimeMs));
    const again = await buildGuest();
    expect(again).toEqual(guest);
    const after = await Promise.all([guest.kernelElf.path, guest.initrd.path, guest.manifest].map(async (p) => (await stat(p)).mtimeMs));
    expect(after).toEqual(before);
  });
});
