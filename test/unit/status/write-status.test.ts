import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeStatus, readStatus, renderStatusFiles, StatusPushConflictError, writeStatus, type StatusSnapshot,
} from '../../../controller/status/index.js';
import { gitFixture, racingHttp, type GitFixture, type RaceAt } from './git-fixture.js';
import { REVISION, runCycle } from './cycle.js';

let fx: GitFixture;
let converged: StatusSnapshot;
let changed: StatusSnapshot;
let failing: StatusSnapshot;
let convergedInput: Awaited<ReturnType<typeof runCycle>>['input'];
const BRANCH = 'gitvirt/status';
/** Pushes to a real server take seconds on a busy machine. */
const SLOW = { timeout: 90_000 };
const when = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));

beforeAll(async () => {
  fx = await gitFixture();
  convergedInput = (await runCycle('converged')).input;
  converged = computeStatus(convergedInput);
  changed = computeStatus((await runCycle('changes')).input);
  failing = computeStatus((await runCycle('changes', { run: () => new Error('failed to define: disk full') })).input);
}, 60_000);
afterAll(async () => fx.stop());

/** Status commits on the server's branch, newest first: `<sha> <parents...>`. */
const history = async (name: string) => (await fx.server.git(name, ['rev-list', '--parents', BRANCH])).split('\n').filter((l) => l !== '');
const pushes = () => fx.server.requests.filter((r) => r.service === 'receive-pack' && r.method === 'POST').length;

