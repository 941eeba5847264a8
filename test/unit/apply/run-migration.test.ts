import { describe, expect, it } from 'vitest';
import { COPY_CHUNK_BYTES, applyPlan, runMigration } from '../../../controller/apply/index.js';
import type { Action, MigrateParams, Plan } from '../../../controller/types/plan.js';
import { MemoryHost, POOL } from './two-hosts.js';

const VM = 'web';
const owner = { kind: 'VirtualMachine' as const, name: VM };

/** A migrate action of `web` from hv1 to hv2 with a root overlay and a data disk. */
function migrate(overrides: Partial<MigrateParams> = {}): Extract<Action, { kind: 'domain.migrate' }> {
  const volume = (disk: string) => ({
    volume: `${VM}-${disk}.qcow2`, format: 'qcow2' as const, from: `${POOL}/${VM}-${disk}.qcow2`, to: `${POOL}/${VM}-${disk}.qcow2`, pool: 'gitvirt',
    create: { pool: 'gitvirt', volume: `${VM}-${disk}.qcow2`, path: `${POOL}/${VM}-${disk}.qcow2`, format: 'qcow2' as const, capacityBytes: 1024 },
  });
  const params: MigrateParams = {
    name: VM, from: 'hv1', disks: 'copy', timeoutSeconds: 5, volumes: [volume('root'), volume('data')], xml: '<domain/>',
    runStrategy: 'Always', autostart: true,
    cleanup: [`${VM}-root.qcow2`, `${VM}-data.qcow2`, `${VM}-seed-0123456789ab.iso`].map((v) => ({ pool: 'gitvirt', volume: v, path: `${POOL}/${v}` })),
    ...overrides,
  };
  return { kind: 'domain.migrate', host: 'hv2', owner, reason: 'migrate', destructive: true, drift: false, params };
}

/** hv1 running `web` with its disks and seed; hv2 empty. */
function hosts(): { hv1: MemoryHost; hv2: MemoryHost; data: Buffer } {
  const hv1 = new MemoryHost('hv1');
  const hv2 = new MemoryHost('hv2');
  const data = Buffer.alloc(COPY_CHUNK_BYTES + 12345);
  for (let i = 0; i < data.length; i += 4096) data.writeUInt32LE(i, i);
  hv1.domains.set(VM, { state: 'running', autostart: true, owned: true });
  hv1.files.set(`${POOL}/${VM}-root.qcow2`, Buffer.from('root overlay'));
  hv1.files.set(`${POOL}/${VM}-data.qcow2`, data);
  hv1.files.set(`${POOL}/${VM}-seed-0123456789ab.iso`, Buffer.from('seed'));
  return { hv1, hv2, data };
}

