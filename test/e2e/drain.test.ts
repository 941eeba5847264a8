/**
 * Draining a host on the real testbed: two VMs run on hv1 (zone-a), hv1 is marked `drain: true`,
 * and `gitvirt apply` moves them to hv3 (the other zone-a host) one per run by cold migration.
 *
 * `mover` boots the test guest (Always) and has a blank data disk; `sleeper` is Halted, with a
 * pattern written into its data disk on hv1 before the drain, so the copies on hv3 can be compared
 * byte for byte (sha256) with what hv1 held. One flow, each `it` building on the one before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli, type CliIo } from '../../controller/cli/index.js';
import type { Host, Resource } from '../../controller/types/resources.js';
import { guestImage, guestVm, natNetwork, writeRepo, type ScenarioGuest } from '../fixtures/engine/scenario.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import { serveTestGuest, type ServedGuest } from './guest-image-server.js';
import { removeScenario } from './host-cleanup.js';
import type { TestbedHost } from '../testbed/testbed.js';

const testbed = injectTestbed();
const [hv1, , hv3] = testbed.hosts as [TestbedHost, TestbedHost, TestbedHost];
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const POOL_DIR = '/var/lib/libvirt/images/gitvirt';
const VMS = ['mover', 'sleeper'] as const;
const MOVER_IP = '192.168.240.61';
const log = (text: string) => process.stderr.write(`drain e2e: ${text}\n`);

const virsh = async (host: TestbedHost, ...args: string[]) => (await testbed.run(host, [...VIRSH, ...args], { timeoutMs: 60_000 })).stdout;
const domains = async (host: TestbedHost) => (await virsh(host, 'list', '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean);
const state = async (host: TestbedHost, name: string) => (await virsh(host, 'domstate', name)).trim();
const volumes = async (host: TestbedHost) => (await testbed.run(host, ['ls', '-A', POOL_DIR], { allowFailure: true })).stdout.split('\n').filter(Boolean);
/** sha256 of each named volume on a host. */
async function checksums(host: TestbedHost, names: readonly string[]): Promise<Record<string, string>> {
  const out = (await testbed.run(host, ['sh', '-c', 'cd "$1" && shift && sha256sum -- "$@"', 'sh', POOL_DIR, ...names])).stdout;
  return Object.fromEntries(out.trim().split('\n').map((line) => {
    const [sum, name] = line.split(/\s+/);
    return [name!, sum!];
  }));
}

