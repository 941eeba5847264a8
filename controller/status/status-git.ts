/** Git plumbing of the status branch and notes: trees from files, files from trees, fetch and push of one ref. */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import git, { type HttpClient, type TreeEntry } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import type { SourceAuth } from '../source/index.js';
import { displayUrl } from '../source/index.js';
import { StatusWriteFailedError } from './errors.js';

/** The file system isomorphic-git uses. */
export type StatusFs = Parameters<typeof git.readCommit>[0]['fs'];

/** Where the status branch and notes are pushed: an http(s) URL without credentials, and how to log in. */
export interface StatusRemote {
  url: string;
  auth?: SourceAuth;
  http?: HttpClient;
}

/** A repository opened for status work. */
export interface StatusRepo {
  fs: StatusFs;
  gitdir: string;
  cache: object;
}

/** Name of the remote gitvirt configures for the status branch and notes. */
export const STATUS_REMOTE = 'gitvirt-status';

/** Who commits status and notes. */
export interface GitAuthor {
  name: string;
  email: string;
}

/** The git directory of a clone: `<dir>/.git` when it exists, else `dir` itself (a bare repository). */
export function openStatusRepo(args: { repoDir: string; fs?: StatusFs }): StatusRepo {
  const fs = args.fs ?? (nodeFs as unknown as StatusFs);
  const dotGit = join(args.repoDir, '.git');
  const gitdir = nodeFsExists(fs, dotGit) ? dotGit : args.repoDir;
  return { fs, gitdir, cache: {} };
}

function nodeFsExists(fs: StatusFs, path: string): boolean {
  const sync = (fs as unknown as { statSync?: (p: string) => { isDirectory(): boolean } }).statSync;
  if (sync === undefined) return false;
  try {
    return sync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Basic-auth credentials for isomorphic-git; a token is sent as the password. */
export function onAuthOf(auth: SourceAuth | undefined): { onAuth?: () => { username: string; password: string } } {
  if (auth === undefined) return {};
  const password = auth.token ?? auth.password ?? '';
  const username = auth.username ?? (auth.token === undefined ? '' : 'oauth2');
  return { onAuth: () => ({ username, password }) };
}

/** The commit a local ref points at, or null when the ref does not exist. */
export async function resolveLocal(repo: StatusRepo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref });
  } catch {
    return null;
  }
}

/**
 * Fetches one ref of the remote and returns the commit it points at, or null when the remote does
 * not have it (or is empty). Objects land in the local repository; no local ref is changed.
 */
export async function fetchRemoteRef(repo: StatusRepo, remote: StatusRemote, fullRef: string): Promise<string | null> {
  const { fs, gitdir } = repo;
  await git.setConfig({ fs, gitdir, path: `remote.${STATUS_REMOTE}.url`, value: remote.url });
  await git.setConfig({ fs, gitdir, path: `remote.${STATUS_REMOTE}.fetch`, value: `+refs/heads/*:refs/remotes/${STATUS_REMOTE}/*` });
  try {
    const result = await git.fetch({
      fs, gitdir, http: remote.http ?? nodeHttp, url: remote.url, remote: STATUS_REMOTE, ref: fullRef, remoteRef: fullRef,
      singleBranch: true, tags: false, cache: repo.cache, ...onAuthOf(remote.auth),
    });
    return result.fetchHead ?? null;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'NotFoundError') return null;
    throw new StatusWriteFailedError({ ref: fullRef, url: displayUrl(remote.url), reason: `fetch failed: ${messageOf(err)}` }, err);
  }
}

/** Pushes a local ref to the same name on the remote, never forced. Resolves 'conflict' when the remote moved. */
export async function pushRef(repo: StatusRepo, remote: StatusRemote, fullRef: string): Promise<'pushed' | 'conflict'> {
  try {
    await git.push({
      fs: repo.fs, gitdir: repo.gitdir, http: remote.http ?? nodeHttp, url: remote.url, remote: STATUS_REMOTE,
      ref: fullRef, remoteRef: fullRef, force: false, cache: repo.cache, ...onAuthOf(remote.auth),
    });
    return 'pushed';
  } catch (err) {
    if (isPushConflict(err)) return 'conflict';
    throw new StatusWriteFailedError({ ref: fullRef, url: displayUrl(remote.url), reason: `push failed: ${messageOf(err)}` }, err);
  }
}

