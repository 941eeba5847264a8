/** Commit on top of the remote tip, push without force, and on a race fetch and rebuild: the shared write loop of status and notes. */
import { displayUrl } from '../source/index.js';
import { StatusPushConflictError } from './errors.js';
import { fetchRemoteRef, pushRef, resolveLocal, setRef, type StatusRemote, type StatusRepo } from './status-git.js';

/** Default number of fetch-rebuild-push rounds before giving up. */
export const DEFAULT_PUSH_ATTEMPTS = 5;

/** Arguments of commitAndPush. */
export interface CommitAndPushArgs {
  repo: StatusRepo;
  /** Without a remote, the commit is made on the local ref only. */
  remote: StatusRemote | undefined;
  /** Full ref name, e.g. `refs/heads/gitvirt/status`. */
  ref: string;
  maxAttempts?: number;
  /** The commit to put on `base` (null: the ref does not exist yet), or null when `base` already says it all. */
  build(base: string | null): Promise<string | null>;
}

/** What commitAndPush did. */
export interface CommitAndPushResult {
  /** The tip of the ref afterwards (null when it still does not exist). */
  commit: string | null;
  /** True when a new commit was made (and pushed, with a remote). */
  changed: boolean;
  /** Rounds used: 1 unless the remote moved under us. */
  attempts: number;
}

/**
 * Fetches the ref's remote tip (or reads the local one), builds a commit on it, points the local
 * ref at it and pushes without force. When the push loses a race, the whole round runs again on
 * the new tip — the content is regenerated, never merged — at most `maxAttempts` times.
 */
export async function commitAndPush(args: CommitAndPushArgs): Promise<CommitAndPushResult> {
  const { repo, remote, ref } = args;
  const maxAttempts = Math.max(1, args.maxAttempts ?? DEFAULT_PUSH_ATTEMPTS);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const base = remote === undefined ? await resolveLocal(repo, ref) : await fetchRemoteRef(repo, remote, ref);
    const commit = await args.build(base);
    if (commit === null) {
      if (base !== null) await setRef(repo, ref, base);
      return { commit: base, changed: false, attempts: attempt };
    }
    await setRef(repo, ref, commit);
    if (remote === undefined || (await pushRef(repo, remote, ref)) === 'pushed') return { commit, changed: true, attempts: attempt };
  }
  throw new StatusPushConflictError({ ref, url: displayUrl(remote!.url), attempts: maxAttempts });
}
