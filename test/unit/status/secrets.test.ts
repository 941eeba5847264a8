import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNoteEntry, computeStatus, renderStatusFiles, writeNote, writeStatus,
} from '../../../controller/status/index.js';
import { runCycle } from './cycle.js';
import { gitFixture, type GitFixture } from './git-fixture.js';
import { manifestsWith, PLANTED_SECRET, SECRET_VM } from './manifests.js';

let fx: GitFixture;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fx = await gitFixture();
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await fx.stop();
});

/** Every object of a repository, decompressed: blobs, trees, commits (messages) and tags. */
const allObjects = (gitDir: string) => fx.git(gitDir, ['cat-file', '--batch-all-objects', '--batch']);

describe('secrets', () => {
  it('a password in cloud-init user-data reaches neither the status tree, nor the note, nor any commit message', { timeout: 90_000 }, async () => {
    const manifests = await manifestsWith('changes', { 'virtualmachines/vault1.yaml': SECRET_VM });
    cleanups.push(manifests.remove);
    const cycle = await runCycle('changes', {
      manifestsDir: manifests.dir,
      run: (action) => (action.kind === 'image.fetch'
        ? new Error(`failed to fetch image guest2 from https://deploy:${PLANTED_SECRET}@images.example.invalid/guest.qcow2: 401`)
        : { result: 'created' }),
    });
    // The secret is really in the pipeline: in the compiled seed and in the plan's seed action.
    const vault = cycle.computed.desired.hosts['hv3']!.vms.find((v) => v.name === 'vault1')!;
    expect(vault.seed?.files['user-data']).toContain(PLANTED_SECRET);
    expect(JSON.stringify(cycle.computed.plan)).toContain(PLANTED_SECRET);
    expect(cycle.changeSet.entries.some((e) => e.owner.name === 'vault1' && e.kind === 'seed.create' && e.result === 'created')).toBe(true);

    const snapshot = computeStatus(cycle.input);
    const files = renderStatusFiles(snapshot);
    expect(files.get('status/VirtualMachine/vault1.yaml')).toContain('reason: Applied');
    expect(files.get('status/Image/guest2.yaml')).toContain('https://***@images.example.invalid');
    for (const [path, text] of files) expect({ path, leaked: text.includes(PLANTED_SECRET) }).toEqual({ path, leaked: false });

    const { url, source } = await fx.fleet('secrets');
    const repoDir = await fx.localRepo();
    await writeStatus({ repoDir, remote: { url }, snapshot, revision: source });
    const note = buildNoteEntry({ changeSet: cycle.changeSet, observed: cycle.observed, now: '2026-11-24T10:00:00.000Z' });
    await writeNote({ repoDir, remote: { url }, revision: source, note });

    for (const gitDir of [fx.server.repoDir('secrets'), repoDir]) {
      const objects = await allObjects(gitDir);
      expect(objects).toContain('vault1');
      expect(objects).toContain(`Gitvirt-Source-Revision: ${source}`);
      expect(objects).toContain('seed.create');
      expect(objects.includes(PLANTED_SECRET)).toBe(false);
    }
  });
});
