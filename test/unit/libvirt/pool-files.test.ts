import { describe, expect, it } from 'vitest';
import { createPoolFiles } from '../../../controller/libvirt/index.js';
import type { HostConnection, RawHostConnection } from '../../../controller/transport/index.js';
import type { HostTarget } from '../../../controller/types/desired.js';

const TARGET: HostTarget = {
  name: 'hv1', address: '10.0.0.1', port: 22, user: 'root', hostKey: 'SHA256:x', uri: 'qemu:///system', zone: 'z', labels: {},
  reserved: { cpus: 0, memoryMiB: 0 }, storagePool: { name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' }, cordoned: false,
};

/** A connection that records argv and answers every command with `stdout`. */
function recording(stdout: string): { connection: RawHostConnection; calls: string[][] } {
  const calls: string[][] = [];
  const connection: RawHostConnection = {
    exec: async (argv) => (calls.push([...argv]), { stdout, stderr: '', code: 0 }),
    execRaw: async (argv) => (calls.push([...argv]), { stdout: Buffer.from(stdout), stderr: Buffer.alloc(0), code: 0 }),
    execScript: async () => ({ stdout, stderr: '', code: 0 }),
    writeFile: async () => undefined,
    close: async () => undefined,
  };
  return { connection, calls };
}

describe('pool files', () => {
  it('is absent on a connection that cannot return raw bytes', () => {
    const { connection } = recording('');
    const { execRaw: _raw, ...plain } = connection;
    expect(createPoolFiles({ target: TARGET, connection: plain as HostConnection })).toBeUndefined();
  });

  it('reads size and sha256, passing the path as an argument of a constant script', async () => {
    const sum = 'ab'.repeat(32);
    const { connection, calls } = recording(`1048576 ${sum}\n`);
    const files = createPoolFiles({ target: TARGET, connection })!;
    await expect(files.digest('/var/lib/libvirt/images/gitvirt/web-root.qcow2')).resolves.toEqual({ bytes: 1048576, sha256: sum });
    expect(calls[0]?.slice(0, 2)).toEqual(['sh', '-c']);
    expect(calls[0]?.slice(3)).toEqual(['gitvirt', '/var/lib/libvirt/images/gitvirt/web-root.qcow2']);
    const missing = createPoolFiles({ target: TARGET, connection: recording('missing\n').connection })!;
    await expect(missing.digest('/var/lib/libvirt/images/gitvirt/web-root.qcow2')).resolves.toBeNull();
  });

  it('refuses any path not directly in the pool directory, before running anything', async () => {
    const { connection, calls } = recording('');
    const files = createPoolFiles({ target: TARGET, connection })!;
    for (const path of ['/etc/shadow', '/var/lib/libvirt/images/gitvirt/../x', '/var/lib/libvirt/images/gitvirt/sub/x', '/var/lib/libvirt/images/gitvirt/a b', '/var/lib/libvirt/images/gitvirt/$(id)']) {
      await expect(files.digest(path)).rejects.toMatchObject({ code: 'PoolPathRefused' });
      await expect(files.read(path, 0, 1)).rejects.toMatchObject({ code: 'PoolPathRefused' });
    }
    await expect(files.install({ from: '/var/lib/libvirt/images/gitvirt/.a.part', to: '/tmp/a', pool: 'gitvirt', format: 'qcow2' })).rejects.toMatchObject({ code: 'PoolPathRefused' });
    expect(calls).toEqual([]);
  });
});
