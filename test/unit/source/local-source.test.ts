import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSource, SourceReadFailedError } from '../../../controller/source/index.js';
import { runProcess } from '../../testbed/run-process.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-local-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.invalid', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.invalid' };
async function gitCli(args: string[]): Promise<string> {
  const result = await runProcess('git', args, { cwd: dir, env: { ...process.env, ...ENV }, timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLocalSource revision', () => {
  it('hashes the manifests of a directory that is not a repository', async () => {
    await writeFile(join(dir, 'a.yaml'), 'a: 1\n');
    const source = createLocalSource({ dir });
    const one = await source.sync();
    expect(one).toMatchObject({ dir, ref: '', gitdir: null, author: null, changed: true, forced: false });
    expect(one.revision).toMatch(/^local-[0-9a-f]{12}$/);
    // A non-manifest file and a hidden folder do not change the revision.
    await writeFile(join(dir, 'notes.txt'), 'hi\n');
    await mkdir(join(dir, '.cache'));
    await writeFile(join(dir, '.cache', 'x.yaml'), 'x: 1\n');
    expect(await source.sync()).toMatchObject({ revision: one.revision, changed: false });
    await writeFile(join(dir, 'a.yaml'), 'a: 2\n');
    const two = await source.sync();
    expect(two.changed).toBe(true);
    expect(two.revision).not.toBe(one.revision);
    expect(source.lastGood()).toBe(two);
  });

  it('uses the HEAD commit of a clean repository and marks a dirty one', async () => {
    await gitCli(['init', '--quiet', '--initial-branch=dev']);
    await writeFile(join(dir, 'a.yaml'), 'a: 1\n');
    await gitCli(['add', '-A']);
    await gitCli(['commit', '--quiet', '-m', 'first']);
    const head = await gitCli(['rev-parse', 'HEAD']);
    const source = createLocalSource({ dir });
    const clean = await source.sync();
    expect(clean).toMatchObject({ revision: head, ref: 'refs/heads/dev', gitdir: join(dir, '.git'), message: 'first\n', changed: true });
    expect(clean.author).toMatchObject({ name: 'Dev', email: 'dev@example.invalid' });

    await writeFile(join(dir, 'b.yml'), 'b: 1\n');
    const dirty = await source.sync();
    expect(dirty.revision).toMatch(new RegExp(`^${head}-dirty-[0-9a-f]{12}$`));
    expect(dirty).toMatchObject({ changed: true, gitdir: null, author: null });
    await writeFile(join(dir, 'b.yml'), 'b: 2\n');
    const dirtier = await source.sync();
    expect(dirtier.revision).not.toBe(dirty.revision);

    await gitCli(['add', '-A']);
    await gitCli(['commit', '--quiet', '-m', 'second']);
    expect(await source.sync()).toMatchObject({ revision: await gitCli(['rev-parse', 'HEAD']), changed: true });
  });

  it('fails with SourceReadFailedError for a missing directory', async () => {
    const err = await createLocalSource({ dir: join(dir, 'missing') }).sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceReadFailedError);
    expect((err as Error).message).toMatch(/no such directory/);
  });
});

describe('createLocalSource watch', () => {
  it('reports a burst of changes once, debounced, and ignores hidden folders', async () => {
    await writeFile(join(dir, 'a.yaml'), 'a: 1\n');
    await mkdir(join(dir, '.git'));
    const calls: string[][] = [];
    const stop = await createLocalSource({ dir }).watch({ onChange: (paths) => calls.push(paths), debounceMs: 200 });
    try {
      await writeFile(join(dir, '.git', 'index'), 'x');
      await sleep(400);
      expect(calls).toEqual([]);

      await writeFile(join(dir, 'a.yaml'), 'a: 2\n');
      await sleep(50);
      await writeFile(join(dir, 'a.yaml'), 'a: 3\n');
      await mkdir(join(dir, 'vms'));
      await writeFile(join(dir, 'vms', 'web.yaml'), 'w: 1\n');
      await sleep(700);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toEqual(expect.arrayContaining(['a.yaml', 'vms/web.yaml']));
    } finally {
      await stop();
    }
    await writeFile(join(dir, 'a.yaml'), 'a: 4\n');
    await sleep(400);
    expect(calls).toHaveLength(1);
  });
});
