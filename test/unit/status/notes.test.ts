import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildNoteEntry, mergeNote, NOTES_REF, openStatusSource, readNote, writeNote, type NoteEntry,
} from '../../../controller/status/index.js';
import { readNoteIn } from '../../../controller/status/write-note.js';
import type { HostObservation } from '../../../controller/types/plan.js';
import { runCycle } from './cycle.js';
import { gitFixture, racingHttp, type GitFixture } from './git-fixture.js';

const SLOW = { timeout: 90_000 };
let fx: GitFixture;
let applied: NoteEntry;
let quiet: NoteEntry;
const when = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));

beforeAll(async () => {
  fx = await gitFixture();
  const down = (observed: Record<string, HostObservation>): Record<string, HostObservation> => ({ ...observed, hv3: { ok: false, error: 'failed to connect to hv3: timed out', code: 'HostUnreachable' } });
  const cycle = await runCycle('changes', { observed: down });
  applied = buildNoteEntry({ changeSet: cycle.changeSet, observed: cycle.observed, now: when(0) });
  const calm = await runCycle('changes', { run: () => ({ result: 'unchanged' }) });
  quiet = buildNoteEntry({ changeSet: calm.changeSet, observed: calm.observed, now: when(5) });
}, 60_000);
afterAll(async () => fx.stop());

describe('buildNoteEntry and mergeNote', () => {
  it('records per host the result and counts, and what changed by action and object, without parameters', () => {
    expect(applied.appliedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(applied.hosts['hv1']).toEqual({ result: 'ok', created: 3, configured: 3, deleted: 1, unchanged: 0, skipped: 0, failed: 0 });
    expect(applied.hosts['hv3']).toMatchObject({ result: 'unreachable', error: 'failed to connect to hv3: timed out' });
    expect(applied.changes).toContainEqual({ host: 'hv2', action: 'domain.delete', object: 'VirtualMachine/tmp1', target: 'tmp1', result: 'deleted' });
    expect(applied.changes).toContainEqual({ host: 'hv1', action: 'domain.set-memory', object: 'VirtualMachine/web1', target: 'web1', result: 'configured' });
    expect(JSON.stringify(applied)).not.toMatch(/<domain|xml|params/);
  });

  it('appends applies, skips one that repeats the last and changed nothing, and keeps the newest', () => {
    const rev = 'f'.repeat(40);
    const one = mergeNote(null, rev, quiet)!;
    expect(mergeNote(one, rev, { ...quiet, appliedAt: '2026-11-24T12:00:00.000Z' })).toBeNull();
    const two = mergeNote(one, rev, applied)!;
    expect((parse(two) as { applies: NoteEntry[] }).applies.map((a) => a.appliedAt)).toEqual([quiet.appliedAt, applied.appliedAt]);
    // A repeated apply that changed something is recorded again.
    expect(mergeNote(two, rev, { ...applied, appliedAt: '2026-11-24T13:00:00.000Z' })).not.toBeNull();
    const many = Array.from({ length: 5 }, (_, i) => ({ ...applied, appliedAt: `2026-11-2${i}T00:00:00.000Z` }))
      .reduce<string | null>((text, entry) => mergeNote(text, rev, entry, 3), null)!;
    expect((parse(many) as { applies: NoteEntry[] }).applies.map((a) => a.appliedAt)).toEqual(['2026-11-22T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z']);
  });
});

describe('writeNote', () => {
  it('adds the note to the source commit, readable by git, and writes nothing for a repeat', SLOW, async () => {
    const { url, source } = await fx.fleet('notes');
    const repoDir = await fx.localRepo();
    const first = await writeNote({ repoDir, remote: { url }, revision: source, note: quiet, now: when(5) });
    expect(first).toMatchObject({ changed: true, attempts: 1 });
    const shown = await fx.server.git('notes', ['notes', '--ref=gitvirt', 'show', source]);
    expect(parse(shown)).toEqual({ revision: source, applies: [quiet] });
    expect(await fx.server.git('notes', ['log', '-1', '--format=%s', NOTES_REF])).toBe(`note: ${source.slice(0, 12)} applied: 0 changed, 0 hosts not ok`);

    const repeat = await writeNote({ repoDir, remote: { url }, revision: source, note: { ...quiet, appliedAt: when(9).toISOString() }, now: when(9) });
    expect(repeat).toMatchObject({ changed: false });
    const second = await writeNote({ repoDir, remote: { url }, revision: source, note: applied, now: when(10) });
    expect(second).toMatchObject({ changed: true });
    expect((await readNote({ repoDir, revision: source }))?.applies).toEqual([quiet, applied]);
    expect((await fx.server.git('notes', ['rev-list', NOTES_REF])).split('\n')).toHaveLength(2);

    const opened = await openStatusSource({ repo: url, branch: 'gitvirt/status', notes: true });
    try {
      expect((await readNoteIn(opened.repo, source))?.applies).toHaveLength(2);
    } finally {
      await opened.close();
    }
  });

  it('re-adds the note on top when another writer moved the notes ref, keeping both notes', SLOW, async () => {
    const { url, source } = await fx.fleet('notes-race');
    const other = await fx.server.commit('notes-race', { files: { 'vms/web1.yaml': 'kind: VirtualMachine\n' }, message: 'add web1' });
    const ours = await fx.localRepo();
    const theirs = await fx.localRepo();
    await writeNote({ repoDir: ours, remote: { url }, revision: source, note: quiet, now: when(1) });
    const http = racingHttp({
      at: 'receive', times: 1,
      compete: async () => void (await writeNote({ repoDir: theirs, remote: { url }, revision: other, note: applied, now: when(2) })),
    });
    const result = await writeNote({ repoDir: ours, remote: { url, http }, revision: source, note: applied, now: when(3) });
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    const listed = (await fx.server.git('notes-race', ['notes', '--ref=gitvirt', 'list'])).split('\n').map((line) => line.split(' ')[1]).sort();
    expect(listed).toEqual([source, other].sort());
    expect(parse(await fx.server.git('notes-race', ['notes', '--ref=gitvirt', 'show', source]))).toEqual({ revision: source, applies: [quiet, applied] });
    expect(parse(await fx.server.git('notes-race', ['notes', '--ref=gitvirt', 'show', other]))).toEqual({ revision: other, applies: [applied] });
  });

  it('skips revisions that are not commits', async () => {
    const repoDir = await fx.localRepo();
    expect(await writeNote({ repoDir, remote: undefined, revision: 'local', note: quiet })).toEqual({ skipped: 'not-a-commit' });
    expect(await writeNote({ repoDir, remote: undefined, revision: `${'a'.repeat(40)}-dirty`, note: quiet })).toEqual({ skipped: 'not-a-commit' });
  });
});
