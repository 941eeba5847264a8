import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSource, InvalidSourceConfigError, SourceFetchFailedError } from '../../../controller/source/index.js';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';

const PASSWORD = 'pa55-w0rd-that-must-not-leak';
const TOKEN = 'glpat-token-that-must-not-leak';

let cacheRoot: string;
let counter = 0;
const cacheDir = (): string => join(cacheRoot, `cache-${++counter}`);

beforeAll(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), 'gitvirt-source-auth-'));
});
afterAll(async () => {
  await rm(cacheRoot, { recursive: true, force: true });
});

/** Everything an error exposes that could end up in a log or a status file. */
function exposed(err: unknown): string {
  const e = err as SourceFetchFailedError;
  return `${e.message}\n${String(e.stack)}\n${JSON.stringify(e.data)}`;
}

describe('createGitSource with basic auth', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ auth: { username: 'deployer', password: PASSWORD } });
    await server.createRepo('private', { files: { 'a.yaml': 'a: 1\n' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('fetches with the right user and password', async () => {
    const revision = await createGitSource({ url: server.url('private'), ref: { branch: 'main' }, dir: cacheDir(), auth: { username: 'deployer', password: PASSWORD } }).sync();
    expect(await readFile(join(revision.dir, 'a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(server.requests.some((r) => r.user === 'deployer' && r.status === 200)).toBe(true);
  });

  it('fails without credentials', async () => {
    const err = await createGitSource({ url: server.url('private'), ref: { branch: 'main' }, dir: cacheDir() }).sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceFetchFailedError);
    expect((err as SourceFetchFailedError).data).toMatchObject({ reason: 'auth', status: 401 });
    expect((err as SourceFetchFailedError).userError).toBe(true);
  });

  it('fails with a wrong password and a message that names the URL but holds no password', async () => {
    const wrong = `${PASSWORD}-wrong`;
    const err = await createGitSource({ url: server.url('private'), ref: { branch: 'main' }, dir: cacheDir(), auth: { username: 'deployer', password: wrong } })
      .sync()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceFetchFailedError);
    expect((err as Error).message).toContain(server.url('private'));
    expect((err as Error).message).toMatch(/authentication failed/);
    expect(exposed(err)).not.toContain(wrong);
    expect(exposed(err)).not.toContain(PASSWORD);
  });

  it('refuses a URL with embedded credentials before any request', async () => {
    const before = server.requests.length;
    let err: unknown;
    try {
      createGitSource({ url: server.url('private', { credentials: true }), ref: { branch: 'main' }, dir: cacheDir() });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidSourceConfigError);
    expect((err as Error).message).toMatch(/credentials embedded in the URL are refused/);
    expect(exposed(err)).not.toContain(PASSWORD);
    expect(() => createGitSource({ url: 'https://user@git.example/r.git', ref: { branch: 'main' }, dir: '/c' })).toThrow(InvalidSourceConfigError);
    expect(server.requests.length).toBe(before);
  });
});

describe('createGitSource with a token', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ auth: { username: 'oauth2', password: TOKEN } });
    await server.createRepo('private', { files: { 'a.yaml': 'a: 1\n' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('sends the token as the password of user oauth2 by default', async () => {
    const revision = await createGitSource({ url: server.url('private'), ref: { branch: 'main' }, dir: cacheDir(), auth: { token: TOKEN } }).sync();
    expect(revision.changed).toBe(true);
    expect(server.requests.some((r) => r.user === 'oauth2' && r.service === 'upload-pack' && r.status === 200)).toBe(true);
  });

  it('fails with a wrong token without leaking it', async () => {
    const err = await createGitSource({ url: server.url('private'), ref: { branch: 'main' }, dir: cacheDir(), auth: { token: 'glpat-wrong-token' } })
      .sync()
      .catch((e: unknown) => e);
    expect((err as SourceFetchFailedError).data.reason).toBe('auth');
    expect(exposed(err)).not.toContain('glpat-wrong-token');
  });
});

describe('createGitSource when the remote goes away', () => {
  it('fails with SourceFetchFailedError and keeps the last good revision readable', async () => {
    const server = await startGitServer();
    const { url, commit } = await server.createRepo('fleet', { files: { 'a.yaml': 'a: 1\n' } });
    const source = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() });
    const good = await source.sync();
    await server.commit('fleet', { files: { 'b.yaml': 'b: 1\n' } });
    await server.stop();

    const err = await source.sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceFetchFailedError);
    expect((err as SourceFetchFailedError).data).toMatchObject({ url, reason: 'unreachable', detail: 'ECONNREFUSED' });
    expect((err as Error).message).toBe(`failed to fetch ${url}: the remote is unreachable; check the URL, DNS and the network: ECONNREFUSED`);
    expect(source.lastGood()).toBe(good);
    expect(good.revision).toBe(commit);
    expect(await readFile(join(good.dir, 'a.yaml'), 'utf8')).toBe('a: 1\n');
    // A retry fails the same way; the caller decides when.
    await expect(source.sync()).rejects.toBeInstanceOf(SourceFetchFailedError);
    expect(source.lastGood()).toBe(good);
  });
});

describe('createGitSource against a remote that never answers', () => {
  it('times out, and an abort ends a hanging sync at once', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/fleet.git`;
    try {
      const timedOut = await createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir(), timeoutMs: 200 }).sync().catch((e: unknown) => e);
      expect(timedOut).toBeInstanceOf(SourceFetchFailedError);
      expect((timedOut as SourceFetchFailedError).data.reason).toBe('timeout');

      const controller = new AbortController();
      const started = Date.now();
      const pending = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() }).sync({ signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const aborted = await pending.catch((e: unknown) => e);
      expect((aborted as SourceFetchFailedError).data.reason).toBe('aborted');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
