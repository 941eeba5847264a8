import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from '../../test/testbed/git-repo.js';

/** Author and committer of the commits the quickstart makes in the demo repository. */
export const QUICKSTART_IDENTITY: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'gitvirt quickstart',
  GIT_AUTHOR_EMAIL: 'quickstart@gitvirt.invalid',
  GIT_COMMITTER_NAME: 'gitvirt quickstart',
  GIT_COMMITTER_EMAIL: 'quickstart@gitvirt.invalid',
};

/** The content of `path` on `branch` of a bare repository, or null when it (or the branch) is missing. */
async function fileAt(gitDir: string, branch: string, path: string): Promise<string | null> {
  return runGit(gitDir, ['cat-file', 'blob', `refs/heads/${branch}:${path}`]).then((text) => `${text}\n`, () => null);
}

/** The commit `branch` points at in a bare repository, or null when there is none. */
export async function branchCommit(gitDir: string, branch: string): Promise<string | null> {
  return runGit(gitDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]).catch(() => null);
}

/**
 * Commits those of `files` (path → content) that differ from `branch` onto it, in a bare repository
 * (no work tree). Returns the new commit and the paths it changed, or null when nothing differed.
 */
export async function commitChangedFiles(args: {
  gitDir: string; branch: string; files: Readonly<Record<string, string>>; message: string;
}): Promise<{ commit: string; changed: string[] } | null> {
  const { gitDir, branch } = args;
  const parent = await branchCommit(gitDir, branch);
  const changed: string[] = [];
  for (const [path, content] of Object.entries(args.files)) {
    // runGit trims its output: compare without trailing whitespace on both sides
    const current = parent === null ? null : await fileAt(gitDir, branch, path);
    if (current === null || current.trimEnd() !== content.trimEnd()) changed.push(path);
  }
  if (changed.length === 0) return null;
  const scratch = await mkdtemp(join(tmpdir(), 'gitvirt-quickstart-index-'));
  const env = { ...QUICKSTART_IDENTITY, GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    if (parent !== null) await runGit(gitDir, ['read-tree', parent], { env });
    const entries: string[] = [];
    for (const path of changed) {
      const blob = await runGit(gitDir, ['hash-object', '-w', '--stdin'], { stdin: args.files[path] ?? '' });
      entries.push(`100644 ${blob}\t${path}`);
    }
    await runGit(gitDir, ['update-index', '--add', '--index-info'], { env, stdin: `${entries.join('\n')}\n` });
    const tree = await runGit(gitDir, ['write-tree'], { env });
    const commit = await runGit(gitDir, ['commit-tree', tree, ...(parent === null ? [] : ['-p', parent]), '-m', args.message], { env });
    await runGit(gitDir, ['update-ref', `refs/heads/${branch}`, commit, ...(parent === null ? [] : [parent])], { env });
    return { commit, changed };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
