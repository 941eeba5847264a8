import { describe, expect, it } from 'vitest';
import { buildPlanReport } from '../../../controller/cli/format/plan-report.js';
import { computePlan } from '../../../controller/reconcile/index.js';
import type { Action } from '../../../controller/types/plan.js';
import { planScenario, plannedResult, scenario, withUnreachable } from './recorded.js';

const actions = (plan: { hosts: { host: string; actions: Action[] }[] }, host: string) =>
  plan.hosts.find((h) => h.host === host)?.actions.map((a) => `${a.kind} ${a.owner.name}`) ?? [];

describe('computePlan on observations recorded from the testbed', () => {
  it('plans nothing for hosts that match their manifests (libvirt defaults and stable placement are not changes)', async () => {
    const { plan, summary, desired } = await planScenario('converged');
    expect(summary).toEqual({ add: 0, change: 0, destroy: 0, skipped: 0, unreachable: 0, changes: false });
    expect(plan.hosts.map((h) => [h.host, h.reachable, h.actions.length])).toEqual([['hv1', true, 0], ['hv2', true, 0], ['hv3', true, 0]]);
    expect(Object.fromEntries(Object.entries(desired.hosts).map(([h, d]) => [h, d.vms.map((v) => v.name)]))).toEqual({
      hv1: ['db1', 'web1'], hv2: ['tmp1', 'web2'], hv3: ['cold3'],
    });
  });

  it('is pure: the same input gives the same plan', async () => {
    const s = await scenario('changes');
    const input = { manifests: s.manifests, revision: s.revision, observed: s.observed };
    expect(computePlan(input)).toEqual(computePlan(input));
  });

  it('classifies edits: live (memory, iotune), restart (vCPUs), replace (disk image), delete (VM removed)', async () => {
    const computed = await planScenario('changes');
    expect(actions(computed.plan, 'hv1')).toEqual([
      'image.fetch guest2', 'volume.delete db1', 'volume.create db1', 'domain.define db1',
      'domain.define web1', 'domain.set-memory web1', 'domain.set-iotune web1',
    ]);
    expect(actions(computed.plan, 'hv2')).toEqual(['domain.define web2', 'domain.restart web2', 'domain.delete tmp1', 'volume.delete tmp1']);
    expect(actions(computed.plan, 'hv3')).toEqual([]);
    const report = buildPlanReport(await plannedResult('changes'));
    const objects = Object.fromEntries(report.hosts.flatMap((h) => h.objects.map((o) => [o.owner.name, o])));
    expect(Object.fromEntries(Object.entries(objects).map(([name, o]) => [name, o.symbol]))).toEqual({
      guest2: '+', db1: '-/+', web1: '~', web2: '↻', tmp1: '-',
    });
    expect(objects['web1']?.fields).toEqual([
      { object: 'domain', path: 'memoryMiB', from: 128, to: 192, class: 'live' },
      { object: 'domain', path: 'disks[vda].iotune.totalIopsSec', from: null, to: 500, class: 'live' },
    ]);
    expect(objects['web2']?.fields).toEqual([
      { object: 'domain', path: 'vcpus', from: 1, to: 2, class: 'restart' },
      { object: 'domain', path: 'maxVcpus', from: 1, to: 2, class: 'restart' },
    ]);
    expect(report.counts).toEqual({ add: 2, change: 2, destroy: 2 });
    expect(Object.values(objects).some((o) => o.drift)).toBe(false);
  });

  it('keeps the disk of a removed VM and deletes only its regenerable seed', async () => {
    const { plan } = await planScenario('changes');
    const deletes = plan.hosts.flatMap((h) => h.actions).filter((a) => a.kind === 'volume.delete' && a.owner.name === 'tmp1');
    expect(deletes.map((a) => [a.kind === 'volume.delete' ? a.params.volume : '', a.destructive])).toEqual([[expect.stringMatching(/^tmp1-seed-[0-9a-f]{12}\.iso$/), false]]);
  });

  it('flags changes made on a host by hand as drift and plans them back', async () => {
    const report = buildPlanReport(await plannedResult('drift'));
    const hv1 = report.hosts.find((h) => h.host === 'hv1');
    expect(hv1?.objects.map((o) => [o.owner.name, o.symbol, o.drift])).toEqual([['db1', '~', true], ['web1', '~', true]]);
    expect(hv1?.objects.find((o) => o.owner.name === 'web1')?.fields).toEqual([{ object: 'domain', path: 'memoryMiB', from: 160, to: 192, class: 'live' }]);
    expect(hv1?.objects.find((o) => o.owner.name === 'db1')?.fields.map((f) => [f.path, f.from, f.to])).toEqual([['vcpus', 2, 1], ['maxVcpus', 2, 1]]);
    expect(hv1?.objects.flatMap((o) => o.actions.map((a) => `${a.kind} ${a.drift}`))).toEqual([
      'domain.define true', 'domain.define true', 'domain.set-memory true',
    ]);
  });

  it('engages the brake on an empty repository and never plans anything for unowned objects', async () => {
    const { plan, summary } = await planScenario('empty');
    expect(plan.brake?.code).toBe('EmptyDesiredState');
    expect(plan.hosts.flatMap((h) => h.actions).filter((a) => a.destructive)).toEqual([]);
    expect(plan.hosts.flatMap((h) => h.skipped).map((s) => `${s.host} ${s.reason} ${s.owner.name}`).sort()).toEqual([
      'hv1 BrakeEngaged db1', 'hv1 BrakeEngaged gvnet', 'hv1 BrakeEngaged web1', 'hv2 BrakeEngaged gvnet', 'hv2 BrakeEngaged web2', 'hv3 BrakeEngaged cold3',
    ]);
    expect(summary.destroy).toBe(0);

    const allowed = await planScenario('empty', { policy: { allowEmpty: true } });
    expect(allowed.plan.brake).toBeUndefined();
    const touched = allowed.plan.hosts.flatMap((h) => h.actions.map((a) => `${h.host} ${a.kind} ${'name' in a.params ? a.params.name : ''}`));
    expect(touched.filter((t) => / (domain|network)\.delete /.test(t)).sort()).toEqual([
      'hv1 domain.delete db1', 'hv1 domain.delete web1', 'hv1 network.delete gvnet', 'hv2 domain.delete web2', 'hv2 network.delete gvnet', 'hv3 domain.delete cold3',
    ]);
    expect(touched.join('\n')).not.toMatch(/manual-/);
  });

  it('holds back deletions past the cap, and plans the rest', async () => {
    const { plan } = await planScenario('changes', { policy: { maxDeletions: 1 } });
    expect(plan.brake?.code).toBe('TooManyDeletions');
    expect(actions(plan, 'hv2')).toEqual(['domain.define web2', 'domain.restart web2']);
    expect(actions(plan, 'hv1')).toEqual(['image.fetch guest2', 'domain.define web1', 'domain.set-memory web1', 'domain.set-iotune web1']);
  });

  it('plans the other hosts when one is unreachable, and keeps its VMs placed on it', async () => {
    const s = await scenario('changes');
    const { plan, desired } = await planScenario('changes', { observed: withUnreachable(s.observed, 'hv2') });
    expect(plan.hosts.find((h) => h.host === 'hv2')).toMatchObject({ reachable: false, actions: [] });
    expect(actions(plan, 'hv1')).toContain('domain.set-memory web1');
    expect(desired.hosts['hv2']?.vms.map((v) => v.name)).toEqual(['web2']);
  });
});
