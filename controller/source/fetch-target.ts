import git, { type HttpClient } from 'isomorphic-git';
import { RefNotFoundError } from './errors.js';
import { fetchError } from './fetch-error.js';
import type { FollowedRef } from './followed-ref.js';
import type { SourceFs } from './materialize-commit.js';

/** Credentials for HTTP basic auth; a token is sent as the password. */
export interface SourceAuth {
  /** Default `oauth2` with a token (GitLab and GitHub accept any user name with a token). */
  username?: string;
  password?: string;
  token?: string;
}

/** Local ref holding the last good commit: keeps it reachable and tells the remote what we have. */
export const SOURCE_REF = 'refs/gitvirt/source';

/** Name of the remote in the cache repository. */
export const REMOTE = 'origin';

/** Arguments of fetchTarget. */
export interface FetchTargetArgs {
  fs: SourceFs;
  http: HttpClient;
  gitdir: string;
  url: string;
  /** The URL as shown in messages. */
  display: string;
  followed: FollowedRef;
  auth?: SourceAuth;
  depth?: number;
  cache: object;
  signal?: AbortSignal;
}

function basicAuth(auth: SourceAuth | undefined): { username: string; password: string } | undefined {
  if (auth === undefined) return undefined;
  const password = auth.token ?? auth.password ?? '';
  const username = auth.username ?? (auth.token === undefined ? '' : 'oauth2');
  return { username, password };
}

async function hasCommit(args: FetchTargetArgs, oid: string): Promise<boolean> {
  return git.readCommit({ fs: args.fs, gitdir: args.gitdir, oid, cache: args.cache }).then(
    () => true,
    () => false,
  );
}

/**
 * Fetches what the followed ref names and returns the object id it points at (for an annotated tag,
 * the tag object). A branch or tag is fetched alone; a pinned commit already present is not fetched
 * again, else every branch and tag is fetched and the commit looked for among them.
 */
export async function fetchTarget(args: FetchTargetArgs): Promise<string> {
  const { fs, http, gitdir, url, followed } = args;
  if (followed.kind === 'commit' && (await hasCommit(args, followed.fullref))) return followed.fullref;
  const credentials = basicAuth(args.auth);
  const common = {
    fs,
    http,
    gitdir,
    url,
    remote: REMOTE,
    cache: args.cache,
    ref: SOURCE_REF,
    ...(credentials === undefined ? {} : { onAuth: () => credentials }),
  };
  let fetched: string | null;
  try {
    if (followed.kind === 'commit') {
      await git.fetch({ ...common, remoteRef: followed.fullref, singleBranch: false, tags: true });
      fetched = (await hasCommit(args, followed.fullref)) ? followed.fullref : null;
    } else {
      const depth = args.depth === undefined ? {} : { depth: args.depth };
      fetched = (await git.fetch({ ...common, remoteRef: followed.fullref, singleBranch: true, tags: false, ...depth })).fetchHead;
    }
  } catch (err) {
    if ((err as { code?: unknown }).code === 'NotFoundError' && !args.signal?.aborted) {
      throw new RefNotFoundError({ url: args.display, ref: followed.fullref });
    }
    throw fetchError(err, args.display, args.signal);
  }
  if (fetched === null) throw new RefNotFoundError({ url: args.display, ref: followed.fullref });
  return fetched;
}
