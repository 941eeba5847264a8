import * as nodeFs from 'node:fs';
import { isAbsolute, join } from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { ancestry } from './ancestry.js';
import { peelToCommit, readCommitInfo } from './commit-info.js';
import { InvalidSourceConfigError, SourceCheckoutFailedError, UntrustedCommitError } from './errors.js';
import { fetchError } from './fetch-error.js';
import { fetchTarget, REMOTE, SOURCE_REF, type SourceAuth } from './fetch-target.js';
import { followedRef, type FollowedRef } from './followed-ref.js';
import { abortable, DEFAULT_HTTP_TIMEOUT_MS, httpWithSignal } from './git-http.js';
import { materializeCommit, pruneCheckouts, type SourceFs } from './materialize-commit.js';
import { checkRemoteUrl, displayUrl } from './remote-url.js';
import { parseSshPublicKey, type SshPublicKey } from './ssh-public-key.js';
import { checkSshSignature } from './ssh-signature.js';
import type { SourceRef, SourceRevision } from './source-revision.js';

/** Options of createGitSource. */
export interface GitSourceOptions {
  /** http(s) URL of the repository, without credentials. */
  url: string;
  ref: SourceRef;
  /** Cache directory: holds the bare repository (`repo.git`) and one checkout per revision (`checkouts/<sha>`). */
  dir: string;
  /** Credentials, already read by the caller from a file or the environment. */
  auth?: SourceAuth;
  fs?: SourceFs;
  http?: HttpClient;
  /**
   * Shallow fetch depth for a branch or tag. Default: full history, which makes `forced` exact; with a
   * depth, `forced` is reported only when the fetched history proves the old tip is not an ancestor.
   */
  depth?: number;
  /** Idle timeout of each HTTP request (default 30 s). */
  timeoutMs?: number;
  /**
   * Trusted SSH public keys (OpenSSH lines); when set, a followed commit (the tip, not its history)
   * without a valid SSH signature (git `gpg.format=ssh`) by one of them is refused with
   * UntrustedCommitError. OpenPGP signatures and keys are not supported.
   */
  requireSignedBy?: readonly string[];
}

/** A git repository followed over HTTP(S). */
export interface GitSource {
  /** The URL as shown in messages (no credentials, no query string). */
  readonly url: string;
  /** The followed ref, in full (`refs/heads/main`, `refs/tags/v1`, or the pinned sha). */
  readonly ref: string;
  /** The bare cache repository holding every fetched commit (for git notes on the reconciled commit). */
  readonly gitdir: string;
  /**
   * Fetches and checks out the followed ref. On failure (SourceFetchFailedError, RefNotFoundError,
   * UntrustedCommitError, SourceCheckoutFailedError) the last good revision stays checked out and readable.
   */
  sync(options?: { signal?: AbortSignal }): Promise<SourceRevision>;
  /** The revision of the last successful sync, or null before the first. */
  lastGood(): SourceRevision | null;
}

const FETCH_REFSPEC = `+refs/heads/*:refs/remotes/${REMOTE}/*`;

function trustedKeys(lines: readonly string[] | undefined): SshPublicKey[] | null {
  if (lines === undefined) return null;
  if (lines.length === 0) throw new InvalidSourceConfigError({ field: 'requireSignedBy', reason: 'give at least one trusted key' });
  return lines.map((line, i) => {
    const parsed = parseSshPublicKey(line);
    if ('error' in parsed) throw new InvalidSourceConfigError({ field: `requireSignedBy[${i}]`, reason: parsed.error });
    return parsed.key;
  });
}

function checkOptions(options: GitSourceOptions): { url: string; followed: FollowedRef } {
  const url = checkRemoteUrl(options.url);
  const followed = followedRef(options.ref);
  if (typeof options.dir !== 'string' || !isAbsolute(options.dir)) throw new InvalidSourceConfigError({ field: 'dir', reason: 'must be an absolute path' });
  if (options.depth !== undefined && (!Number.isInteger(options.depth) || options.depth < 1)) {
    throw new InvalidSourceConfigError({ field: 'depth', reason: 'must be a positive integer' });
  }
  return { url, followed };
}

