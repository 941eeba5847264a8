import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_REVISION, readRevision } from '../../../controller/reconcile/index.js';

const author = { name: 'Test', email: 'test@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };

describe('readRevision', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitvirt-revision-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A repository with manifests under infra/ and a README, committed. */
  async function repo(): Promise<string> {
    await git.init({ fs, dir, defaultBranch: 'main' });
    await mkdir(join(dir, 'infra'), { recursive: true });
    await writeFile(join(dir, 'infra', 'vm.yaml'), 'kind: VirtualMachine\n');
    await writeFile(join(dir, 'README.md'), 'hello\n');
    await writeFile(join(dir, 'other.yaml'), 'kind: Host\n');
    for (const file of ['infra/vm.yaml', 'README.md', 'other.yaml']) await git.add({ fs, dir, filepath: file });
    return git.commit({ fs, dir, message: 'first', author });
  }

  it('is "local" outside a git repository and in a repository without commits', async () => {
    expect(await readRevision({ dir })).toBe(LOCAL_REVISION);
    await git.init({ fs, dir });
    expect(await readRevision({ dir })).toBe(LOCAL_REVISION);
  });

  it('is the HEAD commit of a clean tree, also for a folder inside the repository', async () => {
    const sha = await repo();
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await readRevision({ dir })).toBe(sha);
    expect(await readRevision({ dir: join(dir, 'infra') })).toBe(sha);
  });

  it('is <sha>-dirty when a manifest under the folder is modified or new, not for other files', async () => {
    const sha = await repo();
    await writeFile(join(dir, 'README.md'), 'changed\n');
    expect(await readRevision({ dir })).toBe(sha);
    await writeFile(join(dir, 'other.yaml'), 'kind: Image\n');
    expect(await readRevision({ dir })).toBe(`${sha}-dirty`);
    expect(await readRevision({ dir: join(dir, 'infra') })).toBe(sha);
    await writeFile(join(dir, 'infra', 'new.yml'), 'kind: Network\n');
    expect(await readRevision({ dir: join(dir, 'infra') })).toBe(`${sha}-dirty`);
  });
});
