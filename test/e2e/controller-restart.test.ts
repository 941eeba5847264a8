/**
 * `gitvirt run` as its own process, on the testbed with the real git server: killed with SIGKILL
 * in the middle of an apply and started again with the same configuration and state, it converges
 * with nothing lost, duplicated or left half-written; then, with a polling interval far too long
 * to matter, a webhook push reaches a defined domain within seconds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../controller/types/resources.js';
import { startGitServer, type GitServer } from '../testbed/git-server.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import type { TestbedHost } from '../testbed/testbed.js';
import { createControllerLog, spawnController, writeControllerConfig, type ControllerLog, type ControllerProcess } from './controller-harness.js';
import { createFleetProbe, manifestFile, vmManifest, type FleetProbe } from './fleet-probe.js';

const testbed = injectTestbed();
const hosts = testbed.hosts.slice(0, 3) as [TestbedHost, TestbedHost, TestbedHost];
const [hv1] = hosts;
const REPO = 'fleet-restart';
const PREFIX = 'rst-';
const GIT_USER = { username: 'gitvirt-ci', password: 'restart-e2e-password' };
const WEBHOOK_SECRET = 'restart-e2e-webhook-secret';
/** Long enough that only the start of the process and the webhook start cycles during the test. */
const INTERVAL_S = 600;
/** Bound on push-to-domain-defined through the webhook on this (slow, TCG-only) machine. */
const WEBHOOK_BOUND_MS = 10_000;
const log = (text: string) => process.stderr.write(`controller restart e2e: ${text}\n`);

/** Two VMs per host, one running and one halted, each with a cloud-init seed. */
const fleet: VirtualMachine[] = hosts.flatMap((h) => [
  vmManifest(`${PREFIX}run-${h.name}`, h, { cloudInit: { hostname: `${PREFIX}run-${h.name}` } }),
  vmManifest(`${PREFIX}cold-${h.name}`, h, { runStrategy: 'Halted', cloudInit: { hostname: `${PREFIX}cold-${h.name}` } }),
]);
const hostOf = (vm: VirtualMachine) => testbed.host(vm.spec.placement.host!);

