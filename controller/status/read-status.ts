/** readStatus: the status tree at the tip of the status branch, parsed back into a snapshot. */
import git from 'isomorphic-git';
import { parseStatusPath } from './status-paths.js';
import { fetchRemoteRef, openStatusRepo, readFilesAt, resolveLocal, STATUS_REMOTE, type StatusFs, type StatusRemote, type StatusRepo } from './status-git.js';
import type { StatusSnapshot } from './status-types.js';
import { parseStatusFiles } from './status-yaml.js';
import { revisionOfMessage } from './summarize-status.js';
import { DEFAULT_STATUS_BRANCH } from './write-status.js';

/** A status commit and what it holds. */
export interface StatusRead {
  snapshot: StatusSnapshot;
  /** The status commit. */
  commit: string;
  /** Source revision from the commit's trailer. */
  revision?: string;
  /** Commit time, ISO 8601. */
  time: string;
}

/**
 * The commit a status branch name stands for in a local repository: a full ref as given, else
 * `refs/heads/<branch>`, the branch as fetched from `origin` or by gitvirt, or any ref git would expand
 * the name to (e.g. `origin/gitvirt/status`). Null when none exists.
 */
export async function resolveStatusRef(repo: StatusRepo, branch: string): Promise<string | null> {
  const candidates = branch.startsWith('refs/')
    ? [branch]
    : [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`, `refs/remotes/${STATUS_REMOTE}/${branch}`, branch];
  for (const ref of candidates) {
    const commit = await resolveLocal(repo, ref);
    if (commit !== null) return commit;
  }
  return null;
}

/** Reads the status tree of one commit. */
export async function readStatusAt(repo: StatusRepo, commit: string): Promise<StatusRead> {
  const { commit: object } = await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid: commit, cache: repo.cache });
  const files = await readFilesAt(repo, commit, (path) => parseStatusPath(path) !== undefined);
  const revision = revisionOfMessage(object.message);
  return {
    snapshot: parseStatusFiles(files),
    commit,
    ...(revision === undefined ? {} : { revision }),
    time: new Date(object.committer.timestamp * 1000).toISOString(),
  };
}

/**
 * The status last written: fetched from `remote` when given, else read from the local repository.
 * Null when the branch does not exist yet. The controller passes `snapshot` as `previous` to computeStatus.
 */
export async function readStatus(args: { repoDir: string; branch?: string; remote?: StatusRemote; fs?: StatusFs }): Promise<StatusRead | null> {
  const repo = openStatusRepo({ repoDir: args.repoDir, ...(args.fs === undefined ? {} : { fs: args.fs }) });
  const branch = args.branch ?? DEFAULT_STATUS_BRANCH;
  const commit = args.remote === undefined ? await resolveStatusRef(repo, branch) : await fetchRemoteRef(repo, args.remote, `refs/heads/${branch}`);
  return commit === null ? null : readStatusAt(repo, commit);
}
