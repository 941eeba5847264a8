import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../controller/cli/index.js';
import { historyCommand } from '../../../controller/cli/history.js';
import { planCommand } from '../../../controller/cli/plan.js';
import { buildPlanReport } from '../../../controller/cli/format/plan-report.js';
import { computePlan } from '../../../controller/reconcile/index.js';
import { statusCommand } from '../../../controller/cli/status.js';
import { buildNoteEntry, computeStatus, writeNote, writeStatus } from '../../../controller/status/index.js';
import { runProcess } from '../../testbed/run-process.js';
import { loadScenario } from '../../fixtures/engine/capture.js';
import { REVISION, runCycle } from './cycle.js';
import { gitFixture, type GitFixture } from './git-fixture.js';

const SLOW = { timeout: 90_000 };
let fx: GitFixture;
let url: string;
let sources: [string, string];
let repoDir: string;
let workRoot: string;

/** Runs `gitvirt <argv>` in-process with captured output. */
async function gitvirt(argv: string[], cwd = workRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s) }, cwd, env: {} };
  const code = await runCli({ argv, commands: [statusCommand, historyCommand, planCommand], version: 'test', io });
  return { code, out, err };
}

beforeAll(async () => {
  fx = await gitFixture();
  workRoot = await mkdtemp(join(tmpdir(), 'gitvirt-status-cli-'));
  const fleet = await fx.fleet('audit');
  url = fleet.url;
  const second = await fx.server.commit('audit', { files: { 'vms/web1.yaml': 'kind: VirtualMachine\n' }, message: 'web1: more memory\n\nAsked for by the web team.' });
  sources = [fleet.source, second];
  repoDir = await fx.localRepo();
  // Cycle 1 at the first source commit: everything applied.
  const first = await runCycle('changes', { now: '2026-11-24T10:00:00.000Z' });
  const before = computeStatus({ ...first.input, revision: sources[0] });
  await writeStatus({ repoDir, remote: { url }, snapshot: before, revision: sources[0], now: new Date('2026-11-24T10:00:00Z') });
  await writeNote({ repoDir, remote: { url }, revision: sources[0], note: buildNoteEntry({ changeSet: first.changeSet, now: '2026-11-24T10:00:00.000Z' }), now: new Date('2026-11-24T10:00:00Z') });
  // Cycle 2 at the second: web1's memory change fails.
  const failed = await runCycle('changes', {
    now: '2026-11-24T10:05:00.000Z',
    run: (action) => (action.kind === 'domain.set-memory' ? new Error('failed to set memory of web1: above the maximum') : { result: 'unchanged' }),
  });
  const after = computeStatus({ ...failed.input, revision: sources[1], previous: before });
  await writeStatus({ repoDir, remote: { url }, snapshot: after, revision: sources[1], now: new Date('2026-11-24T10:05:00Z') });
  await writeNote({ repoDir, remote: { url }, revision: sources[1], note: buildNoteEntry({ changeSet: failed.changeSet, now: '2026-11-24T10:05:00.000Z' }), now: new Date('2026-11-24T10:05:00Z') });
}, 120_000);
afterAll(async () => {
  await fx.stop();
  await rm(workRoot, { recursive: true, force: true });
});

