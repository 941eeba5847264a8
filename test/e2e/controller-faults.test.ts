/**
 * The controller when things go wrong, on the testbed with the real git server: `gitvirt run`
 * over three hosts while one host's sshd, then another host's libvirtd, is down (the others
 * converge, the host is reported down, and it converges once its daemon is back), and a commit
 * that would delete more than `safety.maxDeletions` (the brake holds, says so in status and
 * metrics, and lets go when the VMs come back). One flow, each step building on the one before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '../testbed/git-server.js';
import { startHostService, stopHostService, type HostService } from '../testbed/host-service.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import type { TestbedHost } from '../testbed/testbed.js';
import { createControllerLog, startControllerInProcess, writeControllerConfig, type InProcessController, type LogLine } from './controller-harness.js';
import { createFleetProbe, manifestFile, vmManifest, type FleetProbe } from './fleet-probe.js';

const testbed = injectTestbed();
const hosts = testbed.hosts.slice(0, 3) as [TestbedHost, TestbedHost, TestbedHost];
const [hv1, hv2, hv3] = hosts;
const REPO = 'fleet-faults';
const PREFIX = 'flt-';
const GIT_USER = { username: 'gitvirt-ci', password: 'faults-e2e-password' };
const WEBHOOK_SECRET = 'faults-e2e-webhook-secret';
const INTERVAL_S = 3;
const MAX_DELETIONS = 3;
const log = (text: string) => process.stderr.write(`controller faults e2e: ${text}\n`);

/** One VM per host named `<prefix><step>-<host>`, as repository files. */
const vmsOnEveryHost = (step: string, spec: Parameters<typeof vmManifest>[2] = {}) =>
  Object.fromEntries(hosts.map((h) => manifestFile(vmManifest(`${PREFIX}${step}-${h.name}`, h, spec))));

