import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeStatus, parseStatusFiles, renderStatusFiles, type Condition, type ResourceStatusDoc, type StatusSnapshot,
} from '../../../controller/status/index.js';
import type { HostObservation } from '../../../controller/types/plan.js';
import { REVISION, runCycle } from './cycle.js';
import { CLUSTER, HUGE_VM, manifestsWith } from './manifests.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/status/changes-applied/', import.meta.url));
const NEXT = '2026-11-24T11:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const doc = (snapshot: StatusSnapshot, path: string): ResourceStatusDoc => {
  const found = snapshot.resources.get(path);
  if (found === undefined) throw new Error(`no ${path} in ${[...snapshot.resources.keys()].join(', ')}`);
  return found;
};
const condition = (d: ResourceStatusDoc, type: Condition['type']) => d.status.conditions.find((c) => c.type === type)!;
const summary = (d: ResourceStatusDoc) => ['Ready', 'Reconciling', 'Stalled'].map((t) => `${t}=${condition(d, t as Condition['type']).status}`).join(' ');

async function goldenFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(GOLDEN, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(GOLDEN.length).split('\\').join('/');
    files.set(path, await readFile(join(GOLDEN, path), 'utf8'));
  }
  return files;
}

describe('computeStatus after an apply', () => {
  it('writes one document per resource, byte for byte as recorded in the fixture', async () => {
    const { input } = await runCycle('changes');
    const files = renderStatusFiles(computeStatus(input));
    const resourceFiles = new Map([...files].filter(([path]) => path.startsWith('status/')));
    expect(resourceFiles).toEqual(await goldenFiles());
    // tmp1 was deleted (it left the manifests): no document for it.
    expect([...files.keys()].filter((p) => p.includes('tmp1'))).toEqual([]);
    expect([...files.keys()].filter((p) => p.startsWith('hosts/'))).toEqual(['hosts/hv1.yaml', 'hosts/hv2.yaml', 'hosts/hv3.yaml']);
  });

  it('says Applied with the counts, the host and the static address of a VM that changed', async () => {
    const snapshot = computeStatus((await runCycle('changes')).input);
    const web1 = doc(snapshot, 'status/VirtualMachine/web1.yaml');
    expect(condition(web1, 'Ready')).toMatchObject({ status: 'True', reason: 'Applied', message: 'applied a1b2c3d4e5f6: 1 created, 2 configured' });
    expect(summary(web1)).toBe('Ready=True Reconciling=False Stalled=False');
    expect(web1.status).toMatchObject({ host: 'hv1', observedRevision: REVISION, ipAddresses: [{ ip: '192.168.240.11', network: 'gvnet', source: 'static' }] });
    expect(web1.status.lastError).toBeUndefined();
    expect(condition(doc(snapshot, 'status/VirtualMachine/cold3.yaml'), 'Ready')).toMatchObject({ status: 'True', reason: 'Unchanged' });
    expect(doc(snapshot, 'status/Network/gvnet.yaml').status.hosts).toEqual(['hv1', 'hv2']);
  });

  it('reports a failed action as ApplyFailed with the error, and the actions it held back as not run', async () => {
    const { input } = await runCycle('changes', {
      run: (action) => (action.kind === 'domain.set-memory' ? new Error('failed to set memory of web1: requested 192 MiB above the maximum') : { result: 'configured' }),
    });
    const snapshot = computeStatus(input);
    const web1 = doc(snapshot, 'status/VirtualMachine/web1.yaml');
    expect(condition(web1, 'Ready')).toMatchObject({ status: 'False', reason: 'ApplyFailed' });
    expect(condition(web1, 'Ready').message).toContain('hv1: domain.set-memory web1 failed: failed to set memory of web1');
    expect(summary(web1)).toBe('Ready=False Reconciling=True Stalled=False');
    expect(web1.status.lastError).toMatchObject({ reason: 'ApplyFailed', revision: REVISION, time: '2026-11-24T10:00:00.000Z' });
    // The host itself is fine: its failure is web1's.
    expect(condition(doc(snapshot, 'status/Host/hv1.yaml'), 'Ready').status).toBe('True');
  });

  it('marks everything on an unreachable host HostUnreachable and keeps its last inventory', async () => {
    const first = computeStatus((await runCycle('converged')).input);
    const down = (observed: Record<string, HostObservation>): Record<string, HostObservation> => ({
      ...observed, hv2: { ok: false, error: 'failed to connect to hv2 (10.77.2.2:22): connection refused', code: 'HostUnreachable' },
    });
    const { input } = await runCycle('converged', { observed: down, now: NEXT });
    const snapshot = computeStatus({ ...input, previous: first });
    for (const path of ['status/Host/hv2.yaml', 'status/VirtualMachine/web2.yaml']) {
      expect(condition(doc(snapshot, path), 'Ready')).toMatchObject({ status: 'False', reason: 'HostUnreachable' });
      expect(condition(doc(snapshot, path), 'Ready').message).toContain('connection refused');
    }
    expect(condition(doc(snapshot, 'status/VirtualMachine/web1.yaml'), 'Ready').status).toBe('True');
    const hv2 = snapshot.hosts.get('hosts/hv2.yaml')!;
    expect(hv2.status).toMatchObject({ reachable: false, error: 'failed to connect to hv2 (10.77.2.2:22): connection refused' });
    expect(hv2.status.inventory).toEqual(first.hosts.get('hosts/hv2.yaml')!.status.inventory);
  });

  it('keeps lastTransitionTime and the bytes when nothing changed, and moves it when the status does', async () => {
    const cycle = await runCycle('converged');
    const first = computeStatus(cycle.input);
    const again = computeStatus({ ...cycle.input, now: NEXT, previous: parseStatusFiles(renderStatusFiles(first)) });
    expect(renderStatusFiles(again)).toEqual(renderStatusFiles(first));
    const failing = await runCycle('changes', { run: () => new Error('libvirt: internal error'), now: NEXT });
    const moved = computeStatus({ ...failing.input, previous: first });
    const web1 = condition(doc(moved, 'status/VirtualMachine/web1.yaml'), 'Ready');
    expect(web1).toMatchObject({ status: 'False', lastTransitionTime: NEXT });
    const unchanged = condition(doc(moved, 'status/Image/guest.yaml'), 'Ready');
    expect(unchanged).toMatchObject({ status: 'True', reason: 'Unchanged', lastTransitionTime: '2026-11-24T10:00:00.000Z' });
  });

  it('records a VM removed from the manifests but deletion protected, until someone acts', async () => {
    const protect = (observed: Record<string, HostObservation>): Record<string, HostObservation> => {
      const hv2 = observed['hv2'] as { ok: true; live: Extract<HostObservation, { ok: true }>['live'] };
      const domains = hv2.live.domains.map((d) => (d.name === 'tmp1' && d.owner !== null ? { ...d, owner: { ...d.owner, deletionProtection: true } } : d));
      return { ...observed, hv2: { ok: true, live: { ...hv2.live, domains } } };
    };
    const snapshot = computeStatus((await runCycle('changes', { observed: protect })).input);
    const tmp1 = doc(snapshot, 'status/VirtualMachine/tmp1.yaml');
    expect(condition(tmp1, 'Ready')).toMatchObject({ status: 'False', reason: 'DeletionProtected' });
    expect(summary(tmp1)).toBe('Ready=False Reconciling=False Stalled=True');
  });

  it('holds a deletion back by the brake as BrakeEngaged, and says so for a plan that was refused', async () => {
    const braked = await runCycle('changes', { policy: { maxDeletions: 0 } });
    expect(braked.computed.plan.brake?.code).toBe('TooManyDeletions');
    const applied = computeStatus(braked.input);
    expect(condition(doc(applied, 'status/VirtualMachine/tmp1.yaml'), 'Ready')).toMatchObject({ status: 'False', reason: 'BrakeEngaged' });
    expect(condition(doc(applied, 'status/VirtualMachine/web1.yaml'), 'Ready')).toMatchObject({ status: 'True', reason: 'Applied' });
    const { changeSet: _, ...refused } = braked.input;
    const held = computeStatus(refused);
    expect(condition(doc(held, 'status/VirtualMachine/web1.yaml'), 'Ready')).toMatchObject({ status: 'False', reason: 'BrakeEngaged' });
    expect(condition(doc(held, 'status/VirtualMachine/web1.yaml'), 'Ready').message).toMatch(/^not applied, the brake is engaged \(TooManyDeletions\): /);
    expect(condition(doc(held, 'status/VirtualMachine/cold3.yaml'), 'Ready')).toMatchObject({ status: 'True', reason: 'Unchanged' });
  });

  it('gives an unplaced VM its scheduler reason, and a Cluster its members', async () => {
    const manifests = await manifestsWith('changes', { 'virtualmachines/huge1.yaml': HUGE_VM, 'clusters/api.yaml': CLUSTER });
    cleanups.push(manifests.remove);
    const snapshot = computeStatus((await runCycle('changes', { manifestsDir: manifests.dir })).input);
    const huge = doc(snapshot, 'status/VirtualMachine/huge1.yaml');
    expect(condition(huge, 'Ready')).toMatchObject({ status: 'False', reason: 'InsufficientCapacity' });
    expect(condition(huge, 'Ready').message).toMatch(/^not placed: needs 64 vCPUs/);
    expect(summary(huge)).toBe('Ready=False Reconciling=False Stalled=True');
    const api = doc(snapshot, 'status/Cluster/api.yaml');
    expect(api.status.members).toEqual([{ name: 'api-zone-b-0', host: 'hv2', ready: true, reason: 'Applied' }]);
    expect(condition(api, 'Ready')).toMatchObject({ status: 'True', message: '1/1 members ready' });
  });

  it('when the manifests are invalid, marks every resource InvalidManifests and keeps the ones the error hid', async () => {
    const first = computeStatus((await runCycle('converged')).input);
    const broken = await manifestsWith('converged', { 'virtualmachines/web1.yaml': 'apiVersion: gitvirt.io/v1alpha1\nkind: VirtualMachine\nmetadata: {name: web1}\nspec: {cpus: [\n' });
    cleanups.push(broken.remove);
    const { readRepo } = await import('../../../controller/manifests/index.js');
    const validation = await readRepo({ dir: broken.dir });
    const snapshot = computeStatus({ revision: 'b'.repeat(40), validation, observed: {}, now: NEXT, previous: first });
    expect([...snapshot.resources.keys()]).toEqual([...first.resources.keys()]);
    const web1 = doc(snapshot, 'status/VirtualMachine/web1.yaml');
    expect(condition(web1, 'Ready')).toMatchObject({ status: 'False', reason: 'InvalidManifests' });
    expect(condition(web1, 'Ready').message).toContain('virtualmachines/web1.yaml:');
    expect(web1.status).toMatchObject({ host: 'hv1', observedRevision: 'b'.repeat(40) });
    expect(condition(doc(snapshot, 'status/VirtualMachine/web2.yaml'), 'Ready').message).toMatch(/^the repository has \d+ errors?, nothing was applied; first: virtualmachines\/web1\.yaml:\d+:\d+: invalid YAML/);
    expect(snapshot.hosts).toEqual(first.hosts);
  });
});

