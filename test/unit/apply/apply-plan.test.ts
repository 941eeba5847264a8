import { describe, expect, it } from 'vitest';
import { applyPlan, changeSetFailed, summarizeChangeSet, type ApplyEvent } from '../../../controller/apply/index.js';
import { GitvirtError } from '../../../controller/errors/index.js';
import type { SkippedChange } from '../../../controller/types/plan.js';
import { FakeFleet, label } from './fake-host-client.js';
import { act, hostPlan, planOf, vmActions } from './plans.js';

class HostKeyMismatchError extends GitvirtError<'HostKeyMismatch', { host: string }> {
  constructor(host: string) {
    super('HostKeyMismatch', `failed to connect to ${host}: host key mismatch`, { host });
  }
}
class DefineFailedError extends GitvirtError<'LibvirtOperationFailed', { host: string }> {
  constructor(host: string) {
    super('LibvirtOperationFailed', `failed to define domain web-1 on host ${host}: XML error`, { host });
  }
}

describe('applyPlan runs actions', () => {
  it('runs each host\'s actions in plan order and records each outcome', async () => {
    const fleet = new FakeFleet({
      outcome: (a) => (a.kind === 'domain.define' ? { result: 'created', message: 'defined' } : { result: 'unchanged' }),
      delayMs: (a) => (a.host === 'hv1' ? 5 : 1),
    });
    const plan = planOf(hostPlan('hv1', vmActions('hv1', 'web-1')), hostPlan('hv2', [act('hv2', 'domain.set-memory', 'db-1', { drift: true })]));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor });
    expect(fleet.runsOf('hv1')).toEqual(plan.hosts[0]!.actions.map(label));
    expect(cs.revision).toBe('rev1');
    expect(cs.entries.map((e) => `${e.host} ${e.kind} ${e.target} ${e.result}`)).toEqual([
      'hv1 volume.create web-1-root.qcow2 unchanged',
      'hv1 seed.create web-1-seed-0123456789ab.iso unchanged',
      'hv1 domain.define web-1 created',
      'hv1 domain.start web-1 unchanged',
      'hv2 domain.set-memory db-1 unchanged',
    ]);
    expect(cs.entries[2]).toMatchObject({ owner: { kind: 'VirtualMachine', name: 'web-1' }, reason: 'because domain.define web-1', message: 'defined', drift: false });
    expect(cs.entries[4]!.drift).toBe(true);
    expect(cs.entries.slice(0, 4).every((e) => e.durationMs >= 4)).toBe(true);
    expect(cs.hosts).toEqual([{ host: 'hv1', ok: true }, { host: 'hv2', ok: true }]);
    expect(cs.brake).toBeUndefined();
    expect(changeSetFailed(cs)).toBe(false);
    expect(fleet.calls.every((c) => !c.signal)).toBe(true);
  });

  it.each([
    [undefined, 4],
    [2, 2],
    [1, 1],
    [100, 6],
  ])('runs hosts in parallel up to the bound (concurrency %s → %i at once), one action at a time per host', async (concurrency, expected) => {
    const fleet = new FakeFleet({ delayMs: 25 });
    const hosts = Array.from({ length: 6 }, (_, i) => `hv${i + 1}`);
    const plan = planOf(...hosts.map((h) => hostPlan(h, [act(h, 'domain.define', `vm-${h}`), act(h, 'domain.start', `vm-${h}`)])));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor, ...(concurrency === undefined ? {} : { concurrency }) });
    expect(fleet.maxHostsInFlight).toBe(expected);
    expect(fleet.maxPerHost).toBe(1);
    expect(cs.entries.map((e) => e.host)).toEqual(hosts.flatMap((h) => [h, h]));
  });

  it('does not connect to a host that has nothing to run', async () => {
    const fleet = new FakeFleet();
    const cs = await applyPlan({ plan: planOf(hostPlan('hv1', [])), clientFor: fleet.clientFor });
    expect(fleet.connects).toEqual([]);
    expect(cs).toEqual({ revision: 'rev1', entries: [], hosts: [{ host: 'hv1', ok: true }] });
  });
});

