/**
 * The controller end to end, as users run it: `gitvirt run --config <file>` in-process, following a
 * repository on the real git server over HTTP (basic auth from files), reaching the testbed hosts
 * over real SSH, pushing status and notes back to the same repository, and serving /metrics and
 * the webhook. One flow, each step building on the one before:
 *
 *   first revision applied (a VM on hv1, a halted one on hv2, one Host that refuses connections) →
 *   drift by hand put back within one cycle → a webhook push starts a cycle at once → an invalid
 *   revision stalls without touching what runs → removing the VM deletes it → shutdown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Host } from '../../controller/types/resources.js';
import { startGitServer, type GitServer } from '../testbed/git-server.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import type { TestbedHost } from '../testbed/testbed.js';
import { createControllerLog, startControllerInProcess, writeControllerConfig, type InProcessController, type LogLine } from './controller-harness.js';
import { createFleetProbe, manifestFile as file, vmManifest as vm, type FleetProbe } from './fleet-probe.js';

const testbed = injectTestbed();
const [hv1, hv2] = testbed.hosts as [TestbedHost, TestbedHost];
const REPO = 'fleet';
const GIT_USER = { username: 'gitvirt-ci', password: 'controller-e2e-password' };
const WEBHOOK_SECRET = 'controller-e2e-webhook-secret';
const INTERVAL_S = 5;
const log = (text: string) => process.stderr.write(`controller e2e: ${text}\n`);

/** A Host that refuses connections (hv1's address, a port nothing listens on). */
function goneHost(): Host {
  const manifest = testbed.hostManifest(hv1);
  return { ...manifest, metadata: { name: 'hv-gone' }, spec: { ...manifest.spec, port: 2222 } };
}

