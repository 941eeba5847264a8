/** writeStatus: commit the status tree to the status branch when it changed, and push it. */
import { commitAndPush, type CommitAndPushResult } from './commit-and-push.js';
import { renderStatusFiles } from './status-yaml.js';
import { statusCommitMessage } from './summarize-status.js';
import { openStatusRepo, treeOf, writeCommitObject, writeFilesTree, type GitAuthor, type StatusFs, type StatusRemote } from './status-git.js';
import type { StatusSnapshot } from './status-types.js';

/** Default name of the status branch. */
export const DEFAULT_STATUS_BRANCH = 'gitvirt/status';

/** Default author of status commits and notes. */
export const DEFAULT_STATUS_AUTHOR: GitAuthor = { name: 'gitvirt', email: 'gitvirt@localhost' };

/** Arguments of writeStatus. */
export interface WriteStatusArgs {
  /** A local clone (work tree or bare): holds the objects and the local branch. */
  repoDir: string;
  /** Where to push; without it only the local branch moves. */
  remote: StatusRemote | undefined;
  branch?: string;
  snapshot: StatusSnapshot;
  /** Source revision the status is about (named in the message and trailer). */
  revision: string;
  author?: GitAuthor;
  now?: Date;
  maxAttempts?: number;
  fs?: StatusFs;
}

/**
 * Writes the status tree as one commit on the status branch — an orphan branch, created on first
 * write, independent of the source history — but only when the tree differs from the tip. Message:
 * `status: <summary> at <short rev>` and the trailer `Gitvirt-Source-Revision: <sha>`. Pushed without
 * force; when another writer got there first, the commit is rebuilt on the new tip and pushed again.
 */
export async function writeStatus(args: WriteStatusArgs): Promise<CommitAndPushResult> {
  const repo = openStatusRepo({ repoDir: args.repoDir, ...(args.fs === undefined ? {} : { fs: args.fs }) });
  const ref = `refs/heads/${args.branch ?? DEFAULT_STATUS_BRANCH}`;
  const files = renderStatusFiles(args.snapshot);
  const message = statusCommitMessage(args.snapshot, args.revision);
  return commitAndPush({
    repo, remote: args.remote, ref, ...(args.maxAttempts === undefined ? {} : { maxAttempts: args.maxAttempts }),
    async build(base) {
      const tree = await writeFilesTree(repo, files);
      if (base !== null && (await treeOf(repo, base)) === tree) return null;
      return writeCommitObject(repo, { tree, parent: base, message, author: args.author ?? DEFAULT_STATUS_AUTHOR, when: args.now ?? new Date() });
    },
  });
}
