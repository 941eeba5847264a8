/** Opens the repository holding a status branch for reading: a local clone in place, or a URL fetched into a temporary one. */
import * as nodeFs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { checkRemoteUrl, displayUrl, type SourceAuth } from '../source/index.js';
import { StatusReadFailedError } from './errors.js';
import { NOTES_REF } from './note.js';
import { resolveStatusRef } from './read-status.js';
import { fetchRemoteRef, messageOf, onAuthOf, setRef, STATUS_REMOTE, type StatusFs, type StatusRepo } from './status-git.js';

/** A repository opened for reading status. */
export interface StatusSource {
  repo: StatusRepo;
  /** The repository as shown in messages. */
  display: string;
  /** Tip of the status branch, or null when the repository has none. */
  statusCommit: string | null;
  /** Removes the temporary clone, if one was made. */
  close(): Promise<void>;
}

/** Options of openStatusSource. */
export interface OpenStatusSourceArgs {
  /** A directory inside a git repository (work tree or bare), or an http(s) URL. */
  repo: string;
  /** Directory a relative `repo` is resolved against. */
  cwd?: string;
  branch: string;
  /** With a URL: also fetch `refs/notes/gitvirt`. */
  notes?: boolean;
  /** With a URL: also fetch every branch, so source commits (their authors) can be read. */
  sourceHistory?: boolean;
  auth?: SourceAuth;
  http?: HttpClient;
  fs?: StatusFs;
}

/** True when `repo` names a remote rather than a directory. */
export function isRemoteRepo(repo: string): boolean {
  return /^https?:\/\//i.test(repo);
}

/** The git directory of the repository holding `dir`: found upwards from `dir`, or `dir` itself when it is bare. */
async function localGitdir(fs: StatusFs, dir: string): Promise<string> {
  try {
    return join(await git.findRoot({ fs, filepath: dir }), '.git');
  } catch {
    const bare = ['HEAD', 'objects', 'refs'].every((name) => nodeFs.existsSync(join(dir, name)));
    if (bare) return dir;
    throw new StatusReadFailedError({ repo: dir, ref: 'HEAD', reason: 'not a git repository' });
  }
}

/**
 * Opens `repo` for reading its status branch. A directory is read in place (its local and
 * remote-tracking refs, nothing fetched). A URL is fetched into a temporary bare repository:
 * the status branch, and on request the notes ref and every branch.
 */
export async function openStatusSource(args: OpenStatusSourceArgs): Promise<StatusSource> {
  const fs = args.fs ?? (nodeFs as unknown as StatusFs);
  if (!isRemoteRepo(args.repo)) {
    const dir = resolve(args.cwd ?? process.cwd(), args.repo);
    const repo: StatusRepo = { fs, gitdir: await localGitdir(fs, dir), cache: {} };
    return { repo, display: dir, statusCommit: await resolveStatusRef(repo, args.branch), close: async () => undefined };
  }
  const url = checkRemoteUrl(args.repo);
  const display = displayUrl(url);
  const root = await mkdtemp(join(tmpdir(), 'gitvirt-status-'));
  const close = () => rm(root, { recursive: true, force: true });
  try {
    const repo: StatusRepo = { fs, gitdir: root, cache: {} };
    await git.init({ fs, gitdir: root, bare: true, defaultBranch: 'main' });
    const remote = { url, ...(args.auth === undefined ? {} : { auth: args.auth }), ...(args.http === undefined ? {} : { http: args.http }) };
    const statusCommit = await fetchRemoteRef(repo, remote, `refs/heads/${args.branch}`);
    if (statusCommit !== null) await setRef(repo, `refs/heads/${args.branch}`, statusCommit);
    if (args.notes === true) {
      const notes = await fetchRemoteRef(repo, remote, NOTES_REF);
      if (notes !== null) await setRef(repo, NOTES_REF, notes);
    }
    if (args.sourceHistory === true) {
      await git.fetch({ fs, gitdir: root, http: args.http ?? nodeHttp, url, remote: STATUS_REMOTE, ref: 'HEAD', singleBranch: false, tags: false, cache: repo.cache, ...onAuthOf(args.auth) })
        .catch(() => undefined);
    }
    return { repo, display, statusCommit, close };
  } catch (err) {
    await close();
    if (err instanceof StatusReadFailedError) throw err;
    throw new StatusReadFailedError({ repo: display, ref: args.branch, reason: messageOf(err) }, err);
  }
}