describe('gitvirt run on the testbed', () => {
  let work: string;
  let git: GitServer;
  let metricsUrl: string;
  let probe: FleetProbe;
  let controller: InProcessController | undefined;
  const ctl = createControllerLog();
  const lines = ctl.lines;
  const revisions: Record<string, string> = {};

  const linesOf = ctl.linesOf;
  const cycleAfter = (from: number, accept: (line: LogLine) => boolean) => ctl.cycleAfter(from, accept);
  const metric = (series: string) => probe.metric(series);
  const statusDoc = (path: string) => probe.statusDoc(path);
  const noteOf = (revision: string) => probe.noteOf(revision);
  const pushHook = (after: string) => probe.pushHook(after);
  const domains = (host: TestbedHost) => probe.domains(host);
  const domState = (host: TestbedHost, name: string) => probe.domState(host, name);
  const virsh = (host: TestbedHost, ...args: string[]) => probe.virsh(host, ...args);
  /** The memory of the domain's definition, in KiB (`currentMemory` of the inactive XML). */
  const definedMemoryKiB = async (host: TestbedHost, name: string) => Number(/<currentMemory unit='KiB'>(\d+)</.exec(await virsh(host, 'dumpxml', '--inactive', name))?.[1]);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gitvirt-controller-e2e-'));
    git = await startGitServer({ auth: GIT_USER });
    ({ metricsUrl } = await writeControllerConfig({
      work, gitUrl: git.url(REPO), git: GIT_USER, webhookSecret: WEBHOOK_SECRET, identityFile: testbed.state.clientKeyPath, intervalSeconds: INTERVAL_S,
    }));
    probe = createFleetProbe({ testbed, git, repo: REPO, metricsUrl, webhookSecret: WEBHOOK_SECRET });
    await probe.removeDomains(testbed.hosts, 'ctl-');
    const hosts = [...testbed.hosts.map((h) => testbed.hostManifest(h)), goneHost()];
    const created = await git.createRepo(REPO, {
      files: Object.fromEntries([...hosts, vm('ctl-web', hv1), vm('ctl-db', hv2, { runStrategy: 'Halted' })].map(file)),
      message: 'hosts, ctl-web on hv1 and ctl-db (halted) on hv2',
    });
    revisions['first'] = created.commit!;
    controller = startControllerInProcess({ work, log: ctl });
  }, 120_000);

  afterAll(async () => {
    await controller?.stop().catch(() => undefined);
    await probe?.removeDomains(testbed.hosts, 'ctl-');
    await git?.stop();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('applies the first revision: the VM runs on its host, status and a note name the revision, /metrics shows the cycle', async () => {
    const first = revisions['first']!;
    const { line } = await cycleAfter(0, (l) => l['revision'] === first);
    log(`first cycle: ${String(line['outcome'])} in ${String(line['durationMs'])} ms: ${String(line['message'])}`);
    expect(line).toMatchObject({ level: 'warn', outcome: 'degraded', reason: 'HostUnreachable', revision: first });
    expect(String(line['message'])).toContain('unreachable: hv-gone');

    expect(await domains(hv1)).toContain('ctl-web');
    expect(await domState(hv1, 'ctl-web')).toBe('running');
    expect(await domains(hv2)).toContain('ctl-db');
    expect(await domState(hv2, 'ctl-db')).toBe('shut off');
    expect(await domains(hv2)).not.toContain('ctl-web');
    expect(linesOf('host unreachable').some((l) => l['host'] === 'hv-gone')).toBe(true);

    const statusLog = await git.git(REPO, ['log', '--format=%B', 'gitvirt/status']);
    expect(statusLog).toContain(`Gitvirt-Source-Revision: ${first}`);
    const web = await statusDoc('status/VirtualMachine/ctl-web.yaml');
    expect(web.conditions['Ready']).toMatchObject({ status: 'True', reason: 'Applied' });
    expect(web.status).toMatchObject({ host: 'hv1', observedRevision: first });
    expect((await statusDoc('hosts/hv-gone.yaml')).status).toMatchObject({ reachable: false });
    const note = await noteOf(first);
    expect(note.revision).toBe(first);
    expect(note.applies[0]?.changes).toContainEqual(expect.objectContaining({ host: 'hv1', action: 'domain.define', target: 'ctl-web' }));
    expect(note.applies[0]?.hosts['hv-gone']?.result).toBe('unreachable');

    expect(await metric('gitvirt_cycles_total{outcome="degraded"}')).toBeGreaterThanOrEqual(1);
    expect(await metric(`gitvirt_applied_revision_info{revision="${first}"}`)).toBe(1);
    expect(await metric('gitvirt_host_up{host="hv1"}')).toBe(1);
    expect(await metric('gitvirt_host_up{host="hv-gone"}')).toBe(0);
    expect(await metric('gitvirt_changes_total{host="hv1",kind="domain",action="created"}')).toBeGreaterThanOrEqual(1);
    expect(await metric('gitvirt_manifests_valid')).toBe(1);
    expect((await fetch(`${metricsUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${metricsUrl}/healthz`)).status).toBe(200);

    const quiet = await cycleAfter(linesOf('cycle finished').length === 0 ? 0 : lines.length, () => true);
    expect(quiet.line['changes']).toBe(0);
    expect(await metric('gitvirt_last_cycle_changes{host="hv1"}')).toBe(0);
  });

  it('puts a domain changed by hand back within one cycle, and counts the drift', async () => {
    const before = (await metric('gitvirt_drift_detected_total{host="hv1",kind="domain"}')) ?? 0;
    expect(await definedMemoryKiB(hv1, 'ctl-web')).toBe(96 * 1024);
    // Right after a cycle, while the controller waits for the next one.
    const waiting = await cycleAfter(lines.length, () => true);
    await virsh(hv1, 'setmem', 'ctl-web', String(160 * 1024), '--config');
    expect(await definedMemoryKiB(hv1, 'ctl-web')).toBe(160 * 1024);
    const mark = waiting.index + 1;
    const { line, index } = await cycleAfter(mark, () => true);
    expect(line['changes']).toBeGreaterThanOrEqual(1);
    const corrected = linesOf('drift corrected', mark).filter((l, i) => mark + i <= index);
    expect(corrected.some((l) => l['host'] === 'hv1' && l['target'] === 'ctl-web')).toBe(true);
    expect(await definedMemoryKiB(hv1, 'ctl-web')).toBe(96 * 1024);
    expect(await metric('gitvirt_drift_detected_total{host="hv1",kind="domain"}')).toBeGreaterThan(before);
  });

  it('starts a cycle at once on a webhook push', async () => {
    const waiting = await cycleAfter(lines.length, () => true);
    const sent = Date.now();
    const res = await pushHook(revisions['first']!);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: 'triggered', message: 'sync triggered' });
    const { line } = await cycleAfter(waiting.index + 1, () => true);
    expect(line['wake']).toBe('trigger');
    expect(Date.now() - sent).toBeLessThan(INTERVAL_S * 1000);
    expect(linesOf('webhook push received').length).toBeGreaterThanOrEqual(1);
    expect(await metric('gitvirt_webhook_requests_total{result="triggered"}')).toBeGreaterThanOrEqual(1);
    const refused = await fetch(`${metricsUrl}/webhook`, { method: 'POST', headers: { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'wrong-token-value' }, body: '{}' });
    expect(refused.status).toBe(401);
  });

  it('stalls on an invalid revision without touching what runs, and says why in status', async () => {
    const invalid = await git.commit(REPO, {
      files: { 'vms/ctl-web.yaml': stringify({ ...vm('ctl-web', hv1), spec: { ...vm('ctl-web', hv1).spec, memoryMiB: 'lots' } }) },
      message: 'ctl-web: a typo',
    });
    revisions['invalid'] = invalid;
    await pushHook(invalid);
    const { line } = await cycleAfter(0, (l) => l['revision'] === invalid);
    expect(line).toMatchObject({ level: 'error', outcome: 'stalled', condition: 'Stalled', reason: 'ValidationFailed' });
    expect(String(line['message'])).toMatch(/vms\/ctl-web\.yaml:\d+:\d+ \/spec\/memoryMiB: error:/);
    expect(linesOf('manifest error').some((l) => l['revision'] === invalid && l['file'] === 'vms/ctl-web.yaml')).toBe(true);

    expect(await domState(hv1, 'ctl-web')).toBe('running');
    expect(await domains(hv2)).toContain('ctl-db');
    const statusLog = await git.git(REPO, ['log', '-1', '--format=%B', 'gitvirt/status']);
    expect(statusLog).toContain(`Gitvirt-Source-Revision: ${invalid}`);
    const web = await statusDoc('status/VirtualMachine/ctl-web.yaml');
    expect(web.conditions['Stalled']).toMatchObject({ status: 'True', reason: 'InvalidManifests' });
    expect(web.conditions['Ready']).toMatchObject({ status: 'False', reason: 'InvalidManifests' });
    expect(web.conditions['Stalled']?.message).toMatch(/^vms\/ctl-web\.yaml:\d+:\d+ \/spec\/memoryMiB: /);
    expect(web.status).toMatchObject({ host: 'hv1', observedRevision: invalid });
    expect(await metric('gitvirt_manifests_valid')).toBe(0);
    expect(await metric(`gitvirt_applied_revision_info{revision="${revisions['first']}"}`)).toBe(1);
    expect(await metric('gitvirt_cycles_total{outcome="stalled"}')).toBeGreaterThanOrEqual(1);
  });

  it('deletes the domain when its VM leaves the repository, and records it', async () => {
    const removal = await git.commit(REPO, { remove: ['vms/ctl-web.yaml'], message: 'remove ctl-web' });
    revisions['removal'] = removal;
    await pushHook(removal);
    const { line } = await cycleAfter(0, (l) => l['revision'] === removal);
    expect(line).toMatchObject({ outcome: 'degraded', reason: 'HostUnreachable', lastAppliedRevision: removal });
    expect(await domains(hv1)).not.toContain('ctl-web');
    expect(await domains(hv2)).toContain('ctl-db');
    expect(linesOf('action applied').some((l) => l['revision'] === removal && l['action'] === 'domain.delete' && l['target'] === 'ctl-web')).toBe(true);
    const note = await noteOf(removal);
    expect(note.applies.at(-1)?.changes).toContainEqual(expect.objectContaining({ host: 'hv1', action: 'domain.delete', target: 'ctl-web', result: 'deleted' }));
    const statusLog = await git.git(REPO, ['log', '-1', '--format=%B', 'gitvirt/status']);
    expect(statusLog).toContain(`Gitvirt-Source-Revision: ${removal}`);
    expect(await metric('gitvirt_changes_total{host="hv1",kind="domain",action="deleted"}')).toBeGreaterThanOrEqual(1);
    expect(await metric('gitvirt_manifests_valid')).toBe(1);
    expect(await metric(`gitvirt_applied_revision_info{revision="${removal}"}`)).toBe(1);
  });

  it('stops on the signal and exits 0, leaving no half-written status', async () => {
    const started = Date.now();
    expect(await controller!.stop()).toBe(0);
    log(`stopped in ${Date.now() - started} ms`);
    expect(ctl.failure).toBe('');
    expect(lines.at(-1)).toMatchObject({ msg: 'controller stopped' });
    expect(await git.git(REPO, ['fsck', '--no-dangling'])).toBe('');
    const tip = await git.git(REPO, ['log', '-1', '--format=%B', 'gitvirt/status']);
    expect(tip).toMatch(/Gitvirt-Source-Revision: [0-9a-f]{40}/);
    await expect(fetch(`${metricsUrl}/healthz`)).rejects.toThrow();
  });
});
