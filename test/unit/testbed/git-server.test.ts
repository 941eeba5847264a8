import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCgiHead } from '../../testbed/cgi-response.js';
import { startGitServer, type GitServer } from '../../testbed/git-server.js';
import { runProcess } from '../../testbed/run-process.js';

const AUTH = { username: 'deployer', password: 's3cret pass' };
const author = { name: 'tester', email: 'tester@example.invalid' };

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gitvirt-git-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function gitCli(args: string[], cwd: string): Promise<string> {
  const result = await runProcess('git', args, {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'cli', GIT_AUTHOR_EMAIL: 'cli@example.invalid', GIT_COMMITTER_NAME: 'cli', GIT_COMMITTER_EMAIL: 'cli@example.invalid' },
    timeoutMs: 30_000,
  });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** POSTs a raw body to the server and returns status and body. */
function post(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function pktLine(text: string): string {
  return (text.length + 4).toString(16).padStart(4, '0') + text;
}

describe('git server with basic auth', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ auth: AUTH });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves a clone to isomorphic-git with credentials and accepts its push', async () => {
    const created = await server.createRepo('fleet', { files: { 'hosts/hv1.yaml': 'kind: Host\n', 'README.md': 'hi\n' } });
    expect(created.commit).toMatch(/^[0-9a-f]{40}$/);
    const dir = join(work, 'iso-clone');
    const onAuth = () => AUTH;
    await git.clone({ fs, http, dir, url: server.url('fleet'), ref: 'main', singleBranch: true, depth: 1, onAuth });
    expect(await readFile(join(dir, 'hosts/hv1.yaml'), 'utf8')).toBe('kind: Host\n');

    await writeFile(join(dir, 'vm.yaml'), 'kind: VirtualMachine\n');
    await git.add({ fs, dir, filepath: 'vm.yaml' });
    const sha = await git.commit({ fs, dir, message: 'add vm', author });
    const pushed = await git.push({ fs, http, dir, url: server.url('fleet'), ref: 'main', onAuth });
    expect(pushed.ok).toBe(true);
    expect(await server.git('fleet', ['rev-parse', 'refs/heads/main'])).toBe(sha);
    expect(await server.git('fleet', ['show', 'main:vm.yaml'])).toBe('kind: VirtualMachine');
    const push = server.requests.find((r) => r.method === 'POST' && r.service === 'receive-pack');
    expect(push).toMatchObject({ user: 'deployer', status: 200 });
  });

  it('refuses a clone without credentials and with a wrong password', async () => {
    await server.createRepo('locked', { files: { 'a.txt': 'a' } });
    await expect(git.clone({ fs, http, dir: join(work, 'anon'), url: server.url('locked') })).rejects.toMatchObject({ code: 'HttpError' });
    const wrong = () => ({ username: AUTH.username, password: 'nope' });
    const onAuthFailure = () => ({ cancel: true });
    await expect(git.clone({ fs, http, dir: join(work, 'wrong'), url: server.url('locked'), onAuth: wrong, onAuthFailure })).rejects.toThrow();
    expect(server.requests.filter((r) => r.path.startsWith('/locked.git')).every((r) => r.status === 401)).toBe(true);
  });

  it('serves the git CLI: clone, commit, push over smart HTTP (protocol v2) with credentials in the URL', async () => {
    await server.createRepo('cli', { files: { 'one.txt': '1\n' }, branch: 'trunk' });
    const dir = join(work, 'cli-clone');
    await gitCli(['-c', 'protocol.version=2', 'clone', '--quiet', server.url('cli', { credentials: true }), dir], work);
    expect(await gitCli(['rev-parse', '--abbrev-ref', 'HEAD'], dir)).toBe('trunk');
    for (let i = 0; i < 3; i += 1) {
      await writeFile(join(dir, `f${i}.txt`), `${i}\n`.repeat(5000 * (i + 1)));
      await gitCli(['add', '.'], dir);
      await gitCli(['commit', '--quiet', '-m', `change ${i}`], dir);
    }
    await gitCli(['push', '--quiet', 'origin', 'trunk'], dir);
    expect(await server.git('cli', ['log', '--format=%s', '-n', '1', 'trunk'])).toBe('change 2');
    await server.commit('cli', { branch: 'trunk', files: { 'two.txt': '2\n' }, remove: ['one.txt'], message: 'server side' });
    await gitCli(['pull', '--quiet', '--ff-only'], dir);
    expect(await gitCli(['ls-files'], dir)).toBe(['f0.txt', 'f1.txt', 'f2.txt', 'two.txt'].join('\n'));
  });

  it('inflates a gzip request body', async () => {
    const { commit } = await server.createRepo('gz', { files: { 'x.txt': 'x\n' } });
    const body = gzipSync(Buffer.from(`${pktLine(`want ${commit ?? ''}\n`)}0000${pktLine('done\n')}`));
    const basic = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;
    const res = await post(`${server.url('gz')}/git-upload-pack`, body, {
      'Content-Type': 'application/x-git-upload-pack-request',
      'Content-Encoding': 'gzip',
      Authorization: basic,
    });
    expect(res.status).toBe(200);
    expect(res.body.includes(Buffer.from('PACK'))).toBe(true);
  });
});