describe('gitvirt run with a host daemon down and the deletion brake', () => {
  let work: string;
  let git: GitServer;
  let probe: FleetProbe;
  let controller: InProcessController | undefined;
  const ctl = createControllerLog();
  const revisions: Record<string, string> = {};

  /** Commits, sends the webhook, and waits for the cycle of the new revision. */
  async function pushAndReconcile(commit: Parameters<GitServer['commit']>[1]): Promise<{ revision: string; line: LogLine; mark: number }> {
    const mark = ctl.lines.length;
    const revision = await git.commit(REPO, commit);
    await probe.pushHook(revision);
    const { line } = await ctl.cycleAfter(mark, (l) => l['revision'] === revision);
    log(`${commit.message}: ${String(line['outcome'])} (${String(line['reason'])}) in ${String(line['durationMs'])} ms`);
    return { revision, line, mark };
  }

  /**
   * With `service` stopped on `down`: a commit adding a running VM on every host converges on the
   * other hosts and reports `down` unreachable; once the service is back, `down` converges within
   * two cycles.
   */
  async function hostDaemonDown(down: TestbedHost, service: HostService, step: string, errorPattern: RegExp): Promise<void> {
    await stopHostService({ testbed, host: down, service });
    const { revision, line, mark } = await pushAndReconcile({ files: vmsOnEveryHost(step), message: `${step}: a VM on every host` });
    expect(line).toMatchObject({ outcome: 'degraded', reason: 'HostUnreachable', revision });
    expect(String(line['message'])).toContain(`unreachable: ${down.name}`);
    for (const host of hosts.filter((h) => h !== down)) {
      expect(await probe.domState(host, `${PREFIX}${step}-${host.name}`)).toBe('running');
      expect((await probe.statusDoc(`status/VirtualMachine/${PREFIX}${step}-${host.name}.yaml`)).conditions['Ready']).toMatchObject({ status: 'True' });
    }
    expect(ctl.lines.slice(mark).filter((l) => l['host'] === down.name && l.msg === 'action applied')).toEqual([]);
    const unreachable = ctl.linesOf('host unreachable', mark).filter((l) => l['host'] === down.name);
    expect(unreachable.length).toBeGreaterThanOrEqual(1);
    expect(String(unreachable[0]!['error'])).toMatch(errorPattern);
    expect(ctl.linesOf('host unreachable', mark).every((l) => l['host'] === down.name)).toBe(true);
    const hostDoc = await probe.statusDoc(`hosts/${down.name}.yaml`);
    expect(hostDoc.status).toMatchObject({ reachable: false });
    expect(String(hostDoc.status['error'])).toMatch(errorPattern);
    const vmDoc = await probe.statusDoc(`status/VirtualMachine/${PREFIX}${step}-${down.name}.yaml`);
    expect(vmDoc.conditions['Ready']).toMatchObject({ status: 'False', reason: 'HostUnreachable' });
    expect(await probe.metric(`gitvirt_host_up{host="${down.name}"}`)).toBe(0);
    for (const host of hosts.filter((h) => h !== down)) expect(await probe.metric(`gitvirt_host_up{host="${host.name}"}`)).toBe(1);

    await startHostService({ testbed, host: down, service });
    const back = ctl.lines.length;
    const { line: converged, index } = await ctl.cycleAfter(back, (l) => l['outcome'] === 'converged');
    const cycles = ctl.linesOf('cycle finished', back).filter((l) => ctl.lines.indexOf(l) <= index).length;
    log(`${down.name} converged ${cycles} cycle(s) after ${service} came back`);
    expect(cycles).toBeLessThanOrEqual(2);
    expect(converged['revision']).toBe(revision);
    expect(await probe.domState(down, `${PREFIX}${step}-${down.name}`)).toBe('running');
    expect((await probe.statusDoc(`hosts/${down.name}.yaml`)).status).toMatchObject({ reachable: true });
    expect((await probe.statusDoc(`status/VirtualMachine/${PREFIX}${step}-${down.name}.yaml`)).conditions['Ready']).toMatchObject({ status: 'True' });
    expect(await probe.metric(`gitvirt_host_up{host="${down.name}"}`)).toBe(1);
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gitvirt-faults-e2e-'));
    git = await startGitServer({ auth: GIT_USER });
    const { metricsUrl } = await writeControllerConfig({
      work, gitUrl: git.url(REPO), git: GIT_USER, webhookSecret: WEBHOOK_SECRET, identityFile: testbed.state.clientKeyPath,
      intervalSeconds: INTERVAL_S, safety: `{ maxDeletions: ${MAX_DELETIONS} }`,
    });
    probe = createFleetProbe({ testbed, git, repo: REPO, metricsUrl, webhookSecret: WEBHOOK_SECRET });
    await probe.removeDomains(hosts, PREFIX);
    const created = await git.createRepo(REPO, {
      files: { ...Object.fromEntries(hosts.map((h) => manifestFile(testbed.hostManifest(h)))), ...vmsOnEveryHost('base', { runStrategy: 'Halted' }) },
      message: 'three hosts, a halted VM on each',
    });
    revisions['first'] = created.commit!;
    controller = startControllerInProcess({ work, log: ctl });
  }, 120_000);

  afterAll(async () => {
    for (const host of hosts) {
      for (const service of ['sshd', 'libvirtd'] as const) await startHostService({ testbed, host, service }).catch((err: Error) => log(err.message));
    }
    await controller?.stop();
    await probe?.removeDomains(hosts, PREFIX);
    await git?.stop();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('converges the first revision on the three hosts', async () => {
    const { line } = await ctl.cycleAfter(0, (l) => l['revision'] === revisions['first'] && l['outcome'] === 'converged');
    log(`first revision converged in cycle ${String(line['cycle'])}`);
    for (const host of hosts) expect(await probe.domState(host, `${PREFIX}base-${host.name}`)).toBe('shut off');
  });

  it('with sshd stopped on one host: the others converge, it is reported down, and it converges once sshd is back', async () => {
    await hostDaemonDown(hv3, 'sshd', 'ssh', /ECONNREFUSED|connect|refused/i);
  });

  it('with libvirtd stopped on one host: the others converge, it is reported down, and it converges once libvirtd is back', async () => {
    await hostDaemonDown(hv2, 'libvirtd', 'virt', /libvirt|socket|connect/i);
    // The VMs of the earlier step ran on through the libvirtd restart.
    expect(await probe.domState(hv2, `${PREFIX}ssh-${hv2.name}`)).toBe('running');
  });

  it('refuses a plan deleting more than maxDeletions: nothing deleted, the brake in status and metrics', async () => {
    expect(await probe.metric('gitvirt_brake_engaged{reason="TooManyDeletions"}')).toBe(0);
    const removed = [...hosts.map((h) => `${PREFIX}ssh-${h.name}`), `${PREFIX}virt-${hv1.name}`];
    expect(removed.length).toBeGreaterThan(MAX_DELETIONS);
    const uuids = Object.fromEntries(await Promise.all(removed.map(async (name) => [name, (await probe.virsh(hostOf(name), 'domuuid', name)).trim()] as const)));
    const { revision, line, mark } = await pushAndReconcile({ remove: removed.map((name) => `vms/${name}.yaml`), message: `remove ${removed.length} VMs` });
    expect(line).toMatchObject({ outcome: 'degraded', reason: 'BrakeEngaged', revision });
    expect(String(line['message'])).toContain(`more than the limit of ${MAX_DELETIONS}`);
    const loud = ctl.lines.slice(mark).find((l) => l.msg.startsWith('BRAKE ENGAGED (TooManyDeletions)'));
    expect(loud).toMatchObject({ level: 'error', brake: 'TooManyDeletions', heldBack: removed.length });
    expect(ctl.linesOf('action applied', mark).filter((l) => l['action'] === 'domain.delete')).toEqual([]);
    for (const name of removed) expect((await probe.virsh(hostOf(name), 'domuuid', name)).trim()).toBe(uuids[name]);
    expect(await probe.metric('gitvirt_brake_engaged{reason="TooManyDeletions"}')).toBe(1);
    for (const name of removed) {
      const doc = await probe.statusDoc(`status/VirtualMachine/${name}.yaml`);
      expect(doc.conditions['Stalled']).toMatchObject({ status: 'True', reason: 'BrakeEngaged' });
      expect(doc.conditions['Ready']).toMatchObject({ status: 'False', reason: 'BrakeEngaged' });
      expect(doc.conditions['Stalled']?.message).toContain(`more than the limit of ${MAX_DELETIONS}`);
    }
    const tip = await git.git(REPO, ['log', '-1', '--format=%B', 'gitvirt/status']);
    expect(tip).toContain(`Gitvirt-Source-Revision: ${revision}`);
    expect((await probe.noteOf(revision)).applies.at(-1)).toMatchObject({ brake: { code: 'TooManyDeletions' } });

    const restored = await pushAndReconcile({
      files: Object.fromEntries(removed.map((name) => manifestFile(vmManifest(name, hostOf(name))))),
      message: 'bring the VMs back',
    });
    expect(restored.line).toMatchObject({ outcome: 'converged', revision: restored.revision, changes: 0 });
    expect(ctl.lines.slice(restored.mark).some((l) => l.msg.startsWith('BRAKE ENGAGED'))).toBe(false);
    expect(await probe.metric('gitvirt_brake_engaged{reason="TooManyDeletions"}')).toBe(0);
    for (const name of removed) {
      expect((await probe.virsh(hostOf(name), 'domuuid', name)).trim()).toBe(uuids[name]);
      expect((await probe.statusDoc(`status/VirtualMachine/${name}.yaml`)).conditions['Ready']).toMatchObject({ status: 'True' });
    }
  });
});

/** The host a VM of this file is placed on (its name ends with the host's). */
function hostOf(name: string): TestbedHost {
  const host = hosts.find((h) => name.endsWith(`-${h.name}`));
  if (host === undefined) throw new Error(`no host in the name ${name}`);
  return host;
}