describe('runMigration', () => {
  it('stops the VM, copies its volumes in chunks, starts it on the target, then removes it from the source', async () => {
    const { hv1, hv2, data } = hosts();
    const outcome = await runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() });
    expect(outcome.result).toBe('configured');
    expect(outcome.message).toMatch(/^moved from hv1: shut down gracefully on hv1; copied 2 volumes \(\d+ bytes, verified\); started on hv2; undefined on hv1; deleted 3 volumes on hv1$/);
    expect(hv2.domains.get(VM)).toMatchObject({ state: 'running', autostart: true, xml: '<domain/>' });
    expect(hv2.files.get(`${POOL}/${VM}-data.qcow2`)?.equals(data)).toBe(true);
    expect([...hv2.files.keys()].some((p) => p.endsWith('.part'))).toBe(false);
    expect(hv1.domains.size).toBe(0);
    expect(hv1.files.size).toBe(0);
    expect(hv1.log.filter((l) => l.startsWith('read') && l.includes('data'))).toHaveLength(2);
    const order = [...hv1.log.map((l) => `hv1 ${l}`), ...hv2.log.map((l) => `hv2 ${l}`)];
    expect(order).toContain('hv1 domain.stop web');
    expect(hv2.log.indexOf('domain.start web')).toBeGreaterThan(hv2.log.indexOf(`install ${POOL}/${VM}-data.qcow2`));
  });

  it('starts the VM again on the source and keeps every source disk when the copy fails', async () => {
    const { hv1, hv2 } = hosts();
    hv2.failOn = (step) => (step.startsWith(`write ${POOL}/.${VM}-data`) ? new Error('disk full') : undefined);
    await expect(runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() })).rejects.toThrow('disk full');
    expect(hv1.domains.get(VM)?.state).toBe('running');
    expect(hv1.files.size).toBe(3);
    expect(hv2.domains.size).toBe(0);
    expect([...hv2.files.keys()].filter((p) => p.includes('.part'))).toEqual([]);
  });

  it('keeps the source when the target cannot start the VM', async () => {
    const { hv1, hv2 } = hosts();
    hv2.failOn = (step) => (step === 'domain.start web' ? new Error('no such bridge') : undefined);
    await expect(runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() })).rejects.toThrow('no such bridge');
    expect(hv1.domains.get(VM)?.state).toBe('running');
    expect(hv1.files.size).toBe(3);
  });

  it('resumes after an interruption: copies already made are kept, the rest is finished', async () => {
    const { hv1, hv2 } = hosts();
    hv1.domains.get(VM)!.state = 'shutoff';
    hv2.files.set(`${POOL}/${VM}-root.qcow2`, hv1.files.get(`${POOL}/${VM}-root.qcow2`)!);
    hv2.domains.set(VM, { state: 'shutoff', autostart: false, owned: true });
    const outcome = await runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() });
    expect(outcome.message).toContain('copied 1 volume');
    expect(outcome.message).toContain('1 already copied');
    expect(hv2.domains.get(VM)?.state).toBe('running');
    expect(hv1.domains.size).toBe(0);
  });

  it('finishes a migration cut short after the start: undefines the source but keeps its disks', async () => {
    const { hv1, hv2 } = hosts();
    hv1.domains.get(VM)!.state = 'shutoff';
    hv2.domains.set(VM, { state: 'running', autostart: true, owned: true });
    const outcome = await runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() });
    expect(outcome.message).toContain('kept the disks on hv1');
    expect(hv1.domains.size).toBe(0);
    expect([...hv1.files.keys()].sort()).toEqual([`${POOL}/${VM}-data.qcow2`, `${POOL}/${VM}-root.qcow2`]);
    expect(hv2.log).not.toContain('domain.start web');
  });

  it('creates fresh volumes with the recreate policy, and does not start a Halted VM', async () => {
    const { hv1, hv2 } = hosts();
    await runMigration({ action: migrate({ disks: 'recreate', runStrategy: 'Halted', autostart: false }), source: hv1.client(), target: hv2.client() });
    expect(hv2.files.get(`${POOL}/${VM}-data.qcow2`)?.toString()).toBe('fresh');
    expect(hv2.domains.get(VM)?.state).toBe('shutoff');
    expect(hv1.log.some((l) => l.startsWith('read'))).toBe(false);
    expect(hv1.files.size).toBe(0);
  });

  it('refuses before stopping anything when a host offers no file access, and when the VM runs on both hosts', async () => {
    const { hv1, hv2 } = hosts();
    await expect(runMigration({ action: migrate(), source: hv1.client(false), target: hv2.client() })).rejects.toMatchObject({ code: 'MigrationFailed', data: { refusal: 'no-file-access' } });
    expect(hv1.domains.get(VM)?.state).toBe('running');
    hv2.domains.set(VM, { state: 'running', autostart: true, owned: true });
    await expect(runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() })).rejects.toMatchObject({ data: { refusal: 'running-twice' } });
    hv2.domains.set(VM, { state: 'shutoff', autostart: false, owned: false });
    await expect(runMigration({ action: migrate(), source: hv1.client(), target: hv2.client() })).rejects.toMatchObject({ data: { refusal: 'target-not-owned' } });
    expect(hv1.log).not.toContain('domain.stop web');
  });

  it('runs through applyPlan with the clients of both hosts', async () => {
    const { hv1, hv2 } = hosts();
    const plan: Plan = { revision: 'r', hosts: [
      { host: 'hv1', reachable: true, actions: [], skipped: [{ host: 'hv1', owner: { kind: 'VirtualMachine', name: 'other' }, reason: 'DrainPending', message: 'waits' }] },
      { host: 'hv2', reachable: true, actions: [migrate()], skipped: [] },
    ] };
    const clients = { hv1: hv1.client(), hv2: hv2.client() } as const;
    const changeSet = await applyPlan({ plan, clientFor: (host) => clients[host as keyof typeof clients] });
    expect(changeSet.entries.map((e) => [e.host, e.kind, e.result])).toEqual([['hv1', 'domain.migrate', 'skipped'], ['hv2', 'domain.migrate', 'configured']]);
    expect(hv2.domains.get(VM)?.state).toBe('running');
  });
});