describe('applyPlan on failure', () => {
  it('stops only the failing host: its later actions are skipped, other hosts go on', async () => {
    const fleet = new FakeFleet({ fail: (a) => (a.host === 'hv1' && a.kind === 'domain.define' ? new DefineFailedError('hv1') : undefined), delayMs: 2 });
    const plan = planOf(hostPlan('hv1', vmActions('hv1', 'web-1')), hostPlan('hv2', vmActions('hv2', 'web-2')));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor });
    expect(fleet.runsOf('hv1')).toEqual(['volume.create web-1-root.qcow2', 'seed.create web-1-seed-0123456789ab.iso', 'domain.define web-1']);
    expect(fleet.runsOf('hv2')).toHaveLength(4);
    const hv1 = cs.entries.filter((e) => e.host === 'hv1');
    expect(hv1.map((e) => e.result)).toEqual(['configured', 'configured', 'failed', 'skipped']);
    expect(hv1[2]!.error).toEqual({ code: 'LibvirtOperationFailed', message: 'failed to define domain web-1 on host hv1: XML error' });
    expect(hv1[3]).toMatchObject({ kind: 'domain.start', result: 'skipped', reason: 'an earlier action on this host failed: domain.define web-1', durationMs: 0 });
    expect(cs.entries.filter((e) => e.host === 'hv2').every((e) => e.result === 'configured')).toBe(true);
    expect(cs.hosts).toEqual([
      { host: 'hv1', ok: false, error: { code: 'LibvirtOperationFailed', message: 'failed to define domain web-1 on host hv1: XML error' } },
      { host: 'hv2', ok: true },
    ]);
    expect(changeSetFailed(cs)).toBe(true);
  });

  it('records an error that is not a GitvirtError as InternalError, and a nonsense outcome as a failure', async () => {
    const fleet = new FakeFleet({
      fail: (a) => (a.host === 'hv1' ? new TypeError('boom') : undefined),
      outcome: () => ({ result: 'exploded' }) as never,
    });
    const plan = planOf(hostPlan('hv1', [act('hv1', 'domain.start', 'a')]), hostPlan('hv2', [act('hv2', 'domain.start', 'b')]));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor });
    expect(cs.entries[0]).toMatchObject({ result: 'failed', error: { code: 'InternalError', message: 'boom' } });
    expect(cs.entries[1]).toMatchObject({ result: 'failed', error: { code: 'InternalError' } });
    expect(cs.entries[1]!.error!.message).toMatch(/unknown outcome: \{"result":"exploded"\}/);
  });

  it.each([
    ['rejects', (host: string) => Promise.reject(new HostKeyMismatchError(host))],
    ['throws', (host: string) => { throw new HostKeyMismatchError(host); }],
  ])('skips every action of a host whose client cannot be had (clientFor %s)', async (_how, broken) => {
    const fleet = new FakeFleet();
    const plan = planOf(hostPlan('hv1', vmActions('hv1', 'web-1')), hostPlan('hv2', vmActions('hv2', 'web-2')));
    const cs = await applyPlan({ plan, clientFor: (host) => (host === 'hv1' ? broken(host) : fleet.clientFor(host)) });
    const hv1 = cs.entries.filter((e) => e.host === 'hv1');
    expect(hv1).toHaveLength(4);
    for (const entry of hv1) expect(entry).toMatchObject({ result: 'skipped', reason: 'host unavailable: failed to connect to hv1: host key mismatch' });
    expect(cs.hosts[0]).toEqual({ host: 'hv1', ok: false, error: { code: 'HostKeyMismatch', message: 'failed to connect to hv1: host key mismatch' } });
    expect(cs.hosts[1]).toEqual({ host: 'hv2', ok: true });
    expect(fleet.runsOf('hv2')).toHaveLength(4);
  });

  it('reports a host the plan found unreachable without trying to connect', async () => {
    const fleet = new FakeFleet();
    const plan = planOf({ host: 'hv1', reachable: false, error: 'connect ECONNREFUSED 10.77.1.2:22', actions: [], skipped: [] }, hostPlan('hv2', [act('hv2', 'domain.start', 'b')]));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor });
    expect(fleet.connects).toEqual(['hv2']);
    expect(cs.hosts[0]).toEqual({ host: 'hv1', ok: false, error: { code: 'HostUnreachable', message: 'connect ECONNREFUSED 10.77.1.2:22' } });
    expect(summarizeChangeSet(cs).failedHosts).toEqual(['hv1']);
    expect(changeSetFailed(cs)).toBe(true);
  });
});