describe('writeStatus', () => {
  it('creates the status branch as an orphan on the first write, with the message and trailer', SLOW, async () => {
    const { url, source } = await fx.fleet('first');
    const repoDir = await fx.localRepo();
    const result = await writeStatus({ repoDir, remote: { url }, snapshot: converged, revision: REVISION, now: when(0) });
    expect(result).toMatchObject({ changed: true, attempts: 1 });
    const commits = await history('first');
    expect(commits).toEqual([result.commit]);
    expect(await fx.server.git('first', ['log', '-1', '--format=%B', BRANCH])).toBe(`status: all 11 ready at a1b2c3d4e5f6\n\nGitvirt-Source-Revision: ${REVISION}`);
    expect(await fx.server.git('first', ['log', '-1', '--format=%an <%ae> %at', BRANCH])).toBe(`gitvirt <gitvirt@localhost> ${when(0).getTime() / 1000}`);
    expect(await fx.server.git('first', ['rev-parse', 'main'])).toBe(source);
    await expect(fx.server.git('first', ['merge-base', 'main', BRANCH])).rejects.toThrow();
    const files = renderStatusFiles(converged);
    expect((await fx.server.git('first', ['ls-tree', '-r', '--name-only', BRANCH])).split('\n')).toEqual([...files.keys()].sort());
    expect(`${await fx.server.git('first', ['show', `${BRANCH}:status/VirtualMachine/web1.yaml`])}\n`).toBe(files.get('status/VirtualMachine/web1.yaml'));
  });

  it('makes no commit and no push for an identical snapshot, and one commit on top for a changed one', SLOW, async () => {
    const { url } = await fx.fleet('again');
    const repoDir = await fx.localRepo();
    const first = await writeStatus({ repoDir, remote: { url }, snapshot: converged, revision: REVISION, now: when(0) });
    const before = pushes();
    const again = await writeStatus({ repoDir, remote: { url }, snapshot: converged, revision: REVISION, now: when(5) });
    expect(again).toEqual({ commit: first.commit, changed: false, attempts: 1 });
    // The next cycle, computed against the status read back, gives the same bytes: still nothing to commit.
    const previous = (await readStatus({ repoDir, remote: { url } }))!.snapshot;
    const nextCycle = computeStatus({ ...(await runCycle('converged', { now: '2026-11-24T10:10:00.000Z' })).input, previous });
    expect(await writeStatus({ repoDir, remote: { url }, snapshot: nextCycle, revision: REVISION, now: when(10) })).toMatchObject({ changed: false });
    expect(pushes()).toBe(before);
    const next = await writeStatus({ repoDir, remote: { url }, snapshot: changed, revision: 'c'.repeat(40), now: when(15) });
    expect(next.changed).toBe(true);
    expect(pushes()).toBe(before + 1);
    expect(await history('again')).toEqual([`${next.commit} ${first.commit}`, first.commit]);
    expect(await fx.server.git('again', ['log', '-1', '--format=%B', BRANCH])).toBe(`status: all 10 ready at cccccccccccc\n\nGitvirt-Source-Revision: ${'c'.repeat(40)}`);
  });

  it.each<RaceAt>(['discovery', 'receive'])('rebuilds on the new tip when another writer pushed first (race at %s), never forcing', SLOW, async (at) => {
    const name = `race-${at}`;
    const { url } = await fx.fleet(name);
    const ours = await fx.localRepo();
    const theirs = await fx.localRepo();
    await writeStatus({ repoDir: ours, remote: { url }, snapshot: converged, revision: REVISION, now: when(0) });
    let competitor = '';
    const http = racingHttp({
      at, times: 1,
      compete: async () => {
        const result = await writeStatus({ repoDir: theirs, remote: { url }, snapshot: failing, revision: 'd'.repeat(40), now: when(1) });
        competitor = result.commit!;
      },
    });
    const result = await writeStatus({ repoDir: ours, remote: { url, http }, snapshot: changed, revision: REVISION, now: when(2) });
    expect(http.raced()).toBe(1);
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    const commits = await history(name);
    expect(commits[0]).toBe(`${result.commit} ${competitor}`);
    expect(commits).toHaveLength(3);
    await fx.server.git(name, ['merge-base', '--is-ancestor', competitor, BRANCH]);
    const files = renderStatusFiles(changed);
    expect(`${await fx.server.git(name, ['show', `${BRANCH}:status/VirtualMachine/web1.yaml`])}\n`).toBe(files.get('status/VirtualMachine/web1.yaml'));
  });

  it('gives up after the bound when the remote keeps moving, leaving the other writers\' commits in place', SLOW, async () => {
    const { url } = await fx.fleet('busy');
    const ours = await fx.localRepo();
    const theirs = await fx.localRepo();
    let n = 0;
    let last = '';
    const http = racingHttp({
      at: 'discovery', times: 100,
      compete: async () => {
        n += 1;
        const snapshot = computeStatus({ ...convergedInput, now: when(n) });
        last = (await writeStatus({ repoDir: theirs, remote: { url }, snapshot, revision: `${n}`.padStart(40, 'e'), now: when(n) })).commit!;
      },
    });
    const attempt = writeStatus({ repoDir: ours, remote: { url, http }, snapshot: changed, revision: REVISION, now: when(30), maxAttempts: 3 });
    await expect(attempt).rejects.toBeInstanceOf(StatusPushConflictError);
    await expect(attempt).rejects.toThrow(/failed to push refs\/heads\/gitvirt\/status to http:\/\/127\.0\.0\.1:\d+\/busy\.git: the remote moved on each of 3 attempts/);
    expect(await fx.server.git('busy', ['rev-parse', BRANCH])).toBe(last);
  });

  it('commits to the local branch only when no remote is given', SLOW, async () => {
    const repoDir = await fx.localRepo();
    const first = await writeStatus({ repoDir, remote: undefined, snapshot: converged, revision: REVISION, now: when(0) });
    const same = await writeStatus({ repoDir, remote: undefined, snapshot: converged, revision: REVISION, now: when(1) });
    expect(same).toEqual({ commit: first.commit, changed: false, attempts: 1 });
    const read = await readStatus({ repoDir });
    expect(read).toMatchObject({ commit: first.commit, revision: REVISION, time: '2026-11-24T10:00:00.000Z' });
    expect(renderStatusFiles(read!.snapshot)).toEqual(renderStatusFiles(converged));
  });
});
