import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';
import { runProcess } from './run-process.js';

/** A git command run by the test git server's repo helpers failed. */
export class GitCommandFailedError extends GitvirtError<'GitCommandFailed', { args: string[]; code: number; stderr: string }> {
  constructor(data: { args: string[]; code: number; stderr: string }) {
    super('GitCommandFailed', `failed to run git ${data.args.join(' ')}: exit code ${data.code}: ${data.stderr.trim()}`, data);
  }
}

/** Author and committer of commits the helpers make. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'gitvirt test',
  GIT_AUTHOR_EMAIL: 'test@gitvirt.invalid',
  GIT_COMMITTER_NAME: 'gitvirt test',
  GIT_COMMITTER_EMAIL: 'test@gitvirt.invalid',
};

/** Runs git in a bare repository and returns its trimmed stdout; rejects on a non-zero exit. */
export async function runGit(gitDir: string, args: string[], options: { stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
  const env = { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: gitDir, ...options.env };
  const result = await runProcess('git', args, { env, timeoutMs: 60_000, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });
  if (result.code !== 0) throw new GitCommandFailedError({ args, code: result.code, stderr: result.stderr });
  return result.stdout.trim();
}

/** Creates a bare repository on `branch`, open for pushes over smart HTTP. */
export async function initBareRepo(gitDir: string, branch: string): Promise<void> {
  const result = await runProcess('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, gitDir], {
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new GitCommandFailedError({ args: ['init', gitDir], code: result.code, stderr: result.stderr });
  await runGit(gitDir, ['config', 'http.receivepack', 'true']);
}

/** What one commit changes: files to write (path → content) and paths to delete. */
export interface CommitChange {
  files?: Record<string, string | Buffer>;
  remove?: string[];
  branch: string;
  message: string;
}

/** Commits a change onto `branch` of a bare repository (no work tree) and returns the commit id. */
export async function commitToBareRepo(gitDir: string, change: CommitChange): Promise<string> {
  const ref = `refs/heads/${change.branch}`;
  const parent = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
  const scratch = await mkdtemp(join(tmpdir(), 'gitvirt-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    if (parent !== '') await runGit(gitDir, ['read-tree', parent], { env });
    const entries: string[] = [];
    for (const [path, content] of Object.entries(change.files ?? {})) {
      const blob = await runGit(gitDir, ['hash-object', '-w', '--stdin'], { stdin: content });
      entries.push(`100644 ${blob}\t${path}`);
    }
    for (const path of change.remove ?? []) entries.push(`0 ${'0'.repeat(40)}\t${path}`);
    if (entries.length > 0) await runGit(gitDir, ['update-index', '--index-info'], { env, stdin: `${entries.join('\n')}\n` });
    const tree = await runGit(gitDir, ['write-tree'], { env });
    const commit = await runGit(gitDir, ['commit-tree', tree, ...(parent === '' ? [] : ['-p', parent]), '-m', change.message]);
    await runGit(gitDir, ['update-ref', ref, commit, ...(parent === '' ? [] : [parent])]);
    return commit;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
