/**
 * The quickstart end to end: `bash scripts/quickstart.sh --detach` on the e2e testbed, which it
 * borrows (QUICKSTART_USE_TESTBED) since two testbeds cannot run side by side. It must return once
 * the controller converged, with the demo's VMs running on the hosts, a status commit in the served
 * repository and /metrics answering; the change it tells newcomers to make must reach the hosts;
 * running it again must reuse what is up; and `down` must leave nothing of the demo behind while
 * the borrowed testbed stays up.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestbed } from '../testbed/inject-testbed.js';
import { runProcess, type ProcessResult } from '../testbed/run-process.js';

const testbed = injectTestbed();
const ROOT = resolve(import.meta.dirname, '../..');
const VIRSH = ['virsh', '-c', 'qemu:///system'];
/** Where each VM of the demo runs: the demo's hosts are the first host of zone-a and of zone-b. */
const PLACED = { 'web-a': 'hv1', 'cache-zone-a-0': 'hv1', 'web-b': 'hv2', 'cache-zone-b-0': 'hv2' } as const;
const NETWORKS = { hv1: ['apps-a', 'backend'], hv2: ['apps-b', 'backend'] } as const;
const POOL_DIR = '/var/lib/libvirt/images/gitvirt';
const log = (text: string) => process.stderr.write(`quickstart e2e: ${text}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Calls `check` every second until it returns a value other than undefined; fails after `ms`. */
async function eventually<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(1000);
  }
}

describe('scripts/quickstart.sh on the e2e testbed', () => {
  let work: string;
  let qsDir: string;
  let listen: string;
  let env: NodeJS.ProcessEnv;
  const bare = () => join(qsDir, 'git', 'fleet.git');
  const clone = () => join(qsDir, 'fleet');

  const quickstart = async (...args: string[]): Promise<ProcessResult> => {
    const started = Date.now();
    const result = await runProcess('bash', ['scripts/quickstart.sh', ...args], { env, cwd: ROOT, timeoutMs: 420_000 });
    log(`quickstart.sh ${args.join(' ')} → ${result.code} in ${Date.now() - started} ms`);
    if (result.code !== 0 || process.env['GITVIRT_E2E_VERBOSE'] === '1') process.stderr.write(result.stdout + result.stderr);
    return result;
  };
  const git = async (args: string[]) => {
    const result = await runProcess('git', args, { timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
  const virsh = async (host: string, ...args: string[]) =>
    (await testbed.run(host, [...VIRSH, ...args], { timeoutMs: 60_000, allowFailure: true })).stdout.trim();
  const names = async (host: string, what: 'list' | 'net-list') => (await virsh(host, what, '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean);
  const metrics = async () => {
    try {
      const res = await fetch(`http://${listen}/metrics`, { signal: AbortSignal.timeout(5000) });
      return res.ok ? await res.text() : null;
    } catch {
      return null;
    }
  };
  /** Source revisions named by the status branch's commits, newest first. */
  const statusRevisions = async () =>
    [...(await git(['--git-dir', bare(), 'log', '--format=%B', 'gitvirt/status']).catch(() => '')).matchAll(/^Gitvirt-Source-Revision: ([0-9a-f]{40})$/gm)]
      .map((m) => m[1]);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gitvirt-quickstart-e2e-'));
    qsDir = join(work, 'quickstart');
    listen = `127.0.0.1:${await freePort()}`;
    env = { ...process.env, QUICKSTART_USE_TESTBED: testbed.state.stateDir, QUICKSTART_DIR: qsDir, QUICKSTART_LISTEN: listen, QUICKSTART_TIMEOUT: '180' };
    delete env['QUICKSTART_DETACH'];
  });

  afterAll(async () => {
    if (existsSync(join(qsDir, '.gitvirt-quickstart'))) await quickstart('down');
    await rm(work, { recursive: true, force: true });
  }, 300_000);

  it('returns once the first cycle converged: VMs running on both hosts, a status commit, /metrics', async () => {
    const result = await quickstart('--detach');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const converged = /converged ([\d.]+) s after the start; status commit ([0-9a-f]{12}) on gitvirt\/status/.exec(result.stdout);
    expect(converged, result.stdout).not.toBeNull();
    log(`first cycle converged ${converged?.[1]} s after the controller started`);
    expect(result.stdout).toMatch(/==> \[1\/5\] Dependencies[\s\S]*==> \[2\/5\][\s\S]*==> \[3\/5\][\s\S]*==> \[4\/5\][\s\S]*==> \[5\/5\] Controller/);
    expect(result.stdout).toContain(`curl -s ${listen}/metrics | grep gitvirt_`);
    expect(result.stdout).toContain(`ssh -F ${testbed.state.sshConfigPath} hv1 virsh list --all`);
    expect(result.stdout).toContain('bash scripts/quickstart.sh down');

    const deadline = 90_000;
    for (const [vm, host] of Object.entries(PLACED)) {
      await eventually(`${vm} running on ${host}`, deadline, async () => ((await virsh(host, 'domstate', vm)) === 'running' ? true : undefined));
      expect(await virsh(host, 'dumpxml', vm)).toContain('https://gitvirt.io/xmlns/owner/v1alpha1');
    }
    for (const [host, nets] of Object.entries(NETWORKS)) expect(await names(host, 'net-list')).toEqual(expect.arrayContaining([...nets]));
    expect(await names('hv1', 'list')).not.toContain('web-b');

    const main = await git(['--git-dir', bare(), 'rev-parse', 'main']);
    expect(await statusRevisions()).toContain(main);
    expect(await git(['--git-dir', bare(), 'ls-tree', '-r', '--name-only', 'gitvirt/status'])).toMatch(/^status\/VirtualMachine\/web-a\.yaml$/m);

    const page = await metrics();
    expect(page).toMatch(/^gitvirt_cycles_total\{outcome="converged"\} [1-9]/m);
    expect(page).toMatch(/^gitvirt_host_up\{host="hv1"\} 1$/m);
  }, 480_000);

  it('boots the test guest: web-a serves its hostname at its static address', async () => {
    const started = Date.now();
    const hostname = await eventually('web-a answering /hostname', 150_000, async () => {
      const got = await testbed.run('hv1', ['busybox', 'wget', '-q', '-O', '-', 'http://192.168.110.11/hostname'], { timeoutMs: 8_000, allowFailure: true });
      return got.code === 0 ? got.stdout.trim() : undefined;
    });
    log(`web-a answered after ${Date.now() - started} ms more`);
    expect(hostname).toBe('web-a');
  }, 200_000);

  it('starts again a VM stopped by hand (drift)', async () => {
    await virsh('hv2', 'destroy', 'web-b');
    expect(await virsh('hv2', 'domstate', 'web-b')).toBe('shut off');
    const started = Date.now();
    await eventually('web-b running again', 60_000, async () => ((await virsh('hv2', 'domstate', 'web-b')) === 'running' ? true : undefined));
    log(`web-b was started again after ${Date.now() - started} ms`);
  }, 90_000);

  it('applies the change the guide suggests, pushed from the clone', async () => {
    const file = join(clone(), 'vms', 'web.yaml');
    expect(await readFile(file, 'utf8')).toContain('cpus: 1');
    await git(['-C', clone(), 'pull', '-q', '--ff-only']);
    const sed = await runProcess('sed', ['-i', 's/cpus: 1/cpus: 2/', file]);
    expect(sed.code).toBe(0);
    await git(['-C', clone(), 'commit', '-qam', 'web: two CPUs']);
    await git(['-C', clone(), 'push', '-q', 'origin', 'main']);
    const pushed = await git(['-C', clone(), 'rev-parse', 'HEAD']);

    const started = Date.now();
    try {
      for (const [vm, host] of [['web-a', 'hv1'], ['web-b', 'hv2']] as const) {
        await eventually(`${vm} running with 2 CPUs`, 120_000, async () => {
          const info = await virsh(host, 'dominfo', vm);
          return /CPU\(s\):\s+2$/m.test(info) && /State:\s+running/.test(info) ? true : undefined;
        });
      }
      log(`the pushed change reached both hosts after ${Date.now() - started} ms`);
      await eventually('a status commit for the pushed revision', 60_000, async () => ((await statusRevisions()).includes(pushed) ? true : undefined));
    } catch (err) {
      process.stderr.write(`controller log, last lines:\n${(await readFile(join(qsDir, 'controller.log'), 'utf8').catch(() => '')).split('\n').slice(-30).join('\n')}\n`);
      throw err;
    }
  }, 240_000);

  it('running it again reuses the hosts, the git server and the repository', async () => {
    const uuid = await virsh('hv1', 'domuuid', 'web-a');
    const head = await git(['--git-dir', bare(), 'rev-parse', 'main']);
    const result = await quickstart('--detach');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('reusing its hosts, git server and repository');
    expect(result.stdout).toContain('the demo repository is up to date');
    expect(result.stdout).toMatch(/converged [\d.]+ s after the start/);
    expect(await git(['--git-dir', bare(), 'rev-parse', 'main'])).toBe(head);
    expect(await virsh('hv1', 'domuuid', 'web-a')).toBe(uuid);
  }, 480_000);

  it('down stops its processes and removes the demo from the hosts; the borrowed testbed stays up', async () => {
    const pids: number[] = [];
    for (const name of ['controller', 'server']) {
      const [pid] = (await readFile(join(qsDir, `${name}.pid`), 'utf8')).trim().split(' ');
      pids.push(Number(pid));
    }
    const result = await quickstart('down');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/hv1: removed .*domain web-a/);
    expect(existsSync(qsDir)).toBe(false);
    for (const pid of pids) expect(() => process.kill(pid, 0), `pid ${pid} still runs`).toThrow();
    expect(await metrics()).toBeNull();

    for (const host of ['hv1', 'hv2']) {
      const domains = await names(host, 'list');
      for (const vm of Object.keys(PLACED)) expect(domains).not.toContain(vm);
      const networks = await names(host, 'net-list');
      for (const net of ['apps-a', 'apps-b', 'backend']) expect(networks).not.toContain(net);
      const files = (await testbed.run(host, ['sh', '-c', `ls -A ${POOL_DIR} 2>/dev/null || true`])).stdout.split('\n').filter(Boolean);
      expect(files.filter((f) => /^\.?(web-[ab]|cache-zone-[ab]-0|image-test-guest)/.test(f))).toEqual([]);
    }
    expect(existsSync(join(testbed.state.stateDir, 'state.json'))).toBe(true);
    expect(await virsh('hv1', 'version')).toMatch(/libvirt/i);
  }, 300_000);
});