describe('gitvirt status', () => {
  it('lists resources worst first and the hosts, from a URL, and fails when something is not Ready', SLOW, async () => {
    const { code, out, err } = await gitvirt(['status', '--repo', url, '--color', 'never']);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Status on gitvirt/status at [0-9a-f]{12} \\(2026-11-24T10:05:00.000Z, source ${sources[1].slice(0, 12)}\\)$`));
    expect(lines[2]).toMatch(/^KIND\s+NAME\s+READY\s+REASON\s+ON\s+MESSAGE$/);
    expect(lines[3]).toMatch(/^VirtualMachine\s+web1\s+False\s+ApplyFailed\s+hv1\s+hv1: domain\.set-memory web1 failed: failed to set memory of web1: above the maximum$/);
    expect(lines[4]).toMatch(/^Host\s+hv1\s+True\s+Unchanged\s+up to date with/);
    expect(out).toMatch(/\nHOST\s+REACHABLE\s+CPUS\s+MEMORY\s+VMS\s+INVENTORY SINCE\s+ERROR\nhv1\s+yes\s+2\s+6233 MiB\s+2\s+2026-11-23T/);
    expect(lines.filter((l) => l !== '').at(-1)).toBe('9/10 ready');
  });

  it('prints JSON, and reads a local clone\'s origin/ branch', SLOW, async () => {
    const clone = join(workRoot, 'clone');
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
    for (const args of [['clone', '--quiet', url, clone], ['-C', clone, 'fetch', '--quiet', 'origin', 'gitvirt/status:refs/remotes/origin/gitvirt/status']]) {
      const result = await runProcess('git', args, { env, timeoutMs: 60_000 });
      expect(result.stderr).toBe('');
    }
    const json = await gitvirt(['status', '--repo', 'clone', '--format', 'json']);
    const report = JSON.parse(json.out) as { revision: string; summary: Record<string, number>; resources: { kind: string; name: string; ready: boolean; reason: string; lastError?: { reason: string } }[]; hosts: { name: string; reachable: boolean }[] };
    expect(report.revision).toBe(sources[1]);
    expect(report.summary).toEqual({ resources: 10, ready: 9, hosts: 3, unreachable: 0 });
    expect(report.resources[0]).toMatchObject({ kind: 'VirtualMachine', name: 'web1', ready: false, reason: 'ApplyFailed', lastError: { reason: 'ApplyFailed' } });
    expect(report.hosts.map((h) => [h.name, h.reachable])).toEqual([['hv1', true], ['hv2', true], ['hv3', true]]);
    const bare = await gitvirt(['status', '--repo', repoDir, '--format', 'json']);
    expect(JSON.parse(bare.out)).toEqual(report);
  });

  it('says clearly when there is no status branch', SLOW, async () => {
    const { url: empty } = await fx.fleet('no-status');
    const { code, err } = await gitvirt(['status', '--repo', empty]);
    expect(code).toBe(1);
    expect(err).toMatch(/^gitvirt status: failed to read gitvirt\/status from http:\/\/127\.0\.0\.1:\d+\/no-status\.git: no such branch/);
  });
});

describe('gitvirt history', () => {
  it('lists the status changes of a resource with the source commit, its author and the applies', SLOW, async () => {
    const { code, out } = await gitvirt(['history', 'VirtualMachine/web1', '--repo', url, '--color', 'never']);
    expect(code).toBe(0);
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('History of VirtualMachine/web1 on gitvirt/status, newest first');
    expect(blocks).toHaveLength(3);
    const [newest, oldest] = [blocks[1]!.split('\n'), blocks[2]!.split('\n')];
    expect(newest[0]).toMatch(new RegExp(`^2026-11-24T10:05:00.000Z  status [0-9a-f]{12}  source ${sources[1].slice(0, 12)}  changed$`));
    expect(newest[1]).toBe('  Ready=False ApplyFailed: hv1: domain.set-memory web1 failed: failed to set memory of web1: above the maximum (on hv1)');
    expect(newest[2]).toMatch(/^ {2}commit by gitvirt test <test@gitvirt\.invalid> at \d{4}-.*: web1: more memory$/);
    expect(newest[3]).toBe('  applied 2026-11-24T10:05:00.000Z: hv1 failed: 5 unchanged, 1 skipped, 1 failed (failed to set memory of web1: above the maximum)');
    expect(newest.slice(4)).toEqual(['    hv1 domain.set-memory web1: failed']);
    expect(oldest[0]).toMatch(new RegExp(`source ${sources[0].slice(0, 12)}  added$`));
    expect(oldest[1]).toBe(`  Ready=True Applied: applied ${sources[0].slice(0, 12)}: 1 created, 2 configured (on hv1)`);
    expect(oldest).toContain('    hv1 domain.define web1: created');
    expect(oldest).toContain('    hv1 domain.set-iotune web1: configured');
  });

  it('prints JSON, limits the list, and refuses a malformed resource', SLOW, async () => {
    const { out } = await gitvirt(['history', 'virtualmachine/web1', '--repo', repoDir, '--format', 'json', '--limit', '1']);
    const report = JSON.parse(out) as { resource: string; entries: { revision: string; change: string; ready: { reason: string } }[] };
    expect(report.resource).toBe('VirtualMachine/web1');
    expect(report.entries.map((e) => [e.revision, e.change, e.ready.reason])).toEqual([[sources[1], 'changed', 'ApplyFailed']]);
    const none = await gitvirt(['history', 'Network/nope', '--repo', repoDir]);
    expect(none.code).toBe(1);
    expect(none.out).toContain('no status commit mentions Network/nope');
    const bad = await gitvirt(['history', 'web1', '--repo', repoDir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^gitvirt: invalid resource 'web1': expected <Kind>\/<name>/);
  });
});

describe('gitvirt plan --from-status', () => {
  it('plans a checkout against the inventories on its status branch, with no SSH credentials', SLOW, async () => {
    const checkout = join(workRoot, 'checkout');
    await cp((await loadScenario('changes')).manifestsDir, checkout, { recursive: true });
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x.invalid', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x.invalid' };
    for (const args of [['init', '--quiet', '-b', 'main'], ['add', '.'], ['commit', '--quiet', '-m', 'manifests']]) {
      expect((await runProcess('git', args, { cwd: checkout, env, timeoutMs: 60_000 })).code).toBe(0);
    }
    const cycle = await runCycle('changes');
    await writeStatus({ repoDir: checkout, remote: undefined, snapshot: computeStatus(cycle.input), revision: REVISION });

    const { code, out, err } = await gitvirt(['plan', '--from-status', 'gitvirt/status', '--format', 'json', 'checkout']);
    expect(err).toBe('');
    expect(code).toBe(2);
    const report = JSON.parse(out) as ReturnType<typeof buildPlanReport>;
    const expected = computePlan({ manifests: cycle.validation.manifests, revision: report.revision, observed: cycle.observed });
    expect(report.summary).toEqual(expected.summary);
    expect(report.summary.unreachable).toBe(0);
    expect(JSON.stringify(report.hosts)).toContain('domain.set-memory');
  });
});