/** Server answers to a push whose base is no longer the tip. */
const CONFLICT_TEXT = /non-fast-forward|fetch first|failed to lock|cannot lock|stale info|failed to update ref|incorrect old value/i;

/** True when a push failed because the remote ref moved (client- or server-side). */
export function isPushConflict(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (code === 'PushRejectedError') return (err as { data?: { reason?: unknown } }).data?.reason === 'not-fast-forward';
  if (code === 'GitPushError') return CONFLICT_TEXT.test(`${messageOf(err)} ${JSON.stringify((err as { data?: unknown }).data ?? {})}`);
  return false;
}

/** An error's message. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Git's tree order: names compared as bytes, a tree's name with a trailing slash. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
  const x = Buffer.from(key(a));
  const y = Buffer.from(key(b));
  return Buffer.compare(x, y);
}

/** Writes a tree holding exactly `files` (POSIX path → content) and returns its id. */
export async function writeFilesTree(repo: StatusRepo, files: ReadonlyMap<string, string | Uint8Array>): Promise<string> {
  type Dir = { files: Map<string, string | Uint8Array>; dirs: Map<string, Dir> };
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const [path, content] of files) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (next === undefined) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
      dir = next;
    }
    dir.files.set(parts[parts.length - 1]!, content);
  }
  const write = async (dir: Dir): Promise<string> => {
    const entries: TreeEntry[] = [];
    for (const [name, content] of dir.files) {
      const blob = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      entries.push({ mode: '100644', path: name, type: 'blob', oid: await git.writeBlob({ fs: repo.fs, gitdir: repo.gitdir, blob }) });
    }
    for (const [name, sub] of dir.dirs) entries.push({ mode: '040000', path: name, type: 'tree', oid: await write(sub) });
    return git.writeTree({ fs: repo.fs, gitdir: repo.gitdir, tree: entries.sort(treeOrder) });
  };
  return write(root);
}

/** Every file of a commit's tree whose path `keep` accepts, as text. */
export async function readFilesAt(repo: StatusRepo, commit: string, keep: (path: string) => boolean): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await git.readTree({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    for (const entry of tree) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'tree') await visit(entry.oid, `${path}/`);
      else if (entry.type === 'blob' && keep(path)) {
        const { blob } = await git.readBlob({ fs: repo.fs, gitdir: repo.gitdir, oid: entry.oid, cache: repo.cache });
        files.set(path, Buffer.from(blob).toString('utf8'));
      }
    }
  };
  await visit(commit, '');
  return files;
}

/** The blob id of one file in a commit, or null when the commit does not have it. */
export async function blobAt(repo: StatusRepo, commit: string, path: string): Promise<string | null> {
  const slash = path.lastIndexOf('/');
  try {
    const { tree } = await git.readTree({ fs: repo.fs, gitdir: repo.gitdir, oid: commit, cache: repo.cache, ...(slash === -1 ? {} : { filepath: path.slice(0, slash) }) });
    return tree.find((e) => e.path === path.slice(slash + 1) && e.type === 'blob')?.oid ?? null;
  } catch {
    return null;
  }
}

/** The tree id of a commit. */
export async function treeOf(repo: StatusRepo, commit: string): Promise<string> {
  return (await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid: commit, cache: repo.cache })).commit.tree;
}

/** Writes a commit and returns its id; `when` is the author and committer time. */
export async function writeCommitObject(repo: StatusRepo, args: { tree: string; parent: string | null; message: string; author: GitAuthor; when: Date }): Promise<string> {
  const person = { name: args.author.name, email: args.author.email, timestamp: Math.floor(args.when.getTime() / 1000), timezoneOffset: 0 };
  return git.writeCommit({
    fs: repo.fs, gitdir: repo.gitdir,
    commit: { message: args.message, tree: args.tree, parent: args.parent === null ? [] : [args.parent], author: person, committer: person },
  });
}

/** Points a local ref at a commit. */
export async function setRef(repo: StatusRepo, ref: string, commit: string): Promise<void> {
  await git.writeRef({ fs: repo.fs, gitdir: repo.gitdir, ref, value: commit, force: true });
}
