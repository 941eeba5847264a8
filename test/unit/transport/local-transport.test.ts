import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTransport, type TransportTarget } from '../../../controller/transport/index.js';
import { AWKWARD_ARGS, splitNul } from './awkward-args.js';

const run = promisify(execFile);
const self: TransportTarget = { name: 'hv-local', address: '127.0.0.1', port: 22, user: 'root', hostKey: 'unused' };
let dir = '';

async function running(cmdline: string): Promise<boolean> {
  try {
    await run('pgrep', ['-x', '-f', cmdline]);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-local-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local transport', () => {
  it('passes argv to the program without a shell', async () => {
    const conn = await createLocalTransport().connect(self);
    const result = await conn.exec(['printf', '%s\\0', ...AWKWARD_ARGS]);
    expect(result.code).toBe(0);
    expect(splitNul(result.stdout)).toEqual(AWKWARD_ARGS);
  });

  it('returns exit codes, stderr and stdin like the SSH transport', async () => {
    const conn = await createLocalTransport().connect(self);
    expect(await conn.exec(['sh', '-c', 'echo out; echo err >&2; exit 5'])).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 5 });
    expect(await conn.exec(['cat'], { stdin: 'in\n' })).toEqual({ stdout: 'in\n', stderr: '', code: 0 });
    expect(await conn.exec(['cat'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await conn.exec(['gitvirt-no-such-command'])).toEqual({ stdout: '', stderr: 'gitvirt-no-such-command: command not found\n', code: 127 });
    expect((await conn.exec(['sh', '-c', 'kill -TERM $$'])).code).toBe(128 + 15);
    expect(await conn.execScript('x=1\necho "x=$x"\n')).toEqual({ stdout: 'x=1\n', stderr: '', code: 0 });
    const binary = randomBytes(1024 * 1024);
    expect((await conn.execRaw(['cat'], { stdin: binary })).stdout.equals(binary)).toBe(true);
  });

  it('kills a command and what it started on timeout', async () => {
    const conn = await createLocalTransport().connect(self);
    const started = Date.now();
    await expect(conn.exec(['sh', '-c', 'sleep 30.375; echo never'], { timeoutMs: 200 })).rejects.toMatchObject({
      code: 'CommandTimeout',
      data: { host: 'hv-local', command: 'sh', timeoutMs: 200 },
    });
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await running('sleep 30.375')).toBe(false);
  });

  it('kills a command when aborted, and refuses to start when already aborted', async () => {
    const t = createLocalTransport({ commandTimeoutMs: 0 });
    const conn = await t.connect(self);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(conn.exec(['sleep', '30.625'], { signal: controller.signal })).rejects.toMatchObject({ code: 'CommandAborted' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await running('sleep 30.625')).toBe(false);
    await expect(conn.exec(['true'], { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CommandAborted' });
  });

  it('refuses NUL bytes and an empty argv', async () => {
    const conn = await createLocalTransport().connect(self);
    await expect(conn.exec(['echo', 'a\0b'])).rejects.toMatchObject({ code: 'UnquotableArgument', data: { index: 1 } });
    await expect(conn.exec([])).rejects.toMatchObject({ code: 'UnquotableArgument' });
  });

  it('writes files atomically with a mode and leaves nothing behind on failure', async () => {
    const conn = await createLocalTransport().connect(self);
    const path = join(dir, 'domain.xml');
    await writeFile(path, 'old');
    const inode = (await stat(path)).ino;
    await conn.writeFile(path, '<domain/>', { mode: 0o640 });
    expect(await readFile(path, 'utf8')).toBe('<domain/>');
    expect((await stat(path)).mode & 0o7777).toBe(0o640);
    expect((await stat(path)).ino).not.toBe(inode);
    await conn.writeFile(join(dir, 'default-mode'), Buffer.from([0, 1, 2]));
    expect((await stat(join(dir, 'default-mode'))).mode & 0o7777).toBe(0o644);

    await mkdir(join(dir, 'a-dir'));
    await expect(conn.writeFile(join(dir, 'a-dir'), 'x')).rejects.toMatchObject({ code: 'WriteFileFailed' });
    await expect(conn.writeFile(join(dir, 'missing', 'x'), 'x')).rejects.toMatchObject({ code: 'WriteFileFailed', data: { reason: 'ENOENT' } });
    await expect(conn.writeFile('relative', 'x')).rejects.toMatchObject({ code: 'WriteFileFailed', data: { reason: 'the path must be absolute' } });
    expect((await readdir(dir)).sort()).toEqual(['a-dir', 'default-mode', 'domain.xml']);
  });

  it('refuses calls after close', async () => {
    const t = createLocalTransport();
    const conn = await t.connect(self);
    const other = await t.connect(self);
    await conn.close();
    await expect(conn.exec(['true'])).rejects.toMatchObject({ code: 'TransportClosed' });
    expect((await other.exec(['true'])).code).toBe(0);
    await t.close();
    await expect(other.exec(['true'])).rejects.toMatchObject({ code: 'TransportClosed' });
    await expect(t.connect(self)).rejects.toMatchObject({ code: 'TransportClosed' });
  });
});
