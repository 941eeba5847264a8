import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyExitCode, createApplyCommand, liveProgress } from '../../../controller/cli/apply.js';
import { runCli, type Command } from '../../../controller/cli/index.js';
import { nextStatus, statusLine, type HostStatus } from '../../../controller/cli/format/plan-live-status.js';
import { painter } from '../../../controller/cli/format/style.js';
import type { HostCommandDeps } from '../../../controller/cli/ssh-options.js';
import { LibvirtCommandError } from '../../../controller/libvirt/index.js';
import type { Action } from '../../../controller/types/plan.js';
import { plannedResult, recordedEngine, scenario, withUnreachable } from '../reconcile/recorded.js';
import { captureIo } from './capture-io.js';

const ENV = { GITVIRT_SSH_IDENTITY: '/keys/gitvirt' };
const restartFails = async (action: Action) => {
  if (action.kind !== 'domain.restart') return { result: 'configured' as const };
  throw new LibvirtCommandError('error: Failed to shutdown domain web2\nerror: Requested operation is not valid: domain is not running\n', {
    operation: 'restart', kind: 'domain', name: 'web2', host: 'hv2', action: 'domain.restart', command: ['virsh', 'shutdown', 'web2'],
  });
};

describe('gitvirt apply', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'gitvirt-apply-cli-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const run = async (deps: HostCommandDeps, argv: string[] = [], options: { tty?: boolean; env?: Record<string, string> } = {}) => {
    const io = captureIo(cwd, { env: options.env ?? ENV, ...(options.tty === undefined ? {} : { tty: options.tty }) });
    const code = await runCli({ argv: ['apply', ...argv], commands: [createApplyCommand(deps) as Command], version: 'test', io });
    return { code, out: io.out(), err: io.err() };
  };

  it('prints the plan, one line per action, the change set summary, and exits 0 when all went well', async () => {
    const engine = recordedEngine('changes');
    const { code, out, err } = await run(engine.deps);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(engine.calls[0]).toMatchObject({ apply: true, refuseOnBrake: true });
    const byHost = (host: string) => engine.ran.filter((a) => a.host === host);
    expect([...byHost('hv1'), ...byHost('hv2'), ...byHost('hv3')].map((a) => `${a.host} ${a.kind} ${a.owner.name}`)).toEqual([
      'hv1 image.fetch guest2', 'hv1 volume.delete db1', 'hv1 volume.create db1', 'hv1 domain.define db1',
      'hv1 domain.define web1', 'hv1 domain.set-memory web1', 'hv1 domain.set-iotune web1',
      'hv2 domain.define web2', 'hv2 domain.restart web2', 'hv2 domain.delete tmp1', 'hv2 volume.delete tmp1',
    ]);
    expect(out).toMatch(/^hv1 {2}observed \(\d+ ms\)$/m);
    expect(out).toMatch(/^Plan: 2 to add, 2 to change, 2 to destroy\.$/m);
    expect(out).toMatch(/^hv1 {2}domain\.set-memory +web1 {2}configured {2}\(\d+ ms\)$/m);
    expect(out).toMatch(/^hv2 {2}done {2}4 configured$/m);
    expect(out.trimEnd().split('\n').pop()).toBe('applied e2e: 11 configured');
    expect(out).not.toMatch(/\u001b/);
  });

  it('stops a host at its first failure, goes on with the others, prints libvirt\'s explanation and text, and exits 1', async () => {
    const engine = recordedEngine('changes', { run: restartFails });
    const { code, out } = await run(engine.deps);
    expect(code).toBe(1);
    expect(engine.ran.filter((a) => a.host === 'hv2').map((a) => a.kind)).toEqual(['domain.define', 'domain.restart']);
    expect(engine.ran.filter((a) => a.host === 'hv1')).toHaveLength(7);
    const lines = out.split('\n');
    const at = lines.indexOf('failed: hv2 domain.restart web2 (VirtualMachine web2)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}failed to restart domain web2 on host hv2: /);
    expect(lines[at + 2]).toBe('    libvirt said: Failed to shutdown domain web2; Requested operation is not valid: domain is not running');
    expect(lines[at + 3]).toBe('    code: LibvirtCommandFailed');
    expect(out.trimEnd().split('\n').pop()).toMatch(/^applied e2e: 8 configured, 2 skipped, 1 failed; hosts not finished: hv2$/);
  });

  it('refuses to run anything while the brake is engaged, naming the flag that overrides it', async () => {
    const engine = recordedEngine('empty');
    const { code, out } = await run(engine.deps);
    expect(code).toBe(1);
    expect(engine.ran).toEqual([]);
    expect(out).toMatch(/^Refusing to apply: the brake is engaged \(EmptyDesiredState\): the repository describes no VMs or networks/m);
    expect(out.trimEnd().split('\n').pop()).toBe('  if removing everything gitvirt owns is intended, run again with --allow-empty');
    const allowed = recordedEngine('empty');
    expect((await run(allowed.deps, ['--allow-empty'])).code).toBe(0);
    expect(allowed.ran.filter((a) => a.kind === 'domain.delete').map((a) => a.owner.name).sort()).toEqual(['cold3', 'db1', 'web1', 'web2']);
  });

  it('applies the reachable hosts when one cannot be reached, and exits 1 naming it', async () => {
    const s = await scenario('changes');
    const engine = recordedEngine('changes', { observed: withUnreachable(s.observed, 'hv2') });
    const { code, out } = await run(engine.deps);
    expect(code).toBe(1);
    expect(new Set(engine.ran.map((a) => a.host))).toEqual(new Set(['hv1']));
    expect(out).toMatch(/^not applied: hv2: failed to connect to hv2/m);
    expect(out.trimEnd().split('\n').pop()).toBe('applied e2e: 7 configured; hosts not finished: hv2');
  });

  it('redraws a status line per host on a terminal, and prints plain lines in CI', async () => {
    const live = await run(recordedEngine('changes').deps, ['--color', 'never'], { tty: true, env: ENV });
    expect(live.code).toBe(0);
    expect(live.out).toMatch(/\u001b\[3A/);
    expect(live.out).toMatch(/\r\u001b\[2Khv2 {2}done 4\/4\n/);
    expect(live.out).not.toMatch(/^hv1 {2}domain\.set-memory/m);
    const ci = await run(recordedEngine('changes').deps, ['--color', 'never'], { tty: true, env: { ...ENV, CI: 'true' } });
    expect(ci.out).not.toMatch(/\u001b\[\d+A/);
    expect(ci.out).toMatch(/^hv1 {2}domain\.set-memory/m);
  });
});

describe('apply progress and exit codes', () => {
  it('chooses live progress on a terminal outside CI, unless told', () => {
    const io = (tty: boolean, ci?: string) => ({ stdout: { write: () => true, isTTY: tty }, env: ci === undefined ? {} : { CI: ci } });
    expect(liveProgress('auto', io(true))).toBe(true);
    expect(liveProgress('auto', io(true, 'true'))).toBe(false);
    expect(liveProgress('auto', io(false))).toBe(false);
    expect(liveProgress('live', io(false))).toBe(true);
    expect(liveProgress('plain', io(true))).toBe(false);
  });

  it('exits 1 for anything but a fully applied change set', async () => {
    const planned = await plannedResult('converged');
    expect(applyExitCode(planned)).toBe(1);
    expect(applyExitCode({ ...planned, outcome: 'applied', changeSet: { revision: 'e2e', entries: [], hosts: [{ host: 'hv1', ok: true }] } })).toBe(0);
    expect(applyExitCode({ ...planned, outcome: 'applied', changeSet: { revision: 'e2e', entries: [], hosts: [{ host: 'hv1', ok: false }] } })).toBe(1);
  });

  it('tracks each host through an apply', async () => {
    const { computed } = await plannedResult('changes');
    const action = computed!.plan.hosts[0]!.actions[0]!;
    let statuses = new Map<string, HostStatus>([['hv1', { host: 'hv1', phase: 'waiting', done: 0, total: 0 }]]);
    const paint = painter(false);
    statuses = nextStatus(statuses, { type: 'host-start', host: 'hv1', actions: 7 });
    statuses = nextStatus(statuses, { type: 'action-start', host: 'hv1', action });
    expect(statusLine(statuses.get('hv1')!, 3, paint)).toBe('hv1  applying 0/7  image.fetch image-guest2.qcow2');
    const entry = { host: 'hv1', kind: action.kind, owner: action.owner, reason: action.reason, drift: false, result: 'created' as const, durationMs: 5 };
    statuses = nextStatus(statuses, { type: 'action-end', host: 'hv1', action, entry });
    expect(statusLine(statuses.get('hv1')!, 3, paint)).toBe('hv1  applying 1/7');
    statuses = nextStatus(statuses, { type: 'host-end', host: 'hv1', result: { host: 'hv1', ok: false, error: { code: 'X', message: 'broke\nbadly' } }, entries: [entry] });
    expect(statusLine(statuses.get('hv1')!, 3, paint)).toBe('hv1  failed 1/7  X: broke badly');
    const long = statusLine({ host: 'hv1', phase: 'failed', done: 0, total: 1, error: 'e'.repeat(300) }, 3, paint);
    expect(long.replace(/\u001b\[0m$/, '')).toHaveLength(118);
  });
});