async function openCache(fs: SourceFs, gitdir: string, checkouts: string, url: string): Promise<void> {
  await fs.promises.mkdir(checkouts, { recursive: true });
  const initialised = await fs.promises.stat(join(gitdir, 'HEAD')).then(() => true, () => false);
  if (!initialised) await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
  await git.setConfig({ fs, gitdir, path: `remote.${REMOTE}.url`, value: url });
  await git.setConfig({ fs, gitdir, path: `remote.${REMOTE}.fetch`, value: FETCH_REFSPEC });
}

/** Follows a branch, tag or pinned commit of a remote repository, keeping the last good revision. */
export function createGitSource(options: GitSourceOptions): GitSource {
  const { url, followed } = checkOptions(options);
  const trusted = trustedKeys(options.requireSignedBy);
  const display = displayUrl(url);
  const fs = options.fs ?? nodeFs;
  const http = options.http ?? nodeHttp;
  const gitdir = join(options.dir, 'repo.git');
  const checkouts = join(options.dir, 'checkouts');
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const cache = {};
  let opened = false;
  let last: SourceRevision | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (signal: AbortSignal | undefined): Promise<SourceRevision> => {
    try {
      if (!opened) await openCache(fs, gitdir, checkouts, url);
      opened = true;
    } catch (err) {
      const reason = `cannot open the cache directory ${options.dir}: ${err instanceof Error ? err.message : String(err)}`;
      throw new SourceCheckoutFailedError({ revision: followed.fullref, reason }, { cause: err });
    }
    const target = await fetchTarget({
      fs,
      http: httpWithSignal({ http, timeoutMs, ...(signal === undefined ? {} : { signal }) }),
      gitdir,
      url,
      display,
      followed,
      cache,
      ...(options.auth === undefined ? {} : { auth: options.auth }),
      ...(options.depth === undefined || followed.kind === 'commit' ? {} : { depth: options.depth }),
      ...(signal === undefined ? {} : { signal }),
    });
    const oid = await peelToCommit({ fs, gitdir, oid: target, cache });
    const info = await readCommitInfo({ fs, gitdir, oid, cache });
    let signedBy: string | undefined;
    if (trusted !== null) {
      const check = checkSshSignature({ message: info.payload, armored: info.signature, namespace: 'git', trusted });
      if (!check.ok) throw new UntrustedCommitError({ url: display, revision: oid, problem: check.problem });
      signedBy = check.fingerprint;
    }
    const previous = last;
    const moved = previous !== null && previous.revision !== oid;
    const forced = moved && (await ancestry({ fs, gitdir, oid, ancestor: previous.revision, cache })) === 'not-descendant';
    const dir = join(checkouts, oid);
    await materializeCommit({ fs, gitdir, oid, dest: dir, cache });
    await git.writeRef({ fs, gitdir, ref: SOURCE_REF, value: oid, force: true });
    signal?.throwIfAborted();
    await pruneCheckouts({ fs, root: checkouts, keep: previous === null ? [oid] : [oid, previous.revision] });
    last = {
      revision: oid,
      ref: followed.fullref,
      dir,
      gitdir,
      author: info.author,
      committer: info.committer,
      message: info.message,
      timestamp: info.timestamp,
      changed: previous === null || moved,
      forced,
      ...(signedBy === undefined ? {} : { signedBy }),
    };
    return last;
  };

  return {
    url: display,
    ref: followed.fullref,
    gitdir,
    sync(syncOptions = {}) {
      const { signal } = syncOptions;
      const result = queue.then(() => abortable(run(signal), signal)).catch((err: unknown) => {
        throw signal?.aborted === true ? fetchError(err, display, signal) : err;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    lastGood: () => last,
  };
}
