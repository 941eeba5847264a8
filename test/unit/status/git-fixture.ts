/** A real git server with a fleet repository, local clones for the controller, and a racing HTTP client for push tests. */
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import git, { type GitHttpRequest, type HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';
import { runGit } from '../../testbed/git-repo.js';

/** The server, and where temporary clones go. */
export interface GitFixture {
  server: GitServer;
  /** A fresh empty bare repository on this machine, as a controller's local clone. */
  localRepo(): Promise<string>;
  /** Creates `name` on the server with one source commit on main; returns its URL and the commit. */
  fleet(name: string): Promise<{ url: string; source: string }>;
  /** Runs git in a local repository (bare or not). */
  git(gitDir: string, args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a git server for one test file. */
export async function gitFixture(): Promise<GitFixture> {
  const server = await startGitServer();
  const root = await mkdtemp(join(tmpdir(), 'gitvirt-status-git-'));
  let counter = 0;
  return {
    server,
    async localRepo() {
      const dir = join(root, `local-${++counter}.git`);
      await git.init({ fs, gitdir: dir, bare: true, defaultBranch: 'main' });
      return dir;
    },
    async fleet(name) {
      const created = await server.createRepo(name, { files: { 'hosts/hv1.yaml': 'kind: Host\n' }, message: 'add hv1' });
      return { url: created.url, source: created.commit! };
    },
    git: (gitDir, args) => runGit(gitDir, args),
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Where in a push the competing write happens: before the ref advertisement, or just before the pack is sent. */
export type RaceAt = 'discovery' | 'receive';

/**
 * An HTTP client that runs `compete` before the push requests of the first `times` pushes, so the
 * remote ref moves after it was fetched: at the advertisement (the client sees the new tip and
 * refuses a non-fast-forward) or before the pack (the server refuses the stale update).
 */
export function racingHttp(args: { at: RaceAt; times: number; compete: () => Promise<void> }): HttpClient & { raced: () => number } {
  let raced = 0;
  const hit = (request: GitHttpRequest): boolean => {
    const url = request.url;
    return args.at === 'discovery'
      ? request.method === 'GET' && url.includes('service=git-receive-pack')
      : request.method === 'POST' && url.endsWith('/git-receive-pack');
  };
  return {
    async request(request) {
      if (raced < args.times && hit(request)) {
        raced += 1;
        await args.compete();
      }
      return nodeHttp.request(request);
    },
    raced: () => raced,
  };
}
