import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runProcess } from '../../testbed/run-process.js';

/** A git CLI work tree cloned from a test server, for pushes the server helpers cannot make (force-push, tags). */
export interface WorkClone {
  dir: string;
  git(args: string[]): Promise<string>;
  write(files: Record<string, string>): Promise<void>;
  /** Writes files, commits them all and returns the new commit id. */
  commit(message: string, files: Record<string, string>): Promise<string>;
  remove(): Promise<void>;
}

const ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Ada Author',
  GIT_AUTHOR_EMAIL: 'ada@example.invalid',
  GIT_COMMITTER_NAME: 'Carl Committer',
  GIT_COMMITTER_EMAIL: 'carl@example.invalid',
};

/** Clones `url` (which may embed credentials: this is the test's own pushing side) with the git CLI. */
export async function workClone(url: string, extraEnv: Record<string, string> = {}): Promise<WorkClone> {
  const root = await mkdtemp(join(tmpdir(), 'gitvirt-work-'));
  const dir = join(root, 'work');
  const git = async (args: string[], cwd = dir): Promise<string> => {
    const result = await runProcess('git', args, { cwd, env: { ...process.env, ...ENV, ...extraEnv }, timeoutMs: 30_000 });
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  await git(['clone', '--quiet', url, dir], root);
  const write = async (files: Record<string, string>): Promise<void> => {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  };
  return {
    dir,
    git: (args) => git(args),
    write,
    async commit(message, files) {
      await write(files);
      await git(['add', '-A']);
      await git(['commit', '--quiet', '--allow-empty', '-m', message]);
      return git(['rev-parse', 'HEAD']);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
