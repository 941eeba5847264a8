import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the real executable (`controller/main.ts` through tsx) as a separate process. */
function gitvirt(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'controller/main.ts', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gitvirt executable', () => {
  it('exits with the command status and prints the package version', () => {
    const valid = gitvirt('validate', 'examples-repo');
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(/^✓ \d+ documents/);
    const version = gitvirt('--version');
    expect(version).toMatchObject({ code: 0, out: 'gitvirt 0.1.0\n' });
  }, 120_000);

  it('finishes with its own status when the reader of its output goes away (gitvirt ... | head)', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `'${process.execPath}' --import tsx controller/main.ts validate examples-repo --format json | true`], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/EPIPE|internal error/);
    expect(r.status).toBe(0);
  }, 60_000);

  it('exits 2 on a usage error', () => {
    const r = gitvirt('validate', '--format', 'yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain("invalid value 'yaml' for --format");
  }, 60_000);
});
