import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSource, RefNotFoundError, SourceCheckoutFailedError, SourceFetchFailedError } from '../../../controller/source/index.js';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';
import { workClone } from './work-clone.js';

let server: GitServer;
let cacheRoot: string;
let counter = 0;

/** A fresh cache directory per source. */
const cacheDir = (): string => join(cacheRoot, `cache-${++counter}`);

beforeAll(async () => {
  server = await startGitServer();
  cacheRoot = await mkdtemp(join(tmpdir(), 'gitvirt-source-test-'));
});
afterAll(async () => {
  await server.stop();
  await rm(cacheRoot, { recursive: true, force: true });
});

const files = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe('createGitSource following a branch', () => {
  it('clones, reports no change, then sees a new commit with its files', async () => {
    const { url, commit: first } = await server.createRepo('branch', { files: { 'hosts/hv1.yaml': 'kind: Host\n', 'old.yaml': 'x: 1\n' } });
    const source = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() });
    expect(source.lastGood()).toBeNull();

    const one = await source.sync();
    expect(one).toMatchObject({ revision: first, ref: 'refs/heads/main', changed: true, forced: false, message: 'initial commit\n' });
    expect(one.author).toMatchObject({ name: 'gitvirt test', email: 'test@gitvirt.invalid' });
    expect(one.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await files(one.dir)).toEqual(['hosts/hv1.yaml', 'old.yaml']);
    expect(await readFile(join(one.dir, 'hosts/hv1.yaml'), 'utf8')).toBe('kind: Host\n');
    // The commit object stays available in the cache repository (for git notes).
    expect((await git.readCommit({ fs, gitdir: one.gitdir ?? '', oid: first ?? '' })).oid).toBe(first);

    const again = await source.sync();
    expect(again).toMatchObject({ revision: first, changed: false, forced: false, dir: one.dir });

    const second = await server.commit('branch', { files: { 'vms/web.yaml': 'kind: VirtualMachine\n' }, remove: ['old.yaml'], message: 'add web' });
    const two = await source.sync();
    expect(two).toMatchObject({ revision: second, changed: true, forced: false, message: 'add web\n' });
    expect(await files(two.dir)).toEqual(['hosts/hv1.yaml', 'vms/web.yaml']);
    expect(source.lastGood()).toBe(two);
    // The previous checkout is kept while its successor is new; older ones are pruned.
    expect(await files(one.dir)).toEqual(['hosts/hv1.yaml', 'old.yaml']);
    await server.commit('branch', { files: { 'c.yaml': 'c: 1\n' } });
    await source.sync();
    expect(fs.existsSync(one.dir)).toBe(false);
  });

  it('follows a force-push to a commit that is not a descendant, and reports it', async () => {
    const { url } = await server.createRepo('forced', { files: { 'a.yaml': 'a: 1\n' } });
    await server.commit('forced', { files: { 'b.yaml': 'b: 1\n' }, message: 'add b' });
    const source = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() });
    const before = await source.sync();

    const clone = await workClone(url);
    try {
      await clone.git(['reset', '--quiet', '--hard', 'HEAD~1']);
      const rewritten = await clone.commit('add c instead', { 'c.yaml': 'c: 1\n' });
      await clone.git(['push', '--quiet', '--force', 'origin', 'main']);

      const after = await source.sync();
      expect(after).toMatchObject({ revision: rewritten, changed: true, forced: true, message: 'add c instead\n' });
      expect(after.revision).not.toBe(before.revision);
      expect(await files(after.dir)).toEqual(['a.yaml', 'c.yaml']);
      expect(after.author).toMatchObject({ name: 'Ada Author' });
      expect(after.committer).toMatchObject({ name: 'Carl Committer' });

      // A fast-forward after that is not forced.
      const next = await clone.commit('add d', { 'd.yaml': 'd: 1\n' });
      await clone.git(['push', '--quiet', 'origin', 'main']);
      expect(await source.sync()).toMatchObject({ revision: next, forced: false, changed: true });
    } finally {
      await clone.remove();
    }
  });

  it('works with a shallow fetch and reuses an existing cache directory', async () => {
    const { url } = await server.createRepo('shallow', { files: { 'a.yaml': 'a: 1\n' } });
    const tip = await server.commit('shallow', { files: { 'b.yaml': 'b: 1\n' } });
    const dir = cacheDir();
    const first = await createGitSource({ url, ref: { branch: 'main' }, dir, depth: 1 }).sync();
    expect(first.revision).toBe(tip);
    const next = await server.commit('shallow', { files: { 'c.yaml': 'c: 1\n' } });
    const reopened = createGitSource({ url, ref: { branch: 'main' }, dir, depth: 1 });
    const synced = await reopened.sync();
    expect(synced).toMatchObject({ revision: next, changed: true, forced: false });
    expect(await files(synced.dir)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    // Two commits past a depth-1 history: ancestry cannot be proven, so no force-push is claimed.
    await server.commit('shallow', { files: { 'd.yaml': 'd: 1\n' } });
    const far = await server.commit('shallow', { files: { 'e.yaml': 'e: 1\n' } });
    expect(await reopened.sync()).toMatchObject({ revision: far, changed: true, forced: false });
  });

  it('runs concurrent syncs one after the other', async () => {
    const { url, commit } = await server.createRepo('concurrent', { files: { 'a.yaml': 'a: 1\n' } });
    const source = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() });
    const [one, two] = await Promise.all([source.sync(), source.sync()]);
    expect(one).toMatchObject({ revision: commit, changed: true });
    expect(two).toMatchObject({ revision: commit, changed: false, dir: one.dir });
  });

  it('reports a missing branch as RefNotFoundError', async () => {
    const { url } = await server.createRepo('nobranch', { files: { 'a.yaml': 'a: 1\n' } });
    const source = createGitSource({ url, ref: { branch: 'does-not-exist' }, dir: cacheDir() });
    const err = await source.sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefNotFoundError);
    expect((err as RefNotFoundError).data).toEqual({ url, ref: 'refs/heads/does-not-exist' });
  });

  it('reports an empty repository as RefNotFoundError', async () => {
    const { url } = await server.createRepo('empty');
    const err = await createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() }).sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefNotFoundError);
  });

  it('reports a missing repository as SourceFetchFailedError not-found', async () => {
    const err = await createGitSource({ url: `${server.baseUrl}/nothing-here.git`, ref: { branch: 'main' }, dir: cacheDir() })
      .sync()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceFetchFailedError);
    expect((err as SourceFetchFailedError).data).toMatchObject({ reason: 'not-found', status: 404 });
  });

  it('rejects at once with an aborted signal and keeps nothing', async () => {
    const { url } = await server.createRepo('aborted', { files: { 'a.yaml': 'a: 1\n' } });
    const source = createGitSource({ url, ref: { branch: 'main' }, dir: cacheDir() });
    const err = await source.sync({ signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceFetchFailedError);
    expect((err as SourceFetchFailedError).data.reason).toBe('aborted');
    expect(source.lastGood()).toBeNull();
    expect((await source.sync()).changed).toBe(true);
  });
});

describe('createGitSource cache directory', () => {
  it('reports a cache directory it cannot create as SourceCheckoutFailedError', async () => {
    const blocker = join(cacheRoot, 'a-file');
    await writeFile(blocker, 'not a directory');
    const err = await createGitSource({ url: `${server.baseUrl}/x.git`, ref: { branch: 'main' }, dir: join(blocker, 'cache') }).sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceCheckoutFailedError);
    expect((err as Error).message).toMatch(/cannot open the cache directory/);
  });
});
