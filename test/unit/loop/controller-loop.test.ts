import { describe, expect, it } from 'vitest';
import { runController } from '../../../controller/reconcile/controller-loop.js';
import type { LoopConfig } from '../../../controller/reconcile/loop-types.js';
import { SourceFetchFailedError, createTrigger } from '../../../controller/source/index.js';
import { valueOf } from '../metrics/metric-values.js';
import { appliedResult, entry, invalidResult } from './cycle-fixtures.js';
import { loopWorld } from './loop-fakes.js';

const CONFIG: LoopConfig = { intervalMs: 60_000, concurrency: 3, safety: { maxDeletions: 5, maxUnreachableFraction: 0.5, allowEmpty: false } };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const applied = (revision: string) => appliedResult({ revision });

describe('controller loop', () => {
  it('runs each cycle as fetch → reconcile → status → metrics, then waits', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller }, applied);
    world.stopAfter(2);
    const summary = await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    const cycle = ['metrics:start', 'sync:aaaa', 'metrics:fetch:ok', 'reconcile:aaaa', 'status:converged', 'metrics:cycle:converged', 'wait'];
    expect(world.calls).toEqual([...cycle, ...cycle]);
    expect(summary).toMatchObject({ cycles: 2, lastAppliedRevision: A });
    const args = world.reconcileArgs[0]!;
    expect(args).toMatchObject({ dir: `/checkouts/${A}`, revision: A, apply: true, refuseOnBrake: false, concurrency: 3, policy: CONFIG.safety });
    expect(args.signal).toBe(controller.signal);
    expect(world.reports.map((r) => [r.cycle, r.wake, r.condition, r.reason])).toEqual([[1, 'start', 'Ready', 'ReconciliationSucceeded'], [2, 'interval', 'Ready', 'ReconciliationSucceeded']]);
    expect(await valueOf(world.metrics, 'gitvirt_cycles_total', { outcome: 'converged' })).toBe(2);
  });

  it('runs one cycle with once', async () => {
    const world = loopWorld({}, applied);
    const summary = await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(summary.cycles).toBe(1);
    expect(world.calls.filter((c) => c === 'wait')).toEqual([]);
  });

  it('keeps the last good revision when a fetch fails, and reconciles it', async () => {
    const controller = new AbortController();
    const failure = new SourceFetchFailedError({ url: 'https://git.example.com/f.git', reason: 'unreachable' });
    const world = loopWorld({ controller, syncs: [A, failure, B] }, applied);
    world.stopAfter(3);
    await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(world.calls.filter((c) => c.startsWith('reconcile'))).toEqual(['reconcile:aaaa', 'reconcile:aaaa', 'reconcile:bbbb']);
    const second = world.reports[1]!;
    expect(second.fetch).toMatchObject({ ok: false, reason: 'unreachable', error: { code: 'SourceFetchFailed' } });
    expect(second.outcome).toBe('converged');
    expect(second.message).toMatch(/fetch failed, kept the last good revision/);
    expect(await valueOf(world.metrics, 'gitvirt_git_fetch_failures_total', { reason: 'unreachable' })).toBe(1);
    expect(world.logs.find((l) => l['msg'] === 'source fetch failed')).toMatchObject({ level: 'error', revision: A, keptRevision: A, reason: 'unreachable' });
  });

  it('has nothing to reconcile until a first fetch succeeds', async () => {
    const world = loopWorld({ syncs: [new SourceFetchFailedError({ url: 'https://git.example.com/f.git', reason: 'auth' })] }, applied);
    const summary = await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(world.reconcileArgs).toHaveLength(0);
    expect(summary.lastReport).toMatchObject({ outcome: 'no-source', reason: 'SourceUnavailable', source: null });
    expect(summary.lastReport?.message).toMatch(/^nothing to reconcile yet: failed to fetch/);
  });

  it('stalls on an invalid revision, applies nothing of it, keeps the applied revision, and recovers on the next one', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, syncs: [A, B, B, C] }, (rev) => (rev === B ? invalidResult(B) : applied(rev)));
    world.stopAfter(4);
    await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(world.reports.map((r) => [r.outcome, r.condition, r.lastAppliedRevision?.[0]])).toEqual([
      ['converged', 'Ready', 'a'], ['stalled', 'Stalled', 'a'], ['stalled', 'Stalled', 'a'], ['converged', 'Ready', 'c'],
    ]);
    const stalled = world.reports[1]!;
    expect(stalled.reason).toBe('ValidationFailed');
    expect(stalled.message).toBe(`revision ${B.slice(0, 12)} not applied: vms/web.yaml:7:14 /spec/memoryMiB: error: must be an integer >= 64`);
    expect(world.logs.filter((l) => l['msg'] === 'manifest error')[0]).toMatchObject({ level: 'error', revision: B, file: 'vms/web.yaml', line: 7 });
    expect(await valueOf(world.metrics, 'gitvirt_manifests_valid')).toBe(1);
    expect(await valueOf(world.metrics, 'gitvirt_cycles_total', { outcome: 'stalled' })).toBe(2);
  });

  it('reports the brake in status, metrics and a loud log line, and still runs the rest', async () => {
    const brake = { code: 'TooManyHostsUnreachable' as const, message: '2 of 3 hosts are unreachable (limit 50%); deletions are held back until they answer' };
    const world = loopWorld({}, (rev) => appliedResult({ revision: rev, brake, hosts: { hv1: true, hv2: false, hv3: false }, entries: [entry('hv1', 'domain.start', 'configured')] }));
    const { lastReport } = await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(lastReport).toMatchObject({ outcome: 'degraded', reason: 'BrakeEngaged', brake });
    expect(world.reports[0]?.brake).toEqual(brake);
    const loud = world.logs.find((l) => String(l['msg']).startsWith('BRAKE ENGAGED'));
    expect(loud).toMatchObject({ level: 'error', brake: 'TooManyHostsUnreachable', revision: A });
    expect(await valueOf(world.metrics, 'gitvirt_brake_engaged', { reason: 'TooManyHostsUnreachable' })).toBe(1);
    expect(await valueOf(world.metrics, 'gitvirt_host_up', { host: 'hv2' })).toBe(0);
  });

  it('goes on after a failed status write and after a reconcile that throws', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, statusFails: true, reconcile: (args, call) => {
      if (call === 1) throw new TypeError('unexpected');
      return applied(args.revision!);
    } }, applied);
    world.stopAfter(2);
    const summary = await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(summary.cycles).toBe(2);
    expect(world.reports.map((r) => r.outcome)).toEqual(['failed', 'converged']);
    expect(world.reports[0]).toMatchObject({ reason: 'InternalError', error: { code: 'InternalError', message: 'unexpected' } });
    expect(world.logs.filter((l) => l['msg'] === 'status write failed')).toHaveLength(2);
    expect(await valueOf(world.metrics, 'gitvirt_status_write_failures_total')).toBe(2);
  });

  it('starts a cycle at once when the trigger fires, and says so', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, wakes: ['trigger'], trigger: createTrigger() }, applied);
    world.stopAfter(2);
    await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(world.reports.map((r) => r.wake)).toEqual(['start', 'trigger']);
  });

  it('passes where owned VMs were last seen to the next cycle, so an unreachable host keeps its VMs', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, reconcile: (args, call) => appliedResult({
      revision: args.revision!, hosts: call === 1 ? { hv1: ['web'], hv2: ['db'] } : { hv1: ['web'], hv2: false },
    }) }, applied);
    world.stopAfter(3);
    await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(world.reconcileArgs.map((a) => a.placement)).toEqual([{}, { web: 'hv1', db: 'hv2' }, { web: 'hv1', db: 'hv2' }]);
  });

  it('resumes rollouts with the timers of the last recorded status, and starts fresh when that cannot be read', async () => {
    const resumed = { members: { 'web-zone-a-0': { since: '2030-01-01T00:00:00.000Z' } } };
    const world = loopWorld({}, applied);
    world.deps.statusWriter.resumeRollouts = async () => resumed;
    await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(world.reconcileArgs[0]?.rolloutState).toEqual(resumed);

    const broken = loopWorld({}, applied);
    broken.deps.statusWriter.resumeRollouts = async () => { throw new Error('status branch unreadable'); };
    const summary = await runController({ config: CONFIG, deps: broken.deps, once: true });
    expect(summary.cycles).toBe(1);
    expect(broken.reconcileArgs[0]?.rolloutState).toBeUndefined();
    expect(broken.logs.find((l) => l['level'] === 'warn')?.['msg']).toMatch(/resume rollouts/);
  });

  it('stops on the signal: the running reconcile sees the abort, its work is recorded once, no further cycle starts', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, reconcile: async (args) => {
      controller.abort();
      expect(args.signal?.aborted).toBe(true);
      return appliedResult({ revision: args.revision!, entries: [entry('hv1', 'domain.define', 'created'), entry('hv1', 'domain.start', 'skipped', { reason: 'cancelled' })] });
    } }, applied);
    const summary = await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(summary.cycles).toBe(1);
    expect(world.calls).not.toContain('wait');
    expect(world.reports).toHaveLength(1);
    expect(world.reports[0]).toMatchObject({ outcome: 'aborted', reason: 'Interrupted', condition: 'Reconciling' });
    expect(world.logs.at(-1)).toMatchObject({ msg: 'controller stopped', cycles: 1 });
  });

  it('writes no status for an interrupted cycle that did nothing', async () => {
    const controller = new AbortController();
    const world = loopWorld({ controller, reconcile: async (args) => {
      controller.abort();
      return appliedResult({ revision: args.revision!, entries: [entry('hv1', 'domain.start', 'skipped', { reason: 'cancelled' })] });
    } }, applied);
    await runController({ config: CONFIG, deps: world.deps, signal: controller.signal });
    expect(world.calls).toEqual(['metrics:start', 'sync:aaaa', 'metrics:fetch:ok', 'reconcile:aaaa', 'metrics:cycle:aborted']);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const world = loopWorld({ controller }, applied);
    expect(await runController({ config: CONFIG, deps: world.deps, signal: controller.signal })).toEqual({ cycles: 0, lastReport: null, lastAppliedRevision: null });
    expect(world.calls).toEqual([]);
  });

  it('hands the manifests it read to status, through the reconcile\'s readRepo', async () => {
    const validation = { manifests: [], diagnostics: [], notices: [], stats: { files: 0, documents: 0 } };
    const world = loopWorld({ reconcile: async (args) => {
      await args.readRepo!({ dir: args.dir });
      return applied(args.revision!);
    } }, applied);
    world.deps.readRepo = async ({ dir }) => {
      world.calls.push(`read:${dir}`);
      return validation;
    };
    await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(world.calls).toContain(`read:/checkouts/${A}`);
    expect(world.reports[0]?.validation).toBe(validation);
  });

  it('logs every change with its host and revision, one JSON line each', async () => {
    const world = loopWorld({ reconcile: (args) => {
      const result = appliedResult({ revision: args.revision!, entries: [entry('hv1', 'domain.set-memory', 'configured', { drift: true, target: 'web' }), entry('hv2', 'domain.define', 'failed', { error: { code: 'LibvirtCommandFailed', message: 'no' } })] });
      for (const e of result.changeSet!.entries) args.onEvent?.({ type: 'apply', event: { type: 'action-end', host: e.host, entry: e } });
      args.onEvent?.({ type: 'observed', host: 'hv3', ok: false, error: 'connection refused', durationMs: 12 });
      return result;
    } }, applied);
    await runController({ config: CONFIG, deps: world.deps, once: true });
    expect(world.logs.find((l) => l['msg'] === 'drift corrected')).toMatchObject({ level: 'info', revision: A, host: 'hv1', action: 'domain.set-memory', target: 'web', owner: 'VirtualMachine/web' });
    expect(world.logs.find((l) => l['msg'] === 'action failed')).toMatchObject({ level: 'error', host: 'hv2', error: { code: 'LibvirtCommandFailed' } });
    expect(world.logs.find((l) => l['msg'] === 'host unreachable')).toMatchObject({ level: 'warn', host: 'hv3', error: 'connection refused' });
    expect(world.logs.find((l) => l['msg'] === 'cycle finished')).toMatchObject({ level: 'warn', outcome: 'degraded', reason: 'ApplyFailed', changes: 1, revision: A });
    for (const line of world.logs) expect(Object.keys(line).slice(0, 3)).toEqual(['time', 'level', 'msg']);
  });
});
