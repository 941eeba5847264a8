/**
 * Rolling updates of a cluster on the real testbed, with the booting test guest.
 *
 * The cycle of the controller is run here step by step (read → observe → compute the plan → probe
 * the members from their hosts and gate the plan → apply → status), repeatedly until the rollout
 * settles, while a sampler GETs every member's /health from its host about once a second and
 * records who was down when. The cluster is 2 zones x 2 replicas, `web-<zone>-<n>`: zone-a (hv1,
 * hv3) is the standby zone, zone-b (hv2, hv4) the active one, and the cluster's anti-affinity
 * allows no two members on one host. Zones are listed active first, so that updating the standby
 * zone first is the rule at work, not the list order.
 *
 * One flow, each `it` building on the one before: create → roll a template change (forgetting the
 * gate's memory halfway, as a restarted controller would) → roll a bad one, which stalls and is
 * reported in the plan, the Cluster's status and the metrics.
 * With GITVIRT_CAPTURE_HEALTH_FIXTURES=1 the `virsh domifaddr` output of a member is recorded into
 * test/fixtures/health/ for the unit tests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../controller/apply/index.js';
import { parseDomifaddr } from '../../controller/health/index.js';
import { createHostClient } from '../../controller/libvirt/index.js';
import { buildPlanReport } from '../../controller/cli/format/plan-report.js';
import { formatPlanText } from '../../controller/cli/format/plan-text.js';
import { readRepo } from '../../controller/manifests/index.js';
import { rolloutMetrics } from '../../controller/metrics/index.js';
import { summarizePlan } from '../../controller/plan/index.js';
import { computePlan, hostTargets, observeHosts, openHostClients } from '../../controller/reconcile/index.js';
import { planWithRollouts, type RolloutState, type RolloutStatus } from '../../controller/rollout/index.js';
import { computeStatus, type ResourceStatus } from '../../controller/status/index.js';
import { createSshTransport } from '../../controller/transport/index.js';
import type { Plan } from '../../controller/types/plan.js';
import type { Cluster, ClusterSpec, Resource } from '../../controller/types/resources.js';
import { natNetwork, writeRepo } from '../fixtures/engine/scenario.js';
import { buildGuest } from '../testbed/guest/guest.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import { emptyHost, removeScenario } from './host-cleanup.js';
import type { TestbedHost } from '../testbed/testbed.js';

const testbed = injectTestbed();
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const POOL_DIR = '/var/lib/libvirt/images/gitvirt';
const MEMBERS = ['web-zone-a-0', 'web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'] as const;
const ACTIVE = ['web-zone-b-0', 'web-zone-b-1'] as const;
const CAPTURE = process.env['GITVIRT_CAPTURE_HEALTH_FIXTURES'] === '1';
/** Pause between two cycles of the controller. */
const CYCLE_PAUSE_MS = 2_000;
const log = (text: string) => process.stderr.write(`cluster e2e: ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const virsh = async (host: TestbedHost | string, ...args: string[]) => (await testbed.run(host, [...VIRSH, ...args], { timeoutMs: 60_000 })).stdout;

/** What one cycle did. */
interface CycleRecord {
  /** When the gated plan was ready, just before apply ran it. */
  at: number;
  rollout: RolloutStatus;
  /** Members whose actions ran in this cycle, and whose were held. */
  released: string[];
  held: string[];
  /** Members whose domain was not running when observed. */
  notRunning: string[];
  /** The gated plan that ran, as `gitvirt plan` prints it. */
  plan: Plan;
  planText: string;
  /** The `status` of the Cluster's status document after the cycle. */
  status: ResourceStatus;
}

/** One sampler round: who did not answer /health. */
interface Sample {
  at: number;
  down: string[];
}

describe('cluster rolling update on the testbed', () => {
  const transport = createSshTransport({ privateKeyPath: testbed.state.clientKeyPath });
  let work: string;
  let repo: string;
  let guest: { kernel: string; initrd: string; cmdline: string };
  let state: RolloutState | undefined;
  /** Member → host and address, once created. */
  const where = new Map<string, { host: string; ip: string }>();
  /** Spec hash of each member's domain after the good rollout. */
  const hashes = new Map<string, string>();

  const cluster = (cmdline: string, strategy: ClusterSpec['updateStrategy'] = {}): Cluster => ({
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'Cluster', metadata: { name: 'web' },
    spec: {
      template: {
        spec: {
          cpus: 1, memoryMiB: 128, domainType: 'qemu', shutdownTimeoutSeconds: 20,
          interfaces: [{ network: 'gvnet' }],
          cloudInit: {},
          boot: { kernel: guest.kernel, initrd: guest.initrd, cmdline },
          health: { http: { port: 80, path: '/health' }, timeoutSeconds: 3 },
        },
      },
      zones: [{ name: 'zone-b', replicas: 2, role: 'active' }, { name: 'zone-a', replicas: 2, role: 'standby' }],
      antiAffinity: 'required',
      updateStrategy: { maxUnavailable: 1, healthTimeoutSeconds: 180, ...strategy },
    },
  });
  const repoWith = (theCluster: Cluster): Resource[] => [...testbed.hosts.map((h) => testbed.hostManifest(h)), natNetwork(), theCluster];

  /** One cycle of the controller: read, observe, plan, probe and gate, apply, status. */
  async function cycle(): Promise<CycleRecord> {
    const validation = await readRepo({ dir: repo });
    expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const resources = validation.manifests.map((m) => m.resource);
    const targets = hostTargets(resources);
    const clients = openHostClients({ transport, targets, createClient: createHostClient });
    try {
      const observed = await observeHosts({ targets, connect: clients.connect });
      for (const [host, observation] of Object.entries(observed)) expect(observation.ok, `${host}: ${observation.ok ? '' : observation.error}`).toBe(true);
      const computed = computePlan({ manifests: validation.manifests, revision: 'e2e', observed });
      expect(computed.desired.unplaced).toEqual([]);
      const gated = await planWithRollouts({
        resources, computed, observed, connect: (target, options) => transport.connect(target, options), ...(state === undefined ? {} : { previous: state }),
      });
      state = gated.state;
      const rollout = gated.rollouts[0]!;
      const notRunning = Object.values(observed).flatMap((o) => (o.ok ? o.live.domains : []))
        .filter((d) => MEMBERS.includes(d.name as (typeof MEMBERS)[number]) && d.state !== 'running').map((d) => d.name);
      const at = Date.now();
      const changeSet = await applyPlan({ plan: gated.plan, clientFor: (host) => clients.clientFor(host) });
      const failed = changeSet.entries.filter((entry) => entry.result === 'failed');
      expect(failed.map((entry) => `${entry.host} ${entry.kind} ${entry.owner.name}: ${entry.error?.message}`)).toEqual([]);
      const plan = { ...computed, plan: gated.plan, summary: summarizePlan(gated.plan) };
      const planText = formatPlanText(buildPlanReport({ outcome: 'applied', revision: 'e2e', diagnostics: [], observed, computed: plan }));
      const snapshot = computeStatus({
        revision: 'e2e', validation: { diagnostics: [], manifests: validation.manifests }, desired: computed.desired, observed,
        plan: gated.plan, changeSet, rollouts: gated.rollouts, now: new Date(),
      });
      const status = snapshot.resources.get('status/Cluster/web.yaml')!.status;
      const record = { at, rollout, released: rollout.released, held: gated.held.map((h) => h.member), notRunning, plan: gated.plan, planText, status };
      log(`${rollout.phase}/${rollout.reason}: ${rollout.message}`);
      return record;
    } finally {
      await clients.close();
    }
  }

  /** Runs cycles until `done` says so (or the time is up), returning every cycle's record. */
  async function cycleUntil(done: (record: CycleRecord) => boolean, timeoutMs: number): Promise<CycleRecord[]> {
    const records: CycleRecord[] = [];
    const started = Date.now();
    for (;;) {
      const record = await cycle();
      records.push(record);
      if (done(record)) return records;
      if (Date.now() - started > timeoutMs) throw new Error(`not settled after ${timeoutMs} ms: ${record.rollout.message}`);
      await sleep(CYCLE_PAUSE_MS);
    }
  }

  /** GET /health of a member from its host (curl, at most 3 s), true when it answered 200 on `port`. */
  async function serves(member: string, port = 80): Promise<boolean> {
    const at = where.get(member);
    if (at === undefined) return false;
    const result = await testbed.run(at.host, ['curl', '-s', '-m', '3', '-o', '/dev/null', '-w', '%{http_code}', `http://${at.ip}:${port}/health`], {
      allowFailure: true, timeoutMs: 10_000,
    });
    return result.stdout.trim() === '200';
  }

  /** Samples every member's /health about once a second until stopped. */
  function startSampler(): { stop: () => Promise<Sample[]> } {
    const samples: Sample[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const at = Date.now();
        const answers = await Promise.all(MEMBERS.map(async (m) => [m, await serves(m)] as const));
        samples.push({ at, down: answers.filter(([, up]) => !up).map(([m]) => m) });
        await sleep(Math.max(0, 1_000 - (Date.now() - at)));
      }
    })();
    return { stop: async () => ((running = false), await loop, samples) };
  }

  /** The spec hash recorded in a member's domain on its host. */
  async function liveHash(member: string): Promise<string> {
    const xml = await virsh(where.get(member)!.host, 'dumpxml', '--inactive', member);
    return /specHash="([0-9a-f]+)"/.exec(xml)?.[1] ?? '';
  }

  beforeAll(async () => {
    const artifacts = await buildGuest();
    guest = { kernel: artifacts.kernelElf.path, initrd: artifacts.initrd.path, cmdline: artifacts.cmdline };
    for (const host of testbed.hosts) await emptyHost(testbed, host);
    work = await mkdtemp(join(tmpdir(), 'gitvirt-cluster-e2e-'));
    repo = join(work, 'repo');
  }, 300_000);

  afterAll(async () => {
    await transport.close();
    for (const host of testbed.hosts) {
      await removeScenario(testbed, host, { domains: MEMBERS, networks: ['gvnet'] });
    }
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 180_000);

  it('creates the cluster of 2 zones x 2 replicas with no two members on one host, all booted and healthy', async () => {
    const started = Date.now();
    await writeRepo(repo, repoWith(cluster(guest.cmdline)));
    const records = await cycleUntil((r) => r.rollout.phase === 'Complete', 300_000);
    expect(records[0]!.held).toEqual([]); // creation is not gated
    const last = records.at(-1)!;
    expect(last.rollout).toMatchObject({ phase: 'Complete', updated: 4, ready: 4, total: 4 });
    const hostOf = Object.fromEntries(last.rollout.members.map((m) => [m.name, m.host]));
    expect(new Set(Object.values(hostOf)).size).toBe(4);
    expect([hostOf['web-zone-a-0'], hostOf['web-zone-a-1']].sort()).toEqual(['hv1', 'hv3']);
    expect([hostOf['web-zone-b-0'], hostOf['web-zone-b-1']].sort()).toEqual(['hv2', 'hv4']);
    const ready = last.status.conditions.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', message: '4/4 members ready' });
    expect(last.status.rollout).toMatchObject({ phase: 'Complete', updated: 4, ready: 4, total: 4 });
    for (const member of MEMBERS) {
      const host = hostOf[member]!;
      expect((await virsh(host, 'domstate', member)).trim()).toBe('running');
      const table = await virsh(host, 'domifaddr', '--domain', member, '--source', 'lease');
      if (CAPTURE && member === 'web-zone-a-0') await writeFile(new URL('../fixtures/health/domifaddr-lease.txt', import.meta.url), table);
      const ip = parseDomifaddr(table).find((row) => row.protocol === 'ipv4')?.address;
      expect(ip, table).toBeDefined();
      where.set(member, { host, ip: ip! });
      const hostname = await testbed.run(host, ['curl', '-s', '-m', '5', `http://${ip}/hostname`], { allowFailure: true });
      expect(hostname.stdout.trim()).toBe(member);
    }
    log(`members: ${[...where].map(([m, w]) => `${m}@${w.host}/${w.ip}`).join(', ')}; created in ${Date.now() - started} ms, ${records.length} cycles`);
  }, 600_000);

  it('rolls a template change standby zone first, one member at a time, the active zone serving until its turn, across a restart', async () => {
    const started = Date.now();
    const before = new Map(await Promise.all(MEMBERS.map(async (m) => [m, await liveHash(m)] as const)));
    await writeRepo(repo, repoWith(cluster(`${guest.cmdline} gitvirt.rollout=2`)));
    const sampler = startSampler();
    let records: CycleRecord[] = [];
    let samples: Sample[] = [];
    try {
      let restarted = false;
      records = await cycleUntil((r) => {
        if (!restarted && r.released.includes('web-zone-a-1')) {
          // A controller restart in the middle of the standby zone: all it remembered is gone.
          restarted = true;
          state = undefined;
          log('controller state forgotten (restart)');
        }
        return r.rollout.phase === 'Complete';
      }, 600_000);
    } finally {
      samples = await sampler.stop();
    }
    const releases = records.flatMap((r) => r.released.map((member) => ({ member, at: r.at })));
    log(`released in order: ${releases.map((r) => r.member).join(', ')}; ${samples.length} samples, ${records.length} cycles, ${Date.now() - started} ms`);
    log(`down samples: ${samples.filter((s) => s.down.length > 0).map((s) => s.down.join('+')).join(' ')}`);

    // Order: the standby zone's members, then the active zone's, one at a time (maxUnavailable 1).
    expect(releases.map((r) => r.member)).toEqual(['web-zone-a-0', 'web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1']);
    expect(records.every((r) => r.released.length <= 1)).toBe(true);
    // Never more than maxUnavailable (1) members down at once: by the sampler and by the domains' states.
    expect(samples.filter((s) => s.down.length > 1)).toEqual([]);
    expect(records.filter((r) => r.notRunning.length > 1)).toEqual([]);
    // Each member was down at some point (so the sampler saw the restarts), one after the other.
    for (const member of MEMBERS) expect(samples.some((s) => s.down.includes(member)), member).toBe(true);
    // The active zone served /health at every sample that ended before its turn came (a GET takes at most 3 s),
    // and each active member until its own turn.
    const turn = (member: string) => releases.find((r) => r.member === member)!.at;
    const beforeActiveTurn = samples.filter((s) => s.at + 4_000 < turn('web-zone-b-0'));
    expect(beforeActiveTurn.filter((s) => ACTIVE.some((m) => s.down.includes(m)))).toEqual([]);
    expect(beforeActiveTurn.filter((s) => s.down.length > 0).length).toBeGreaterThan(0); // the standby zone was down meanwhile
    expect(samples.filter((s) => s.at + 4_000 < turn('web-zone-b-1') && s.down.includes('web-zone-b-1'))).toEqual([]);
    // While the standby zone rolled, the plan showed the members it held back, and the Cluster was RollingUpdate.
    const first = records.find((r) => r.released.includes('web-zone-a-0'))!;
    expect(first.planText).toMatch(/VirtualMachine web-zone-b-0: RolloutPending: domain\.restart of web-zone-b-0 waits for zone zone-a of cluster web to finish/);
    expect(first.plan.hosts.flatMap((h) => h.skipped.map((k) => `${k.reason} ${k.owner.name}`)).sort())
      .toEqual(['RolloutPending web-zone-a-1', 'RolloutPending web-zone-b-0', 'RolloutPending web-zone-b-1']);
    expect(first.status.conditions.find((c) => c.type === 'Reconciling')).toMatchObject({ status: 'True', reason: 'RollingUpdate' });
    expect(first.status.rollout).toMatchObject({ phase: 'Progressing', zone: 'zone-a', released: ['web-zone-a-0'], total: 4 });
    // Every member now runs the new spec and serves.
    for (const member of MEMBERS) {
      const hash = await liveHash(member);
      expect(hash).not.toBe(before.get(member));
      hashes.set(member, hash);
      expect(await serves(member)).toBe(true);
    }
  }, 900_000);

  it('stops after the first member when the new template makes members unhealthy, leaves the others untouched, and reports it', async () => {
    const started = Date.now();
    await writeRepo(repo, repoWith(cluster(`${guest.cmdline} gitvirt.rollout=3 gitvirt.port=8080`, { healthTimeoutSeconds: 45 })));
    const records = await cycleUntil((r) => r.rollout.phase === 'Stalled', 400_000);
    const last = records.at(-1)!;
    const stalled = last.rollout;
    const others = ['web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'];
    expect(records.flatMap((r) => r.released)).toEqual(['web-zone-a-0']);
    expect(stalled).toMatchObject({
      phase: 'Stalled', reason: 'HealthCheckTimeout', zone: 'zone-a', updated: 1, waiting: others,
      failed: { member: 'web-zone-a-0', host: where.get('web-zone-a-0')!.host },
    });
    expect(stalled.failed!.reason).toMatch(/^http GET http:\/\/[0-9.]+:80\/health failed: connection refused$/);
    expect(stalled.message).toMatch(/^web-zone-a-0 on hv[13] did not become healthy within 45 s: .*; rollout halted with 3 members left on the old spec$/);

    // Reported: the plan lists the held members, the Cluster's status is Stalled naming the member and why, metrics flag it.
    expect(last.plan.hosts.flatMap((h) => h.actions.filter((a) => a.owner.cluster === 'web' && a.kind.startsWith('domain.')))).toEqual([]);
    for (const member of others) {
      expect(last.planText).toContain(`VirtualMachine ${member}: RolloutPending: domain.restart of ${member} held: the rollout of cluster web is stalled (web-zone-a-0 is not healthy)`);
    }
    const condition = (type: string) => last.status.conditions.find((c) => c.type === type);
    expect(condition('Stalled')).toMatchObject({ status: 'True', reason: 'RolloutStalled', message: stalled.message });
    expect(condition('Ready')).toMatchObject({ status: 'False', reason: 'RolloutStalled' });
    expect(last.status.lastError).toMatchObject({ reason: 'RolloutStalled' });
    expect(last.status.rollout).toMatchObject({ phase: 'Stalled', waiting: others, failed: { member: 'web-zone-a-0' } });
    expect(rolloutMetrics(stalled)).toEqual({ cluster: 'web', members: { updated: 1, pending: 3, unavailable: 1 }, stalled: true });

    // More cycles change nothing: still stalled, nothing released.
    const more = [await cycle(), (await sleep(CYCLE_PAUSE_MS), await cycle())];
    expect(more.map((r) => [r.rollout.phase, r.released])).toEqual([['Stalled', []], ['Stalled', []]]);
    // The others are untouched: old spec, still serving; the failed member runs the new spec (on port 8080).
    for (const member of others) {
      expect(await liveHash(member)).toBe(hashes.get(member));
      expect(await serves(member)).toBe(true);
    }
    expect(await liveHash('web-zone-a-0')).not.toBe(hashes.get('web-zone-a-0'));
    expect(await serves('web-zone-a-0')).toBe(false);
    expect(await serves('web-zone-a-0', 8080)).toBe(true);
    log(`stalled and reported in ${Date.now() - started} ms, ${records.length} cycles`);
  }, 600_000);
});
