/**
 * Stops and starts one daemon of one testbed host (its sshd or its libvirtd), so tests can see
 * what gitvirt does with a host whose daemon is down. Guests keep running while libvirtd is down.
 */
import { readFile, readdir, readlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';
import { runProcess } from './run-process.js';
import type { Testbed, TestbedHost } from './testbed.js';

/** A daemon of a testbed host that tests may stop and start. */
export type HostService = 'sshd' | 'libvirtd';

/**
 * Per daemon: the process names that belong to it, and how host-init.sh starts it inside the host.
 * sshd counts its per-connection processes too: stopping it drops open connections, as when the
 * daemon (or the machine) goes away, not only the listener.
 */
const SERVICES: Readonly<Record<HostService, { names: readonly string[]; start: readonly string[] }>> = {
  sshd: { names: ['sshd', 'sshd-session'], start: ['/usr/sbin/sshd', '-f', '/run/testbed/sshd_config', '-E', '/run/testbed/sshd.log'] },
  libvirtd: { names: ['libvirtd'], start: ['/usr/sbin/libvirtd', '-d'] },
};

/** Time a daemon gets to stop after SIGTERM before SIGKILL, and to answer after a start. */
const STOP_GRACE_MS = 10_000;
const START_TIMEOUT_MS = 60_000;

/** A testbed daemon did not stop or start. */
export class HostServiceFailedError extends GitvirtError<'HostServiceFailed', { host: string; service: HostService; operation: 'stop' | 'start'; reason: string }> {
  constructor(data: { host: string; service: HostService; operation: 'stop' | 'start'; reason: string }) {
    super('HostServiceFailed', `failed to ${data.operation} ${data.service} on testbed host ${data.host}: ${data.reason}`, data);
  }
}

/** Arguments of stopHostService and startHostService. */
export interface HostServiceArgs {
  testbed: Testbed;
  host: TestbedHost | string;
  service: HostService;
}

/** Pids of the processes named `names` in the network namespace of the host's holder. */
async function servicePids(holder: number, names: readonly string[]): Promise<number[]> {
  const netns = await readlink(`/proc/${holder}/ns/net`);
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/ns/net`)) !== netns) continue;
      if (names.includes((await readFile(`/proc/${entry}/comm`, 'utf8')).trim())) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a signal, ignoring processes that are already gone. */
function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // gone already
    }
  }
}

/** Stops the daemon on the host (SIGTERM, then SIGKILL after 10 s); resolves once none of its processes is left. */
export async function stopHostService({ testbed, host: ref, service }: HostServiceArgs): Promise<void> {
  const host = testbed.host(typeof ref === 'string' ? ref : ref.name);
  const { names } = SERVICES[service];
  let pids = await servicePids(host.pid, names);
  signal(pids, 'SIGTERM');
  const started = Date.now();
  let killed = false;
  while (pids.length > 0) {
    if (!killed && Date.now() - started > STOP_GRACE_MS) {
      signal(pids, 'SIGKILL');
      killed = true;
    }
    if (Date.now() - started > STOP_GRACE_MS * 2) {
      throw new HostServiceFailedError({ host: host.name, service, operation: 'stop', reason: `processes ${pids.join(', ')} still alive after SIGKILL` });
    }
    await sleep(100);
    pids = await servicePids(host.pid, names);
  }
}

/** True once the daemon answers: libvirtd through virsh inside the host, sshd on its TCP port. */
async function answers(testbed: Testbed, host: TestbedHost, service: HostService): Promise<boolean> {
  if (service === 'libvirtd') {
    return (await testbed.run(host, ['virsh', '-c', 'qemu:///system', 'version'], { allowFailure: true, timeoutMs: 10_000 })).code === 0;
  }
  return new Promise((resolve) => {
    const socket = connect({ host: host.address, port: host.port, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('SSH-')));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * Starts the daemon on the host as host-init.sh does: in the host's cgroups (when it has its own)
 * and its mount, network, UTS and cgroup namespaces; resolves once it answers. Its output goes to
 * `hosts/<host>/<service>.restart.log` in the state dir.
 */
export async function startHostService({ testbed, host: ref, service }: HostServiceArgs): Promise<void> {
  const host = testbed.host(typeof ref === 'string' ? ref : ref.name);
  if ((await servicePids(host.pid, SERVICES[service].names)).length > 0 && (await answers(testbed, host, service))) return;
  const dir = join(testbed.state.stateDir, 'hosts', host.name);
  const script = [
    'dirs=$1 holder=$2 log=$3; shift 3',
    'if [ -f "$dirs" ]; then while read -r d; do echo $$ > "$d/cgroup.procs" || exit 1; done < "$dirs"; fi',
    'exec nsenter -t "$holder" -m -n -u -C --wd=/ -- "$@" </dev/null >>"$log" 2>&1',
  ].join('\n');
  const log = join(dir, `${service}.restart.log`);
  const result = await runProcess('sh', ['-c', script, 'sh', join(dir, 'cgroup-dirs'), String(host.pid), log, ...SERVICES[service].start], { timeoutMs: 30_000 });
  if (result.code !== 0) {
    const output = await readFile(log, 'utf8').catch(() => '');
    throw new HostServiceFailedError({ host: host.name, service, operation: 'start', reason: `exit code ${result.code}: ${(result.stderr + output).trim().slice(-2000)}` });
  }
  const started = Date.now();
  while (!(await answers(testbed, host, service))) {
    if (Date.now() - started > START_TIMEOUT_MS) {
      throw new HostServiceFailedError({ host: host.name, service, operation: 'start', reason: `it does not answer after ${START_TIMEOUT_MS / 1000} s` });
    }
    await sleep(200);
  }
}