describe('draining a host', () => {
  let work: string;
  let repo: string;
  let guestServer: ServedGuest | undefined;
  let guest: ScenarioGuest;
  let sleeperSums: Record<string, string> = {};

  /** Runs `gitvirt <args>` in-process over real SSH (plain output). */
  async function gitvirt(...args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const io: CliIo = {
      stdout: { write: (s: string) => (out += s), isTTY: false },
      stderr: { write: (s: string) => (out += s), isTTY: false },
      cwd: work, env: { CI: 'true' },
    };
    const started = Date.now();
    const code = await runCli({ argv: [args[0]!, repo, '--identity', testbed.state.clientKeyPath, ...args.slice(1)], commands: COMMANDS, version: 'e2e', io });
    log(`gitvirt ${args.join(' ')} → ${code} in ${Date.now() - started} ms`);
    return { code, out };
  }

  /** The repository: hv3 cordoned or hv1 draining; both VMs placed by zone-a. */
  const manifests = (phase: 'before' | 'drain'): Resource[] => {
    const hosts = testbed.hosts.map((h): Host => {
      const manifest = testbed.hostManifest(h);
      const extra = phase === 'before' ? { cordoned: h.name === 'hv3' } : { drain: h.name === 'hv1' };
      return { ...manifest, spec: { ...manifest.spec, ...extra } };
    });
    const placement = { zone: hv1.zone };
    const mover = guestVm({ name: 'mover', host: hv1.name, ip: MOVER_IP, guest, spec: { placement, disks: [{ name: 'root', image: 'guest', sizeGiB: 1 }, { name: 'data', sizeGiB: 0.0625 }] } });
    const sleeper = guestVm({ name: 'sleeper', host: hv1.name, ip: '192.168.240.62', guest, spec: {
      placement, runStrategy: 'Halted', interfaces: [], disks: [{ name: 'root', image: 'guest', sizeGiB: 1 }, { name: 'data', sizeGiB: 0.0625, deleteOnRemove: true }],
    } });
    return [...hosts, guestImage('guest', guest), natNetwork(), mover, sleeper];
  };

  beforeAll(async () => {
    guestServer = await serveTestGuest(hv1.peerAddress);
    guest = guestServer.guest;
    for (const host of testbed.hosts) await cleanHost(host);
    work = await mkdtemp(join(tmpdir(), 'gitvirt-drain-e2e-'));
    repo = join(work, 'repo');
  }, 300_000);

  afterAll(async () => {
    await guestServer?.close();
    for (const host of testbed.hosts) await cleanHost(host);
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 180_000);

  /** Removes this test's domains, network and pool from a host. */
  async function cleanHost(host: TestbedHost): Promise<void> {
    await removeScenario(testbed, host, { domains: VMS, networks: ['gvnet'] });
  }

  it('places both VMs on hv1 while hv3 is cordoned', async () => {
    await writeRepo(repo, manifests('before'));
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect((await domains(hv1)).sort()).toEqual(['mover', 'sleeper']);
    expect(await state(hv1, 'mover')).toBe('running');
    expect(await state(hv1, 'sleeper')).toBe('shut off');
    // A pattern on the sleeper's data disk, so its copy can be told from a fresh disk.
    await testbed.run(hv1, ['qemu-io', '-f', 'qcow2', '-c', 'write -P 0x5a 0 1M', `${POOL_DIR}/sleeper-data.qcow2`]);
    sleeperSums = await checksums(hv1, ['sleeper-root.qcow2', 'sleeper-data.qcow2']);
    expect(Object.keys(sleeperSums)).toHaveLength(2);
  }, 240_000);

  it('plans one migration for hv1 and keeps the other VM waiting', async () => {
    await writeRepo(repo, manifests('drain'));
    const plan = await gitvirt('plan');
    expect(plan.code, plan.out).toBe(2);
    expect(plan.out).toContain('domain.migrate: migrate vm mover hv1 → hv3 (copy 2 volumes)');
    expect(plan.out).toMatch(/VirtualMachine sleeper: DrainPending: domain\.migrate of sleeper: waits to leave draining host hv1/);
    expect(plan.out).not.toContain('domain.delete');
  }, 120_000);

  it('moves the running VM to hv3: started there, gone from hv1 with its volumes', async () => {
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect(apply.out).toMatch(/domain\.migrate.*moved from hv1: .*copied 2 volumes/);
    expect(await state(hv3, 'mover')).toBe('running');
    expect(await domains(hv1)).toEqual(['sleeper']);
    expect((await volumes(hv1)).filter((v) => v.startsWith('mover-'))).toEqual([]);
    expect(await volumes(hv3)).toEqual(expect.arrayContaining(['mover-root.qcow2', 'mover-data.qcow2']));
    expect((await volumes(hv3)).filter((v) => v.endsWith('.part'))).toEqual([]);
  }, 240_000);

  it('moves the halted VM next, its disks byte for byte, and leaves hv1 empty', async () => {
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect(await state(hv3, 'sleeper')).toBe('shut off');
    expect(await domains(hv1)).toEqual([]);
    expect(await checksums(hv3, Object.keys(sleeperSums))).toEqual(sleeperSums);
    expect((await volumes(hv1)).filter((v) => v.startsWith('mover-') || v.startsWith('sleeper-'))).toEqual([]);
  }, 240_000);

  it('has nothing left to do', async () => {
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect(apply.out).not.toMatch(/domain\.migrate|domain\.(define|start|delete)/);
    const plan = await gitvirt('plan');
    expect(plan.code, plan.out).toBe(0);
  }, 120_000);
});
