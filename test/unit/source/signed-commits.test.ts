import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSshSignature,
  createGitSource,
  InvalidSourceConfigError,
  parseSshPublicKey,
  UntrustedCommitError,
  type SshPublicKey,
} from '../../../controller/source/index.js';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';
import { runProcess } from '../../testbed/run-process.js';
import { workClone } from './work-clone.js';

let root: string;
let server: GitServer;
const keys: Record<string, { path: string; line: string; key: SshPublicKey }> = {};

async function run(file: string, args: string[], cwd = root): Promise<string> {
  const result = await runProcess(file, args, { cwd, timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`${file} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const KEY_TYPES: Record<string, string[]> = {
  ed25519: ['-t', 'ed25519'],
  ecdsa256: ['-t', 'ecdsa', '-b', '256'],
  ecdsa384: ['-t', 'ecdsa', '-b', '384'],
  rsa: ['-t', 'rsa', '-b', '2048'],
  stranger: ['-t', 'ed25519'],
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gitvirt-signed-'));
  server = await startGitServer();
  for (const [name, args] of Object.entries(KEY_TYPES)) {
    const path = join(root, name);
    await run('ssh-keygen', [...args, '-q', '-N', '', '-C', `${name}@test`, '-f', path]);
    const line = await readFile(`${path}.pub`, 'utf8');
    const parsed = parseSshPublicKey(line);
    if ('error' in parsed) throw new Error(parsed.error);
    keys[name] = { path, line, key: parsed.key };
  }
}, 60_000);
afterAll(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

/** Signs `message` with ssh-keygen -Y sign and returns the armored signature. */
async function sshSign(key: string, message: string, namespace = 'git'): Promise<string> {
  const file = join(root, `msg-${key}-${namespace}`);
  await writeFile(file, message);
  await run('ssh-keygen', ['-Y', 'sign', '-q', '-n', namespace, '-f', keys[key]?.path ?? '', file]);
  return readFile(`${file}.sig`, 'utf8');
}

describe('checkSshSignature', () => {
  it.each(['ed25519', 'ecdsa256', 'ecdsa384', 'rsa'])('accepts a %s signature by a trusted key and refuses a changed message', async (name) => {
    const key = keys[name] as { key: SshPublicKey };
    const armored = await sshSign(name, 'tree abc\n\nmessage\n');
    const trusted = [keys.stranger?.key as SshPublicKey, key.key];
    expect(checkSshSignature({ message: 'tree abc\n\nmessage\n', armored, namespace: 'git', trusted })).toEqual({ ok: true, fingerprint: key.key.fingerprint });
    expect(checkSshSignature({ message: 'tree abc\n\nmessage!\n', armored, namespace: 'git', trusted })).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('names what is wrong with other signatures', async () => {
    const trusted = [keys.ed25519?.key as SshPublicKey];
    const byStranger = await sshSign('stranger', 'm');
    const otherNamespace = await sshSign('ed25519', 'm', 'file');
    const check = (armored: string | null) => checkSshSignature({ message: 'm', armored, namespace: 'git', trusted });
    expect(check(null)).toEqual({ ok: false, problem: 'unsigned' });
    expect(check(byStranger)).toEqual({ ok: false, problem: 'untrusted-key' });
    expect(check(otherNamespace)).toEqual({ ok: false, problem: 'wrong-namespace' });
    expect(check('-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n')).toEqual({ ok: false, problem: 'not-ssh' });
    expect(check('-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses keys it cannot use', () => {
    expect(parseSshPublicKey('-----BEGIN PGP PUBLIC KEY BLOCK-----')).toMatchObject({ error: expect.stringMatching(/OpenPGP keys are not supported/) });
    expect(parseSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5')).toHaveProperty('error');
    expect(parseSshPublicKey(`ssh-rsa ${keys.ed25519?.line.split(' ')[1]}`)).toMatchObject({ error: 'the key data does not hold a ssh-rsa key' });
  });
});

describe('createGitSource with requireSignedBy', () => {
  it('checks out commits signed by a trusted key and refuses others, keeping the last good revision', async () => {
    const { url } = await server.createRepo('signed');
    const clone = await workClone(url);
    const commit = async (key: string | null, message: string): Promise<string> => {
      await clone.write({ [`${message}.yaml`]: `${message}: 1\n` });
      await clone.git(['add', '-A']);
      const sign = key === null ? [] : ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${keys[key]?.path}`];
      await clone.git([...sign, 'commit', '--quiet', ...(key === null ? [] : ['-S']), '-m', message]);
      await clone.git(['push', '--quiet', 'origin', 'HEAD:main']);
      return clone.git(['rev-parse', 'HEAD']);
    };
    try {
      const good = await commit('ed25519', 'first');
      const source = createGitSource({ url, ref: { branch: 'main' }, dir: join(root, 'cache-signed'), requireSignedBy: [keys.ed25519?.line ?? '', keys.rsa?.line ?? ''] });
      const first = await source.sync();
      expect(first).toMatchObject({ revision: good, signedBy: keys.ed25519?.key.fingerprint });

      const unsigned = await commit(null, 'unsigned');
      const err = await source.sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UntrustedCommitError);
      expect((err as UntrustedCommitError).data).toEqual({ url, revision: unsigned, problem: 'unsigned' });
      expect(source.lastGood()).toBe(first);

      const stranger = await commit('stranger', 'stranger');
      expect(await source.sync().catch((e: unknown) => (e as UntrustedCommitError).data)).toMatchObject({ revision: stranger, problem: 'untrusted-key' });

      const rsa = await commit('rsa', 'rsa');
      expect(await source.sync()).toMatchObject({ revision: rsa, signedBy: keys.rsa?.key.fingerprint, changed: true });
    } finally {
      await clone.remove();
    }
  });

  it('refuses an empty key list and an OpenPGP key at construction', () => {
    const base = { url: 'https://git.example/r.git', ref: { branch: 'main' }, dir: '/c' };
    expect(() => createGitSource({ ...base, requireSignedBy: [] })).toThrow(InvalidSourceConfigError);
    expect(() => createGitSource({ ...base, requireSignedBy: ['-----BEGIN PGP PUBLIC KEY BLOCK-----'] })).toThrow(/requireSignedBy\[0\]: OpenPGP keys are not supported/);
  });
});