describe('host documents', () => {
  it('record owned XML without other tools\' metadata or passwords, and no XML of domains gitvirt does not own', async () => {
    const tamper = (observed: Record<string, HostObservation>): Record<string, HostObservation> => {
      const hv1 = observed['hv1'] as Extract<HostObservation, { ok: true }>;
      const domains = hv1.live.domains.map((d) => (d.xml === undefined ? d : {
        ...d,
        xml: d.xml
          .replace('<metadata>', '<metadata>\n    <other:tool xmlns:other="https://example.invalid/tool"><other:token>tool-token-1</other:token></other:tool>')
          .replace('</devices>', "  <graphics type='vnc' port='-1' passwd='vnc-pass-1'/>\n  </devices>"),
      }));
      const foreign = { name: 'manual-vm', uuid: '11111111-2222-3333-4444-555555555555', state: 'running' as const, autostart: true, owner: null, xml: '<domain><name>manual-vm</name><description>ops password: hand-1</description></domain>' };
      return { ...observed, hv1: { ok: true, live: { ...hv1.live, domains: [...domains, foreign] } } };
    };
    const snapshot = computeStatus((await runCycle('converged', { observed: tamper })).input);
    const text = renderStatusFiles(snapshot).get('hosts/hv1.yaml')!;
    for (const leaked of ['tool-token-1', 'vnc-pass-1', 'hand-1', 'example.invalid']) expect(text).not.toContain(leaked);
    const inventory = snapshot.hosts.get('hosts/hv1.yaml')!.status.inventory!;
    expect(inventory.domains.find((d) => d.name === 'manual-vm')).toEqual({ name: 'manual-vm', uuid: '11111111-2222-3333-4444-555555555555', state: 'running', autostart: true, owner: null });
    const web1 = inventory.domains.find((d) => d.name === 'web1')!;
    expect(web1.xml).toContain('<gitvirt:owner xmlns:gitvirt="https://gitvirt.io/xmlns/owner/v1alpha1"');
    expect(web1.xml).toContain("<graphics type='vnc' port='-1'/>");
  });
});
