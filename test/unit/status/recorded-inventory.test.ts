import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffHost } from '../../../controller/diff/index.js';
import { buildPlan } from '../../../controller/plan/index.js';
import { computePlan } from '../../../controller/reconcile/index.js';
import {
  computeStatus, parseStatusFiles, planFromStatus, readRecordedInventory, recordedObservations, renderStatusFiles, StatusReadFailedError, writeStatus,
} from '../../../controller/status/index.js';
import type { DesiredState } from '../../../controller/types/desired.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { HostObservation } from '../../../controller/types/plan.js';
import { convergedLive, desiredHost, HOST, vm } from '../plan/plan-fixtures.js';
import { REVISION, runCycle } from './cycle.js';
import { gitFixture, type GitFixture } from './git-fixture.js';

const SLOW = { timeout: 90_000 };
let fx: GitFixture;
beforeAll(async () => {
  fx = await gitFixture();
});
afterAll(async () => fx.stop());

/** Live state through the status documents and back, as `plan --from-status` sees it. */
function throughStatus(desired: DesiredState, observed: Record<string, HostObservation>): Record<string, HostObservation> {
  const snapshot = computeStatus({ revision: desired.revision, validation: { diagnostics: [] }, desired, observed, now: '2026-11-24T10:00:00.000Z' });
  return recordedObservations(parseStatusFiles(renderStatusFiles(snapshot)));
}

/** Another tool's metadata in a captured domain, which the status branch must not publish. */
function withForeignMetadata(live: LiveHostState): LiveHostState {
  const foreign = '<metadata>\n    <acme:inventory xmlns:acme="https://acme.invalid/inventory"><acme:owner>team-x</acme:owner></acme:inventory>';
  return { ...live, domains: live.domains.map((d) => ({ ...d, ...(d.xml === undefined ? {} : { xml: d.xml.replace('<metadata>', foreign) }) })) };
}

describe('recorded inventory', () => {
  it('plans the captured libvirt fixtures exactly as the original observation does (diffHost and buildPlan)', () => {
    const base = desiredHost([vm('gvfixture-basic'), vm('gvfixture-full')]);
    const live = withForeignMetadata(convergedLive(base));
    const changedVm = vm('gvfixture-basic', { memoryMiB: 224, cpus: 2, specHash: '9'.repeat(64) });
    const desired: DesiredState = { revision: REVISION, hosts: { [HOST]: desiredHost([changedVm, vm('gvfixture-full')]) }, unplaced: [], diagnostics: [] };
    const observed: Record<string, HostObservation> = { [HOST]: { ok: true, live } };
    const recorded = throughStatus(desired, observed);
    const replayed = (recorded[HOST] as Extract<HostObservation, { ok: true }>).live;
    expect(replayed.domains.map((d) => d.xml ?? '').join('')).not.toContain('acme');

    const original = { [HOST]: diffHost({ desired: desired.hosts[HOST]!, live }) };
    const fromStatus = { [HOST]: diffHost({ desired: desired.hosts[HOST]!, live: replayed }) };
    expect(fromStatus).toEqual(original);
    expect(original[HOST]!.some((c) => c.type === 'update')).toBe(true);
    expect(buildPlan({ desired, observed: recorded, changes: fromStatus })).toEqual(buildPlan({ desired, observed, changes: original }));
  });

  it('round-trips through the git server: the recorded engine scenario plans the same from the status branch (URL and local clone)', SLOW, async () => {
    const cycle = await runCycle('changes');
    const { url } = await fx.fleet('inventory');
    const repoDir = await fx.localRepo();
    await writeStatus({ repoDir, remote: { url }, snapshot: computeStatus(cycle.input), revision: REVISION });

    const fromUrl = await readRecordedInventory({ url });
    const fromDir = await readRecordedInventory({ dir: repoDir });
    expect(fromDir).toEqual(fromUrl);
    expect(Object.keys(fromUrl)).toEqual(['hv1', 'hv2', 'hv3']);
    const planWith = (observed: Record<string, HostObservation>) => computePlan({ manifests: cycle.validation.manifests, revision: REVISION, observed });
    const original = planWith(cycle.observed);
    const replayed = planWith(fromUrl);
    expect(replayed.plan).toEqual(original.plan);
    expect(replayed.changes).toEqual(original.changes);
    expect(original.summary.changes).toBe(true);
  });

  it('keeps the last inventory of a host that became unreachable, and reports a host never read', SLOW, async () => {
    const first = await runCycle('converged');
    const before = computeStatus(first.input);
    const down = (observed: Record<string, HostObservation>): Record<string, HostObservation> => ({ ...observed, hv2: { ok: false, error: 'timed out' } });
    const later = computeStatus({ ...(await runCycle('converged', { observed: down })).input, previous: before });
    const recorded = recordedObservations(later);
    expect(recorded['hv2']).toEqual(recordedObservations(before)['hv2']);
    const never = computeStatus({ ...(await runCycle('converged', { observed: down })).input });
    expect(recordedObservations(never)['hv2']).toEqual({ ok: false, error: 'no inventory recorded for hv2 (timed out)', code: 'NoRecordedInventory' });
  });

  it('planFromStatus plans a checkout against the status branch of its own repository', SLOW, async () => {
    const cycle = await runCycle('changes');
    const repoDir = await fx.localRepo();
    await writeStatus({ repoDir, remote: undefined, snapshot: computeStatus({ ...cycle.input, observed: cycle.observed }), revision: REVISION });
    const { loadScenario } = await import('../../fixtures/engine/capture.js');
    const manifestsDir = (await loadScenario('changes')).manifestsDir;
    const result = await planFromStatus({ dir: manifestsDir, revision: REVISION, status: { dir: repoDir } });
    expect(result.outcome).toBe('planned');
    expect(result.computed?.plan).toEqual(computePlan({ manifests: cycle.validation.manifests, revision: REVISION, observed: cycle.observed }).plan);
    await expect(planFromStatus({ dir: manifestsDir, revision: REVISION, status: { dir: repoDir, branch: 'nope' } })).rejects.toBeInstanceOf(StatusReadFailedError);
  });
});
