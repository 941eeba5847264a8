import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflate } from 'node:zlib';
import { parseCgiHead } from './cgi-response.js';
import { commitToBareRepo, initBareRepo, runGit } from './git-repo.js';

/** Basic-auth credentials the server requires. */
export interface GitServerAuth {
  username: string;
  password: string;
  /** Let clone and fetch through without credentials (push always needs them). Default false. */
  anonymousRead?: boolean;
}

/** Options of startGitServer. */
export interface GitServerOptions {
  /** Directory holding the bare repositories (default: a fresh temporary directory, removed by stop()). */
  root?: string;
  /** When set, requests need these credentials (see anonymousRead); without it anyone may push. */
  auth?: GitServerAuth;
}

/** One request the server answered. */
export interface GitRequestLogEntry {
  method: string;
  path: string;
  service: 'upload-pack' | 'receive-pack' | 'other';
  /** Authenticated user name, null when none was given. */
  user: string | null;
  status: number;
}

/** Options of GitServer.createRepo. */
export interface CreateRepoOptions {
  /** Files of the first commit (path → content); without files the repository stays empty. */
  files?: Record<string, string | Buffer>;
  /** Branch HEAD points at (default `main`). */
  branch?: string;
  message?: string;
}

/** Options of GitServer.commit. */
export interface CommitOptions {
  files?: Record<string, string | Buffer>;
  remove?: string[];
  /** Default `main`. */
  branch?: string;
  message?: string;
}

/** A git server over smart HTTP (git http-backend) on 127.0.0.1, for tests. */
export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly root: string;
  /** Every request answered so far, oldest first. */
  readonly requests: GitRequestLogEntry[];
  /** Clone URL of a repository; with `credentials`, the configured user and password are embedded. */
  url(name: string, options?: { credentials?: boolean }): string;
  /** Path of a repository's bare git directory. */
  repoDir(name: string): string;
  /** Creates a bare repository (optionally with a first commit); returns its URL and commit. */
  createRepo(name: string, options?: CreateRepoOptions): Promise<{ url: string; dir: string; commit: string | null }>;
  /** Commits files onto a branch of a repository directly; returns the new commit id. */
  commit(name: string, options: CommitOptions): Promise<string>;
  /** Runs git inside a repository (e.g. `['log', '--format=%s', 'gitvirt/status']`); returns trimmed stdout. */
  git(name: string, args: string[]): Promise<string>;
  /** Stops serving and removes the temporary root if the server created it. */
  stop(): Promise<void>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkName(name: string): string {
  if (!NAME.test(name) || name.includes('..')) throw new Error(`invalid repository name ${JSON.stringify(name)}`);
  return name.endsWith('.git') ? name : `${name}.git`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The user named by a valid Basic Authorization header; null without one; false when it is wrong. */
function authenticate(header: string | undefined, auth: GitServerAuth | undefined): string | null | false {
  if (header === undefined) return null;
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (match === null) return false;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  if (auth === undefined) return user;
  return sameText(user, auth.username) && sameText(password, auth.password) ? user : false;
}

function serviceOf(url: URL): GitRequestLogEntry['service'] {
  const service = url.searchParams.get('service') ?? url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (service === 'git-receive-pack') return 'receive-pack';
  if (service === 'git-upload-pack') return 'upload-pack';
  return 'other';
}

/** Starts a git server on an ephemeral port of 127.0.0.1. */
export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const ownRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'gitvirt-git-')));
  await mkdir(root, { recursive: true });
  const { auth } = options;
  const requests: GitRequestLogEntry[] = [];

  const refuse = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain', ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="gitvirt-test"' } : {}) });
    res.end(`${text}\n`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const service = serviceOf(url);
    const user = authenticate(req.headers.authorization, auth);
    const entry: GitRequestLogEntry = { method: req.method ?? 'GET', path: url.pathname, service, user: user === false ? null : user, status: 0 };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    let pathInfo: string;
    try {
      pathInfo = decodeURIComponent(url.pathname);
    } catch {
      return refuse(res, 400, 'bad path');
    }
    if (pathInfo.split('/').includes('..')) return refuse(res, 400, 'bad path');
    const needsAuth = auth !== undefined && (service === 'receive-pack' || auth.anonymousRead !== true);
    if (user === false || (needsAuth && user === null)) return refuse(res, 401, 'authentication required');

    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: pathInfo,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
        ...(user !== null ? { REMOTE_USER: user } : auth === undefined ? { REMOTE_USER: 'anonymous' } : {}),
        ...(typeof req.headers['git-protocol'] === 'string' ? { HTTP_GIT_PROTOCOL: req.headers['git-protocol'] } : {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', () => undefined);

    const encoding = (req.headers['content-encoding'] ?? '').toLowerCase();
    const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : null;
    const body = decoder === null ? pipeline(req, child.stdin) : pipeline(req, decoder, child.stdin);
    body.catch(() => child.kill('SIGKILL'));

    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (parsed === null) return;
      child.stdout.off('data', onData);
      child.stdout.pause();
      res.writeHead(parsed.status, parsed.headers.flat());
      res.write(head.subarray(parsed.bodyOffset));
      child.stdout.pipe(res);
    };
    child.stdout.on('data', onData);
    child.on('close', (code) => {
      if (!res.headersSent) {
        refuse(res, 500, `git http-backend exited ${code}: ${Buffer.concat(stderr).toString('utf8').trim()}`);
      }
    });
    res.on('close', () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const repoDir = (name: string): string => join(root, checkName(name));

  return {
    baseUrl,
    root,
    requests,
    url(name, urlOptions = {}) {
      if (urlOptions.credentials === true && auth !== undefined) {
        const who = `${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@`;
        return `http://${who}127.0.0.1:${port}/${checkName(name)}`;
      }
      return `${baseUrl}/${checkName(name)}`;
    },
    repoDir,
    async createRepo(name, repoOptions = {}) {
      const dir = repoDir(name);
      const branch = repoOptions.branch ?? 'main';
      await mkdir(dirname(dir), { recursive: true });
      await initBareRepo(dir, branch);
      let commit: string | null = null;
      if (repoOptions.files !== undefined) {
        commit = await commitToBareRepo(dir, { files: repoOptions.files, branch, message: repoOptions.message ?? 'initial commit' });
      }
      return { url: `${baseUrl}/${checkName(name)}`, dir, commit };
    },
    async commit(name, commitOptions) {
      return commitToBareRepo(repoDir(name), {
        ...(commitOptions.files === undefined ? {} : { files: commitOptions.files }),
        ...(commitOptions.remove === undefined ? {} : { remove: commitOptions.remove }),
        branch: commitOptions.branch ?? 'main',
        message: commitOptions.message ?? 'update',
      });
    },
    async git(name, args) {
      return runGit(repoDir(name), args);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownRoot) await rm(root, { recursive: true, force: true });
    },
  };
}