describe('gitvirt run killed mid-apply, started again; webhook latency', () => {
  let work: string;
  let git: GitServer;
  let probe: FleetProbe;
  const processes: ControllerProcess[] = [];
  let ctl: ControllerLog;
  let revision: string;

  const start = (): ControllerProcess => {
    ctl = createControllerLog();
    const proc = spawnController({ work, log: ctl });
    processes.push(proc);
    void proc.exited.then(({ code, signal }) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0) ctl.failure = `exited with ${code ?? signal}: ${proc.stderr()}`;
    });
    return proc;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gitvirt-restart-e2e-'));
    git = await startGitServer({ auth: GIT_USER });
    const { metricsUrl } = await writeControllerConfig({
      work, gitUrl: git.url(REPO), git: GIT_USER, webhookSecret: WEBHOOK_SECRET, identityFile: testbed.state.clientKeyPath, intervalSeconds: INTERVAL_S,
    });
    probe = createFleetProbe({ testbed, git, repo: REPO, metricsUrl, webhookSecret: WEBHOOK_SECRET });
    await probe.removeDomains(hosts, PREFIX);
    await git.createRepo(REPO, { files: Object.fromEntries(hosts.map((h) => manifestFile(testbed.hostManifest(h)))), message: 'three hosts' });
  }, 120_000);

  afterAll(async () => {
    for (const proc of processes) {
      proc.kill('SIGKILL');
      await proc.exited;
    }
    await probe?.removeDomains(hosts, PREFIX);
    await git?.stop();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('converges after a SIGKILL in the middle of an apply: nothing lost, duplicated, orphaned or half-written', async () => {
    const first = start();
    await ctl.cycleAfter(0, (l) => l['outcome'] === 'converged');
    const mark = ctl.lines.length;
    revision = await git.commit(REPO, { files: Object.fromEntries(fleet.map(manifestFile)), message: `${fleet.length} VMs over three hosts` });
    await probe.pushHook(revision);
    await ctl.waitFor(mark, (l) => l.msg === 'action applied' && l['revision'] === revision);
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const killedLog = ctl;
    const applied = ctl.linesOf('action applied', mark).length;
    log(`killed after ${applied} applied action(s)`);
    expect(ctl.linesOf('cycle finished', mark)).toEqual([]);

    const second = start();
    const { line } = await ctl.cycleAfter(0, (l) => l['revision'] === revision);
    log(`after the restart: ${String(line['outcome'])} with ${String(line['changes'])} change(s) in ${String(line['durationMs'])} ms`);
    expect(line).toMatchObject({ outcome: 'converged', lastAppliedRevision: revision });
    expect(ctl.linesOf('action failed')).toEqual([]);
    expect(second.stderr()).toBe('');

    for (const host of hosts) {
      const mine = fleet.filter((vm) => hostOf(vm) === host);
      const defined = (await probe.domains(host)).filter((name) => name.startsWith(PREFIX)).sort();
      expect(defined).toEqual(mine.map((vm) => vm.metadata.name).sort());
      for (const vm of mine) expect(await probe.domState(host, vm.metadata.name)).toBe(vm.spec.runStrategy === 'Halted' ? 'shut off' : 'running');
      const files = (await probe.poolFiles(host)).filter((f) => f.includes(PREFIX));
      expect(files.filter((f) => f.startsWith('.') || f.includes('.tmp-') || f.endsWith('.part'))).toEqual([]);
      for (const vm of mine) {
        const name = vm.metadata.name;
        expect(files.filter((f) => f.startsWith(`${name}-root.`))).toHaveLength(1);
        expect(files.filter((f) => new RegExp(`^${name}-seed-[0-9a-f]{12}\\.iso$`).test(f))).toHaveLength(1);
      }
      expect(files).toHaveLength(mine.length * 2);
    }

    expect(await git.git(REPO, ['fsck', '--no-dangling'])).toBe('');
    const tip = await git.git(REPO, ['log', '-1', '--format=%B', 'gitvirt/status']);
    expect(tip).toContain(`Gitvirt-Source-Revision: ${revision}`);
    for (const vm of fleet) {
      const doc = await probe.statusDoc(`status/VirtualMachine/${vm.metadata.name}.yaml`);
      expect(doc.status).toMatchObject({ host: hostOf(vm).name, observedRevision: revision });
      expect(doc.conditions['Ready']).toMatchObject({ status: 'True' });
    }
    for (const host of hosts) expect((await probe.statusDoc(`hosts/${host.name}.yaml`)).status).toMatchObject({ reachable: true });
    const note = await probe.noteOf(revision);
    expect(note.revision).toBe(revision);
    // Each domain was defined exactly once: by the killed process or, in the note, by the restarted one.
    const definedBefore = killedLog.linesOf('action applied', mark).filter((l) => l['action'] === 'domain.define').map((l) => String(l['target']));
    const definedAfter = note.applies.flatMap((a) => a.changes).filter((c) => c.action === 'domain.define' && c.result === 'created').map((c) => c.target);
    expect([...definedBefore, ...definedAfter].sort()).toEqual(fleet.map((vm) => vm.metadata.name).sort());
    for (const host of hosts) expect(note.applies.at(-1)?.hosts[host.name]?.result).toBe('ok');
    expect(await probe.metric(`gitvirt_applied_revision_info{revision="${revision}"}`)).toBe(1);
  });

  it('defines the domain of a pushed VM within seconds of the push, through the webhook', async () => {
    const name = `${PREFIX}hook-${hv1.name}`;
    const idle = ctl.lines.length;
    const pushedAt = Date.now();
    const pushed = await git.commit(REPO, { files: Object.fromEntries([manifestFile(vmManifest(name, hv1, { runStrategy: 'Halted' }))]), message: `add ${name}` });
    const pushReturned = Date.now();
    const answer = await probe.pushHook(pushed);
    expect(answer.status).toBe(200);
    let elapsed = -1;
    while (Date.now() - pushReturned < 60_000) {
      if ((await probe.domains(hv1)).includes(name)) {
        elapsed = Date.now() - pushReturned;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(`push (commit took ${pushReturned - pushedAt} ms) to domain defined on ${hv1.name}: ${elapsed} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(elapsed).toBeLessThan(WEBHOOK_BOUND_MS);
    const { line } = await ctl.cycleAfter(idle, (l) => l['revision'] === pushed);
    expect(line).toMatchObject({ wake: 'trigger', outcome: 'converged' });
  });

  it('stops on SIGTERM with exit status 0', async () => {
    const proc = processes.at(-1)!;
    proc.kill('SIGTERM');
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(ctl.lines.at(-1)).toMatchObject({ msg: 'controller stopped' });
  });
});