describe('applyPlan carries the plan\'s skipped changes and brake', () => {
  const skips: SkippedChange[] = [
    { host: 'hv1', owner: { kind: 'VirtualMachine', name: 'db-1' }, reason: 'DeletionProtected', message: 'db-1 is no longer in the repository but has deletionProtection' },
    { host: 'hv1', owner: { kind: 'VirtualMachine', name: 'web-1' }, reason: 'RestartRequired', message: 'cpus take effect at the next restart' },
    { host: 'hv1', owner: { kind: 'Network', name: 'lab' }, reason: 'BrakeEngaged', message: 'network.delete of Network lab held back: too many deletions' },
    { host: 'hv1', owner: { kind: 'VirtualMachine', name: 'old' }, reason: 'BrakeEngaged', message: 'held back' },
    { host: 'hv1', owner: { kind: 'VirtualMachine', name: 'hand' }, reason: 'SelfHealDisabled', message: 'changed by hand' },
  ];

  it('records them as skipped entries with their reason, message and the kind held back', async () => {
    const fleet = new FakeFleet();
    const brake = { code: 'TooManyDeletions' as const, message: 'the plan deletes 12 objects' };
    const plan = { ...planOf(hostPlan('hv1', [act('hv1', 'domain.start', 'web-1')], skips)), brake };
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor });
    expect(cs.brake).toEqual(brake);
    expect(cs.entries.map((e) => [e.kind, e.owner.name, e.result, e.reason])).toEqual([
      ['domain.start', 'web-1', 'configured', 'because domain.start web-1'],
      ['domain.delete', 'db-1', 'skipped', 'DeletionProtected'],
      ['domain.restart', 'web-1', 'skipped', 'RestartRequired'],
      ['network.delete', 'lab', 'skipped', 'BrakeEngaged'],
      ['domain.delete', 'old', 'skipped', 'BrakeEngaged'],
      ['domain.define', 'hand', 'skipped', 'SelfHealDisabled'],
    ]);
    expect(cs.entries[1]).toMatchObject({ message: skips[0]!.message, durationMs: 0, drift: false });
    expect(cs.hosts).toEqual([{ host: 'hv1', ok: true }]);
    expect(changeSetFailed(cs)).toBe(false);
  });

  it('keeps them when the host\'s actions could not run', async () => {
    const cs = await applyPlan({
      plan: planOf(hostPlan('hv1', [act('hv1', 'domain.start', 'web-1')], skips.slice(0, 1))),
      clientFor: () => Promise.reject(new HostKeyMismatchError('hv1')),
    });
    expect(cs.entries.map((e) => e.reason)).toEqual(['host unavailable: failed to connect to hv1: host key mismatch', 'DeletionProtected']);
  });
});

describe('applyPlan when cancelled', () => {
  it('lets the running action finish, then skips the rest as cancelled, and starts no new host', async () => {
    const controller = new AbortController();
    const fleet = new FakeFleet({
      delayMs: 20,
      onRun: (a) => { if (a.host === 'hv1' && a.kind === 'seed.create') controller.abort(); },
    });
    const plan = planOf(hostPlan('hv1', vmActions('hv1', 'web-1')), hostPlan('hv2', vmActions('hv2', 'web-2')));
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor, concurrency: 1, signal: controller.signal });
    expect(fleet.runsOf('hv1')).toEqual(['volume.create web-1-root.qcow2', 'seed.create web-1-seed-0123456789ab.iso']);
    expect(fleet.calls.every((c) => c.endedAt !== undefined && !c.signal)).toBe(true);
    expect(fleet.connects).toEqual(['hv1']);
    expect(cs.entries.map((e) => `${e.host} ${e.result} ${e.result === 'skipped' ? e.reason : ''}`.trim())).toEqual([
      'hv1 configured', 'hv1 configured', 'hv1 skipped cancelled', 'hv1 skipped cancelled',
      'hv2 skipped cancelled', 'hv2 skipped cancelled', 'hv2 skipped cancelled', 'hv2 skipped cancelled',
    ]);
    expect(cs.hosts).toEqual([
      { host: 'hv1', ok: false, error: { code: 'Cancelled', message: 'apply was cancelled; 2 actions on hv1 did not run' } },
      { host: 'hv2', ok: false, error: { code: 'Cancelled', message: 'apply was cancelled; 4 actions on hv2 did not run' } },
    ]);
    expect(changeSetFailed(cs)).toBe(true);
  });

  it('runs nothing when the signal is already aborted', async () => {
    const fleet = new FakeFleet();
    const cs = await applyPlan({ plan: planOf(hostPlan('hv1', vmActions('hv1', 'web-1'))), clientFor: fleet.clientFor, signal: AbortSignal.abort() });
    expect(fleet.calls).toEqual([]);
    expect(fleet.connects).toEqual([]);
    expect(cs.entries.every((e) => e.result === 'skipped' && e.reason === 'cancelled')).toBe(true);
  });
});