describe('git server with anonymous read', () => {
  it('lets clones through without credentials but refuses an anonymous push', async () => {
    const server = await startGitServer({ auth: { ...AUTH, anonymousRead: true } });
    try {
      await server.createRepo('open', { files: { 'a.txt': 'a\n' } });
      const dir = join(work, 'open-clone');
      await git.clone({ fs, http, dir, url: server.url('open') });
      await writeFile(join(dir, 'b.txt'), 'b\n');
      await git.add({ fs, dir, filepath: 'b.txt' });
      await git.commit({ fs, dir, message: 'b', author });
      await expect(git.push({ fs, http, dir, url: server.url('open'), ref: 'main' })).rejects.toMatchObject({ code: 'HttpError' });
      const pushed = await git.push({ fs, http, dir, url: server.url('open'), ref: 'main', onAuth: () => AUTH });
      expect(pushed.ok).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('git server without auth', () => {
  it('accepts pushes from anyone and removes its temporary root on stop', async () => {
    const server = await startGitServer();
    const root = server.root;
    await server.createRepo('team/empty');
    const dir = join(work, 'empty-clone');
    await gitCli(['clone', '--quiet', server.url('team/empty'), dir], work);
    await writeFile(join(dir, 'first.txt'), 'first\n');
    await gitCli(['add', '.'], dir);
    await gitCli(['commit', '--quiet', '-m', 'first'], dir);
    await gitCli(['push', '--quiet', 'origin', 'HEAD:main'], dir);
    expect(await server.git('team/empty', ['log', '--format=%s', 'main'])).toBe('first');
    expect(server.requests.some((r) => r.service === 'receive-pack' && r.user === null && r.status === 200)).toBe(true);
    await server.stop();
    expect(fs.existsSync(root)).toBe(false);
  });

  it('refuses repository names that leave the root', async () => {
    const server = await startGitServer();
    try {
      await expect(server.createRepo('../escape')).rejects.toThrow(/invalid repository name/);
      const res = await post(`${server.baseUrl}/a%2F..%2F..%2Fetc/git-upload-pack`, Buffer.alloc(0), {});
      expect(res.status).toBe(400);
    } finally {
      await server.stop();
    }
  });
});

describe('CGI response head', () => {
  it('waits for the blank line, then reads Status and headers with CRLF or LF line ends', () => {
    expect(parseCgiHead(Buffer.from('Content-Type: text/plain\r\n'))).toBeNull();
    const crlf = parseCgiHead(Buffer.from('Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nbody'));
    expect(crlf).toEqual({ status: 404, headers: [['Content-Type', 'text/plain']], bodyOffset: 51 });
    const lf = parseCgiHead(Buffer.from('Expires: never\nCache-Control: no-cache\n\nPACK'));
    expect(lf?.status).toBe(200);
    expect(lf?.headers).toEqual([['Expires', 'never'], ['Cache-Control', 'no-cache']]);
    expect(Buffer.from('Expires: never\nCache-Control: no-cache\n\nPACK').subarray(lf?.bodyOffset).toString()).toBe('PACK');
  });
});
