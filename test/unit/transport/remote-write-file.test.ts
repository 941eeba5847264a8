import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileViaExec } from '../../../controller/transport/remote-write-file.js';
import type { ExecOptions, RawExecResult } from '../../../controller/transport/transport.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-remote-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs argv here, feeding it only the first `keep` bytes of stdin (all when undefined), as a dropped connection does. */
function localExec(keep?: number) {
  return (argv: readonly string[], options: ExecOptions): Promise<RawExecResult> => new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? 1 }));
    const stdin = Buffer.from(options.stdin ?? '');
    child.stdin.end(keep === undefined ? stdin : stdin.subarray(0, keep));
  });
}

describe('writeFileViaExec', () => {
  const data = Buffer.alloc(64 * 1024, 7);

  it('renames the file into place when all of it arrived', async () => {
    const path = join(dir, 'whole.iso');
    await writeFileViaExec(localExec(), 'hv1', path, data, { mode: 0o640 });
    expect(await readFile(path)).toEqual(data);
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['whole.iso']);
  });

  it('leaves neither the target nor a temporary file when stdin ends early (the client died mid-write)', async () => {
    const path = join(dir, 'cut.iso');
    await expect(writeFileViaExec(localExec(1000), 'hv1', path, data, {})).rejects.toMatchObject({
      code: 'WriteFileFailed', data: { host: 'hv1', path, reason: `stdin ended after 1000 of ${data.length} bytes` },
    });
    expect((await readdir(dir)).filter((f) => f.startsWith('cut.iso'))).toEqual([]);
  });

  it('writes an empty file', async () => {
    const path = join(dir, 'empty');
    await writeFileViaExec(localExec(), 'hv1', path, Buffer.alloc(0), {});
    expect((await stat(path)).size).toBe(0);
  });
});
