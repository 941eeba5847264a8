import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSource, InvalidSourceConfigError, RefNotFoundError } from '../../../controller/source/index.js';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';
import { workClone } from './work-clone.js';

let server: GitServer;
let cacheRoot: string;
let counter = 0;
const cacheDir = (): string => join(cacheRoot, `cache-${++counter}`);

beforeAll(async () => {
  server = await startGitServer();
  cacheRoot = await mkdtemp(join(tmpdir(), 'gitvirt-source-modes-'));
});
afterAll(async () => {
  await server.stop();
  await rm(cacheRoot, { recursive: true, force: true });
});

describe('createGitSource following a tag', () => {
  it('checks out a lightweight tag and follows it when it moves', async () => {
    const { url } = await server.createRepo('light', { files: { 'a.yaml': 'a: 1\n' } });
    const clone = await workClone(url);
    try {
      const first = await clone.git(['rev-parse', 'HEAD']);
      await clone.git(['tag', 'prod']);
      await clone.git(['push', '--quiet', 'origin', 'prod']);
      const source = createGitSource({ url, ref: { tag: 'prod' }, dir: cacheDir() });
      expect(await source.sync()).toMatchObject({ revision: first, ref: 'refs/tags/prod', changed: true });

      // New commits on the branch do not move the tag.
      await clone.commit('not yet', { 'b.yaml': 'b: 1\n' });
      await clone.git(['push', '--quiet', 'origin', 'main']);
      expect(await source.sync()).toMatchObject({ revision: first, changed: false });

      // Moving the tag moves the source.
      await clone.git(['tag', '-f', 'prod']);
      await clone.git(['push', '--quiet', '--force', 'origin', 'prod']);
      const moved = await source.sync();
      expect(moved).toMatchObject({ revision: await clone.git(['rev-parse', 'HEAD']), changed: true, forced: false });
      expect((await readdir(moved.dir)).sort()).toEqual(['a.yaml', 'b.yaml']);
    } finally {
      await clone.remove();
    }
  });

  it('peels an annotated tag to its commit', async () => {
    const { url, commit } = await server.createRepo('annotated', { files: { 'a.yaml': 'a: 1\n' } });
    await server.git('annotated', ['tag', '-a', '-m', 'release 1', 'v1', 'main']);
    const tagObject = await server.git('annotated', ['rev-parse', 'refs/tags/v1']);
    expect(tagObject).not.toBe(commit);
    const revision = await createGitSource({ url, ref: { tag: 'refs/tags/v1' }, dir: cacheDir() }).sync();
    expect(revision).toMatchObject({ revision: commit, ref: 'refs/tags/v1' });
    expect(await readdir(revision.dir)).toEqual(['a.yaml']);
  });

  it('reports a missing tag as RefNotFoundError', async () => {
    const { url } = await server.createRepo('notag', { files: { 'a.yaml': 'a: 1\n' } });
    await expect(createGitSource({ url, ref: { tag: 'v9' }, dir: cacheDir() }).sync()).rejects.toBeInstanceOf(RefNotFoundError);
  });
});

describe('createGitSource pinned to a commit', () => {
  it('checks out an older commit and never moves, without asking the server again', async () => {
    const { url, commit: pinned } = await server.createRepo('pinned', { files: { 'a.yaml': 'a: 1\n' } });
    await server.commit('pinned', { files: { 'b.yaml': 'b: 1\n' } });
    const source = createGitSource({ url, ref: { commit: (pinned ?? '').toUpperCase() }, dir: cacheDir() });
    const first = await source.sync();
    expect(first).toMatchObject({ revision: pinned, ref: pinned, changed: true, forced: false });
    expect(await readdir(first.dir)).toEqual(['a.yaml']);

    await server.commit('pinned', { files: { 'c.yaml': 'c: 1\n' } });
    const requests = server.requests.length;
    expect(await source.sync()).toMatchObject({ revision: pinned, changed: false, dir: first.dir });
    expect(server.requests.length).toBe(requests);
  });

  it('finds a commit reachable only from another branch', async () => {
    const { url } = await server.createRepo('side', { files: { 'a.yaml': 'a: 1\n' } });
    await server.git('side', ['branch', 'feature', 'main']);
    const side = await server.commit('side', { branch: 'feature', files: { 'f.yaml': 'f: 1\n' } });
    await server.commit('side', { branch: 'feature', files: { 'g.yaml': 'g: 1\n' } });
    const revision = await createGitSource({ url, ref: { commit: side }, dir: cacheDir() }).sync();
    expect(revision.revision).toBe(side);
    expect((await readdir(revision.dir)).sort()).toEqual(['a.yaml', 'f.yaml']);
  });

  it('reports a commit the remote does not have as RefNotFoundError', async () => {
    const { url } = await server.createRepo('unknown-commit', { files: { 'a.yaml': 'a: 1\n' } });
    const err = await createGitSource({ url, ref: { commit: 'f'.repeat(40) }, dir: cacheDir() }).sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefNotFoundError);
    expect((err as RefNotFoundError).data.ref).toBe('f'.repeat(40));
  });
});

describe('createGitSource configuration', () => {
  it.each([
    [{ branch: 'a b' }, 'ref.branch'],
    [{ branch: '../x' }, 'ref.branch'],
    [{ branch: 'x.lock' }, 'ref.branch'],
    [{ tag: '-v1' }, 'ref.tag'],
    [{ commit: 'abc123' }, 'ref.commit'],
    [{ branch: 'main', tag: 'v1' }, 'ref'],
  ])('refuses ref %j', (ref, field) => {
    const err = (() => {
      try {
        createGitSource({ url: 'https://git.example/repo.git', ref: ref as { branch: string }, dir: '/tmp/x' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(InvalidSourceConfigError);
    expect((err as InvalidSourceConfigError).data.field).toBe(field);
  });

  it.each([
    ['ssh://git@git.example/repo.git', /scheme ssh is not supported/],
    ['git.example:repo.git', /scheme git.example is not supported/],
    ['not a url', /not a valid URL/],
  ])('refuses url %s', (url, message) => {
    expect(() => createGitSource({ url, ref: { branch: 'main' }, dir: '/tmp/x' })).toThrow(message);
  });

  it('refuses a relative cache directory and a bad depth', () => {
    expect(() => createGitSource({ url: 'https://git.example/r.git', ref: { branch: 'main' }, dir: 'cache' })).toThrow(/dir: must be an absolute path/);
    expect(() => createGitSource({ url: 'https://git.example/r.git', ref: { branch: 'main' }, dir: '/c', depth: 0 })).toThrow(/depth/);
  });
});
