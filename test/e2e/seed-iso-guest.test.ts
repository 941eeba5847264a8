import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSeedIso } from '../../controller/apply/index.js';
import { isoWorkspace } from '../unit/apply/iso-tools.js';

/** The cached test guest (test/testbed/guest/build.sh), if it was built on this machine. */
const guestDir = process.env['GITVIRT_GUEST_CACHE'] ?? '/var/cache/gitvirt-test-guest';
const guest = existsSync(join(guestDir, 'manifest.json'))
  ? (JSON.parse(readFileSync(join(guestDir, 'manifest.json'), 'utf8')) as { artifacts: Record<'kernelElf' | 'initrd', { path: string }> }).artifacts
  : null;
const qemu = spawnSync('qemu-system-x86_64', ['--version']).status === 0;
const unavailable = guest === null ? `no test guest in ${guestDir} (run test/testbed/guest/build.sh)` : !qemu ? 'qemu-system-x86_64 missing' : null;

const ws = isoWorkspace();
afterAll(() => ws.cleanup());

/** Boots the test guest under TCG with `image` as a virtio disk; resolves with the console once /init has read the seed. */
async function bootWithSeed(image: string, timeoutMs: number): Promise<string> {
  const log = join(ws.dir, 'console.log');
  const child = spawn('qemu-system-x86_64', [
    '-M', 'q35', '-m', '192', '-accel', 'tcg', '-kernel', guest!.kernelElf.path, '-initrd', guest!.initrd.path,
    '-append', 'console=ttyS0 loglevel=8 panic=-1', '-drive', `file=${image},if=virtio,format=raw,readonly=on`,
    '-nic', 'none', '-display', 'none', '-serial', `file:${log}`, '-no-reboot',
  ], { stdio: 'ignore' });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const text = existsSync(log) ? readFileSync(log, 'latin1') : '';
      if (/gitvirt-guest: hostname=/.test(text)) return text;
      if (child.exitCode !== null) return text;
    }
    return existsSync(log) ? readFileSync(log, 'latin1') : '';
  } finally {
    child.kill('SIGKILL');
  }
}

describe('buildSeedIso read by a Linux kernel (the test guest)', () => {
  it('has the test guest and qemu it needs', () => {
    expect(unavailable, 'build the test guest with test/testbed/guest/build.sh and install qemu-system-x86').toBeNull();
  });

  it('is mounted by isofs with Joliet and Rock Ridge, and its files are read', async () => {
    const image = ws.write('guest-seed.iso', buildSeedIso({
      'meta-data': 'instance-id: iid-iso-writer\nlocal-hostname: from-meta\n',
      'user-data': '#cloud-config\nhostname: iso-writer-ok\n',
      'network-config': 'version: 2\n',
    }));
    const output = await bootWithSeed(image, 100_000);
    expect(output).toMatch(/ISO 9660 Extensions: Microsoft Joliet Level 3/);
    expect(output).toMatch(/ISO 9660 Extensions: RRIP_1991A/);
    expect(output).toMatch(/seed found on \/dev\/vda \(iso9660\): meta-data network-config user-data/);
    expect(output).toMatch(/hostname=iso-writer-ok instance-id=iid-iso-writer/);
  }, 120_000);
});