describe('applyPlan events', () => {
  it('emits host-start, action-start/-end per action and host-end, in order per host', async () => {
    const events: ApplyEvent[] = [];
    const fleet = new FakeFleet({ fail: (a) => (a.kind === 'domain.define' && a.host === 'hv2' ? new Error('x') : undefined), delayMs: 3 });
    const skip: SkippedChange = { host: 'hv1', owner: { kind: 'VirtualMachine', name: 'db' }, reason: 'RestartRequired', message: 'later' };
    const plan = planOf(
      hostPlan('hv1', [act('hv1', 'domain.define', 'a'), act('hv1', 'domain.start', 'a')], [skip]),
      hostPlan('hv2', [act('hv2', 'domain.define', 'b'), act('hv2', 'domain.start', 'b')]),
    );
    const cs = await applyPlan({ plan, clientFor: fleet.clientFor, onEvent: (e) => events.push(e) });
    const trace = (host: string) => events.filter((e) => e.host === host).map((e) =>
      e.type === 'action-end' ? `end ${e.action?.kind ?? '-'} ${e.entry.result}` : e.type === 'action-start' ? `start ${e.action.kind}` : e.type);
    expect(trace('hv1')).toEqual([
      'host-start', 'start domain.define', 'end domain.define configured', 'start domain.start', 'end domain.start configured',
      'end - skipped', 'host-end',
    ]);
    expect(trace('hv2')).toEqual(['host-start', 'start domain.define', 'end domain.define failed', 'end domain.start skipped', 'host-end']);
    const ends = events.filter((e) => e.type === 'host-end');
    expect(ends.map((e) => e.result)).toEqual(expect.arrayContaining(cs.hosts));
    expect(ends.flatMap((e) => e.entries)).toEqual(expect.arrayContaining(cs.entries));
    expect(events.find((e) => e.type === 'host-start' && e.host === 'hv1')).toEqual({ type: 'host-start', host: 'hv1', actions: 2 });
  });

  it('goes on when a listener throws', async () => {
    const fleet = new FakeFleet();
    const cs = await applyPlan({ plan: planOf(hostPlan('hv1', vmActions('hv1', 'a'))), clientFor: fleet.clientFor, onEvent: () => { throw new Error('listener'); } });
    expect(cs.entries.map((e) => e.result)).toEqual(['configured', 'configured', 'configured', 'configured']);
  });
});

describe('summarizeChangeSet', () => {
  it('counts entries by result, overall and per host, including hosts without entries', async () => {
    const fleet = new FakeFleet({
      outcome: (a) => ({ result: a.kind === 'domain.define' ? 'created' : a.kind === 'domain.delete' ? 'deleted' : 'unchanged' }),
      fail: (a) => (a.host === 'hv2' && a.kind === 'seed.create' ? new Error('disk full') : undefined),
    });
    const plan = planOf(
      hostPlan('hv1', [...vmActions('hv1', 'a'), act('hv1', 'domain.delete', 'old')]),
      hostPlan('hv2', vmActions('hv2', 'b'), [{ host: 'hv2', owner: { kind: 'VirtualMachine', name: 'p' }, reason: 'DeletionProtected', message: 'kept' }]),
      hostPlan('hv3', []),
    );
    const summary = summarizeChangeSet(await applyPlan({ plan, clientFor: fleet.clientFor }));
    expect(summary.counts).toEqual({ created: 1, configured: 0, deleted: 1, unchanged: 4, skipped: 3, failed: 1 });
    expect(summary.hosts['hv1']).toEqual({ created: 1, configured: 0, deleted: 1, unchanged: 3, skipped: 0, failed: 0 });
    expect(summary.hosts['hv2']).toEqual({ created: 0, configured: 0, deleted: 0, unchanged: 1, skipped: 3, failed: 1 });
    expect(summary.hosts['hv3']).toEqual({ created: 0, configured: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(summary.changed).toBe(2);
    expect(summary.failedHosts).toEqual(['hv2']);
  });
});
