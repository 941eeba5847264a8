import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets, readConfig, SecretMissingError, SecretUnreadableError, validateConfig, type ControllerConfig } from '../../../controller/config/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

function configOf(doc: unknown): ControllerConfig {
  const result = validateConfig(doc, { baseDir: dir });
  if (result.config === undefined) throw new Error(result.errors.join('\n'));
  return result.config;
}

describe('readConfig', () => {
  it('reads YAML and resolves paths against the file\'s directory', async () => {
    const path = await file('config.yaml', 'source:\n  local:\n    dir: fleet\ninterval: 30s\nlisten: false\n');
    const result = await readConfig(path);
    expect(result.errors).toBeUndefined();
    expect(result.config).toMatchObject({ source: { type: 'local', dir: join(dir, 'fleet'), watch: true }, intervalMs: 30_000, listen: null });
  });

  it('reports a missing file, bad YAML with its position, and duplicate keys', async () => {
    expect((await readConfig(join(dir, 'absent.yaml'))).errors).toEqual([`${join(dir, 'absent.yaml')}: no such file`]);
    const broken = await file('broken.yaml', 'source:\n  git: [\n');
    expect((await readConfig(broken)).errors?.[0]).toMatch(new RegExp(`^${broken}:\\d+:\\d+: invalid YAML: `));
    const dup = await file('dup.yaml', 'interval: 1m\ninterval: 2m\n');
    expect((await readConfig(dup)).errors?.[0]).toMatch(/invalid YAML: Map keys must be unique/);
  });

  it('validates the example configuration shipped in deploy/', async () => {
    const result = await readConfig(new URL('../../../deploy/config.example.yaml', import.meta.url).pathname);
    expect(result.errors).toBeUndefined();
    expect(result.config).toMatchObject({
      source: { type: 'git', ref: { branch: 'main' }, tokenFile: '/etc/gitvirt/git-token' },
      webhook: { secretFile: '/etc/gitvirt/webhook-secret' }, ssh: { identityFile: '/etc/gitvirt/id_ed25519' },
    });
  });
});

describe('loadSecrets', () => {
  it('reads secret files (dropping the trailing newline) and never needs the environment then', async () => {
    const token = await file('token', 'glpat-abc\n');
    const hook = await file('hook', 'webhook-secret-1\r\n');
    const config = configOf({ source: { git: { url: 'https://git.example.com/f.git', tokenFile: token } }, webhook: { secretFile: hook } });
    expect(await loadSecrets({ config, env: { GITVIRT_GIT_TOKEN: 'ignored' } })).toEqual({ gitAuth: { token: 'glpat-abc' }, webhookSecret: 'webhook-secret-1' });
  });

  it('falls back to the environment', async () => {
    const config = configOf({ source: { git: { url: 'https://git.example.com/f.git' } }, webhook: {}, ssh: { identityFile: '/k' } });
    expect(await loadSecrets({ config, env: { GITVIRT_GIT_USERNAME: 'ci', GITVIRT_GIT_PASSWORD: 'pw', GITVIRT_WEBHOOK_SECRET: 'long-enough', GITVIRT_SSH_PASSPHRASE: 'pp' } }))
      .toEqual({ gitAuth: { username: 'ci', password: 'pw' }, webhookSecret: 'long-enough', sshPassphrase: 'pp' });
    expect(await loadSecrets({ config: configOf({ source: { local: { dir: '/x' } } }), env: { GITVIRT_GIT_TOKEN: 't' } })).toEqual({});
  });

  it('fails clearly on a missing, empty or unreadable file and a missing webhook secret', async () => {
    const git = (extra: object) => configOf({ source: { git: { url: 'https://git.example.com/f.git', ...extra } } });
    await expect(loadSecrets({ config: git({ tokenFile: join(dir, 'nope') }), env: {} })).rejects.toThrow(new SecretUnreadableError({ field: 'source.git.tokenFile', file: join(dir, 'nope'), reason: 'no such file' }));
    const empty = await file('empty', '\n');
    await expect(loadSecrets({ config: git({ tokenFile: empty }), env: {} })).rejects.toThrow(/the file is empty/);
    if (process.getuid?.() !== 0) {
      const locked = await file('locked', 'x');
      await chmod(locked, 0);
      await expect(loadSecrets({ config: git({ tokenFile: locked }), env: {} })).rejects.toThrow(/permission denied/);
    }
    await expect(loadSecrets({ config: configOf({ source: { local: { dir: '/x' } }, webhook: {} }), env: {} })).rejects.toBeInstanceOf(SecretMissingError);
    const short = await file('short', 'abc');
    await expect(loadSecrets({ config: configOf({ source: { local: { dir: '/x' } }, webhook: { secretFile: short } }), env: {} })).rejects.toThrow(/at least 8 characters/);
  });
});
