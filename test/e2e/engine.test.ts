/**
 * The reconcile engine end to end on the real testbed: `gitvirt apply` and `gitvirt plan` run
 * in-process over real SSH against three libvirt hosts, and every step is checked on the hosts
 * themselves (virsh, qemu-img, and HTTP from inside the host to the booted test guest).
 *
 * One flow, step by step (each `it` builds on the one before):
 *   create on several hosts with one host refusing us → converge it → plan shows no changes →
 *   live / restart / replace / delete changes → drift by hand → unowned objects and the empty-state brake.
 *
 * With GITVIRT_CAPTURE_ENGINE_FIXTURES=1 the manifests and observations of the plan steps are
 * recorded into test/fixtures/engine/ for the unit tests of computePlan.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli, type CliIo } from '../../controller/cli/index.js';
import { reconcileOnce } from '../../controller/reconcile/index.js';
import { createSshTransport } from '../../controller/transport/index.js';
import type { Resource, VirtualMachine } from '../../controller/types/resources.js';
import { recordScenario } from '../fixtures/engine/capture.js';
import { guestImage, guestVm, natNetwork, writeRepo, type ScenarioGuest } from '../fixtures/engine/scenario.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import { serveTestGuest, type ServedGuest } from './guest-image-server.js';
import { emptyHost, removeScenario } from './host-cleanup.js';
import type { TestbedHost } from '../testbed/testbed.js';

const testbed = injectTestbed();
const [hv1, hv2, hv3] = testbed.hosts as [TestbedHost, TestbedHost, TestbedHost];
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const POOL_DIR = '/var/lib/libvirt/images/gitvirt';
const IP = { web1: '192.168.240.11', web2: '192.168.240.12' } as const;
const CAPTURE = process.env['GITVIRT_CAPTURE_ENGINE_FIXTURES'] === '1';
const BOOT_TIMEOUT_MS = 180_000;
/** Prints every command's output (GITVIRT_E2E_VERBOSE=1). */
const VERBOSE = process.env['GITVIRT_E2E_VERBOSE'] === '1';

const virsh = async (host: TestbedHost, ...args: string[]) => (await testbed.run(host, [...VIRSH, ...args], { timeoutMs: 60_000 })).stdout;
const tryVirsh = (host: TestbedHost, ...args: string[]) => testbed.run(host, [...VIRSH, ...args], { timeoutMs: 60_000, allowFailure: true });
const names = async (host: TestbedHost, what: 'list' | 'net-list') => (await virsh(host, what, '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean);
const volumes = async (host: TestbedHost) => (await testbed.run(host, ['ls', POOL_DIR])).stdout.split('\n').filter(Boolean);
const domId = async (host: TestbedHost, name: string) => (await virsh(host, 'domid', name)).trim();
const dominfo = async (host: TestbedHost, name: string) => Object.fromEntries(
  (await virsh(host, 'dominfo', name)).split('\n').map((line) => line.split(/:\s+/, 2)).filter((kv) => kv.length === 2).map(([k, v]) => [k!.trim(), v!.trim()]),
);
const log = (text: string) => process.stderr.write(`engine e2e: ${text}\n`);

/** GET from inside a host, with busybox wget (its -T option crashes busybox-static, so the run is bounded instead). */
async function httpGet(host: TestbedHost, url: string): Promise<string | null> {
  const result = await testbed.run(host, ['busybox', 'wget', '-q', '-O', '-', url], { timeoutMs: 8_000, allowFailure: true });
  return result.code === 0 ? result.stdout : null;
}

/** Waits until the guest at `ip` serves its address (written once its lease is taken); returns what it serves and how long it took. */
async function waitForGuest(host: TestbedHost, ip: string): Promise<{ hostname: string; ip: string; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < BOOT_TIMEOUT_MS) {
    const served = (await httpGet(host, `http://${ip}/ip`))?.trim();
    if (served !== undefined && served !== 'none') {
      return { hostname: (await httpGet(host, `http://${ip}/hostname`))?.trim() ?? '', ip: served, ms: Date.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`guest at ${ip} on ${host.name} did not answer within ${BOOT_TIMEOUT_MS} ms`);
}

describe('reconcile engine on the testbed', () => {
  let work: string;
  let repo: string;
  let guestServer: ServedGuest | undefined;
  let guest: ScenarioGuest;
  const transport = createSshTransport({ privateKeyPath: testbed.state.clientKeyPath });

  /** Runs `gitvirt <args>` in-process over real SSH, as CI would (plain output). */
  async function gitvirt(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIo = {
      stdout: { write: (s: string) => (out += s), isTTY: false },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      cwd: work,
      env: { CI: 'true' },
    };
    const started = Date.now();
    const code = await runCli({ argv: [args[0]!, repo, '--identity', testbed.state.clientKeyPath, ...args.slice(1)], commands: COMMANDS, version: 'e2e', io });
    log(`gitvirt ${args.join(' ')} → ${code} in ${Date.now() - started} ms`);
    if (VERBOSE) process.stderr.write(out + err);
    return { code, out, err };
  }

  /** The plan as JSON (exit code included). */
  async function planJson(): Promise<{ code: number; plan: PlanJson }> {
    const { code, out, err } = await gitvirt('plan', '--format', 'json');
    expect(err).toBe('');
    return { code, plan: JSON.parse(out) as PlanJson };
  }

  /** Records the current manifests and observations as a unit-test scenario (only when capturing). */
  async function capture(name: string): Promise<void> {
    if (!CAPTURE) return;
    const result = await reconcileOnce({ dir: repo, transport, apply: false, revision: 'e2e' });
    await recordScenario(name, repo, 'e2e', result.observed);
  }

  /** Hosts as manifests; hv3 pinned to another host's key when `wrongKeyOnHv3`. */
  const hosts = (wrongKeyOnHv3 = false): Resource[] => testbed.hosts.map((h) => {
    const manifest = testbed.hostManifest(h);
    return wrongKeyOnHv3 && h.name === 'hv3' ? { ...manifest, spec: { ...manifest.spec, hostKey: hv2.hostKey } } : manifest;
  });
  const vm = (name: string, host: TestbedHost, spec: VirtualMachine['spec'] | Partial<VirtualMachine['spec']> = {}, image = 'guest') =>
    guestVm({ name, host: host.name, ip: name in IP ? IP[name as keyof typeof IP] : `192.168.240.${20 + name.length}`, guest, image, spec });
  /** The scenario's first repository: two booting VMs, two halted ones, one VM on hv3. */
  const initial = (): Resource[] => [
    guestImage('guest', guest), guestImage('guest2', guest), natNetwork(),
    vm('web1', hv1), vm('web2', hv2),
    vm('db1', hv1, { runStrategy: 'Halted' }),
    vm('tmp1', hv2, { runStrategy: 'Halted', interfaces: [] }),
    vm('cold3', hv3, { runStrategy: 'Halted', interfaces: [] }),
  ];

  beforeAll(async () => {
    guestServer = await serveTestGuest(hv1.peerAddress);
    guest = guestServer.guest;
    // Hosts copy this machine's /etc/libvirt when they come up, so they may carry other runs' definitions: start empty.
    for (const host of testbed.hosts) {
      const leftovers = await names(host, 'list');
      if (leftovers.length > 0) log(`${host.name} came up with ${leftovers.length} domains (${leftovers.slice(0, 3).join(', ')}...); removing them`);
      await emptyHost(testbed, host);
    }
    work = await mkdtemp(join(tmpdir(), 'gitvirt-engine-e2e-'));
    repo = join(work, 'repo');
  }, 300_000);

  afterAll(async () => {
    await transport.close();
    await guestServer?.close();
    for (const host of testbed.hosts) {
      await removeScenario(testbed, host, {
        domains: ['web1', 'web2', 'db1', 'tmp1', 'cold3', 'manual-vm'], networks: ['gvnet', 'manual-net'],
        paths: ['/var/lib/libvirt/images/manual-vm.qcow2'],
      });
    }
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  }, 180_000);

  it('applies networks, images, disks and VMs on several hosts; a host that refuses us fails alone', async () => {
    await writeRepo(repo, [...hosts(true), ...initial()]);
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out + apply.err).toBe(1);
    expect(apply.out).toMatch(/hv3 {2}unreachable: failed to connect to hv3 .*host key mismatch/);
    expect(apply.out).toMatch(/hv3 {2}failed {2}.*HostUnreachable/);
    expect(apply.out).toMatch(/applied local: \d+ created.*hosts not finished: hv3/);

    for (const [host, running, halted] of [[hv1, 'web1', 'db1'], [hv2, 'web2', 'tmp1']] as const) {
      expect((await virsh(host, 'domstate', running)).trim()).toBe('running');
      expect((await virsh(host, 'domstate', halted)).trim()).toBe('shut off');
      expect(await virsh(host, 'net-info', 'gvnet')).toMatch(/Active:\s+yes[\s\S]*Autostart:\s+yes/);
      expect(await volumes(host)).toEqual(expect.arrayContaining(['image-guest.qcow2', `${running}-root.qcow2`, `${halted}-root.qcow2`]));
      expect((await virsh(host, 'dumpxml', '--inactive', running))).toContain('gitvirt:owner');
    }
    expect(await names(hv3, 'list')).not.toContain('cold3');
    expect(await volumes(hv1)).not.toContain('image-guest2.qcow2');

    const [web1, web2] = await Promise.all([waitForGuest(hv1, IP.web1), waitForGuest(hv2, IP.web2)]);
    log(`guests answered ${web1.ms} / ${web2.ms} ms after apply`);
    expect(web1).toMatchObject({ hostname: 'web1', ip: IP.web1 });
    expect(web2).toMatchObject({ hostname: 'web2', ip: IP.web2 });
  }, 600_000);

  it('converges the host once its key is right; plan right after shows no changes', async () => {
    await writeRepo(repo, [...hosts(), ...initial()]);
    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect((await virsh(hv3, 'domstate', 'cold3')).trim()).toBe('shut off');
    expect(await volumes(hv3)).toEqual(expect.arrayContaining(['image-guest.qcow2', 'cold3-root.qcow2']));

    const plan = await gitvirt('plan');
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toMatch(/^hv1: no changes$/m);
    expect(plan.out).toMatch(/^No changes: the hosts match revision local\.$/m);
    await capture('converged');
  }, 300_000);

  it('carries out each class of change: live without restart, restart, replace of a disk, delete keeping the disk', async () => {
    const before = { web1: await domId(hv1, 'web1'), web2: await domId(hv2, 'web2') };
    await writeRepo(repo, [
      ...hosts(),
      guestImage('guest', guest), guestImage('guest2', guest), natNetwork(),
      vm('web1', hv1, { memoryMiB: 192, disks: [{ name: 'root', image: 'guest', sizeGiB: 1, iotune: { totalIopsSec: 500 } }] }),
      vm('web2', hv2, { cpus: 2 }),
      vm('db1', hv1, { runStrategy: 'Halted' }, 'guest2'),
      vm('cold3', hv3, { runStrategy: 'Halted', interfaces: [] }),
    ]);
    await capture('changes');
    const { code, plan } = await planJson();
    expect(code).toBe(2);
    const object = (host: string, name: string) => plan.hosts.find((h) => h.host === host)?.objects.find((o) => o.owner.name === name);
    expect(object('hv1', 'web1')).toMatchObject({ symbol: '~', drift: false });
    expect(object('hv1', 'web1')?.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'memoryMiB', from: 128, to: 192, class: 'live' }),
      expect.objectContaining({ path: expect.stringMatching(/^disks\[vda\]\.iotune/), class: 'live' }),
    ]));
    expect(object('hv1', 'web1')?.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['domain.set-memory', 'domain.set-iotune']));
    expect(object('hv1', 'web1')?.actions.map((a) => a.kind)).not.toContain('domain.restart');
    expect(object('hv2', 'web2')).toMatchObject({ symbol: '↻', fields: expect.arrayContaining([expect.objectContaining({ path: 'vcpus', from: 1, to: 2, class: 'restart' })]) });
    expect(object('hv1', 'db1')).toMatchObject({ symbol: '-/+' });
    expect(object('hv1', 'db1')?.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['volume.delete', 'volume.create', 'domain.define']));
    expect(object('hv2', 'tmp1')).toMatchObject({ symbol: '-' });
    expect(object('hv2', 'tmp1')?.actions.filter((a) => a.kind.endsWith('.delete')).map((a) => [a.kind, a.target])).toEqual([
      ['domain.delete', 'tmp1'], ['volume.delete', expect.stringMatching(/^tmp1-seed-[0-9a-f]{12}\.iso$/)],
    ]);
    const text = await gitvirt('plan');
    expect(text.out).toMatch(/^ {2}↻ VirtualMachine web2$/m);
    expect(text.out).toMatch(/^ {8}vcpus: 1 → 2 \(restart\)$/m);
    expect(text.out).toMatch(/^ {2}-\/\+ VirtualMachine db1$/m);
    expect(text.out).toMatch(/^ {2}- VirtualMachine tmp1$/m);

    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect(await domId(hv1, 'web1')).toBe(before.web1);
    expect(apply.out).toMatch(/^hv1 +domain\.set-memory +web1 +configured/m);
    expect(await virsh(hv1, 'dumpxml', '--inactive', 'web1')).toMatch(/<currentMemory unit='KiB'>196608<\/currentMemory>/);
    expect(await virsh(hv1, 'blkdeviotune', 'web1', 'vda')).toMatch(/total_iops_sec\s*:\s*500/);
    expect(await domId(hv2, 'web2')).not.toBe(before.web2);
    expect((await dominfo(hv2, 'web2'))['CPU(s)']).toBe('2');
    expect(await waitForGuest(hv2, IP.web2)).toMatchObject({ hostname: 'web2', ip: IP.web2 });
    const db1Disk = JSON.parse((await testbed.run(hv1, ['qemu-img', 'info', '-U', '--output=json', `${POOL_DIR}/db1-root.qcow2`])).stdout) as { 'backing-filename'?: string };
    // recreated from the new image (an inode number may be reused, so the backing file is the evidence)
    expect(db1Disk['backing-filename']).toMatch(/image-guest2\.qcow2$/);
    expect(await names(hv2, 'list')).not.toContain('tmp1');
    expect(await volumes(hv2)).toContain('tmp1-root.qcow2');

    const after = await gitvirt('plan');
    expect(after.code, after.out).toBe(0);
  }, 300_000);

  it('detects changes made by hand as drift and puts them back', async () => {
    await virsh(hv1, 'setmem', 'web1', '160M', '--config');
    const edited = (await virsh(hv1, 'dumpxml', '--inactive', 'db1')).replace(/<vcpu( [^>]*)?>1<\/vcpu>/, '<vcpu$1>2</vcpu>');
    expect(edited).toMatch(/<vcpu[^>]*>2<\/vcpu>/);
    await testbed.run(hv1, ['sh', '-c', `cat > /tmp/db1.xml && ${VIRSH.join(' ')} define /tmp/db1.xml && rm /tmp/db1.xml`], { stdin: edited });
    await capture('drift');

    const { code, plan } = await planJson();
    expect(code).toBe(2);
    const hv1Plan = plan.hosts.find((h) => h.host === 'hv1');
    expect(hv1Plan?.objects.find((o) => o.owner.name === 'web1')).toMatchObject({
      drift: true, fields: expect.arrayContaining([expect.objectContaining({ path: 'memoryMiB', from: 160, to: 192 })]),
    });
    expect(hv1Plan?.objects.find((o) => o.owner.name === 'db1')).toMatchObject({
      drift: true, fields: expect.arrayContaining([expect.objectContaining({ path: 'vcpus', from: 2, to: 1 })]),
    });
    expect((await gitvirt('plan')).out).toMatch(/VirtualMachine web1 {2}\(drift: changed on the host by hand\)/);

    const apply = await gitvirt('apply');
    expect(apply.code, apply.out).toBe(0);
    expect(await virsh(hv1, 'dumpxml', '--inactive', 'web1')).toMatch(/<currentMemory unit='KiB'>196608<\/currentMemory>/);
    expect(await virsh(hv1, 'dumpxml', '--inactive', 'db1')).toMatch(/<vcpu[^>]*>1<\/vcpu>/);
    expect((await gitvirt('plan')).code).toBe(0);
  }, 300_000);

  it('never touches unowned domains and networks, brakes on an empty repository, and with --allow-empty removes only what it owns', async () => {
    await testbed.run(hv1, ['qemu-img', 'create', '-q', '-f', 'qcow2', '/var/lib/libvirt/images/manual-vm.qcow2', '64M']);
    const manualVm = `<domain type='qemu'><name>manual-vm</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/manual-vm.qcow2'/><target dev='vda' bus='virtio'/></disk></devices>
</domain>`;
    const manualNet = `<network><name>manual-net</name><bridge name='manualbr0'/><ip address='192.168.241.1' prefix='24'/></network>`;
    await testbed.run(hv1, ['sh', '-c', `cat > /tmp/manual-vm.xml && ${VIRSH.join(' ')} define /tmp/manual-vm.xml`], { stdin: manualVm });
    await testbed.run(hv1, ['sh', '-c', `cat > /tmp/manual-net.xml && ${VIRSH.join(' ')} net-define /tmp/manual-net.xml && ${VIRSH.join(' ')} net-start manual-net`], { stdin: manualNet });
    const snapshot = async () => [await virsh(hv1, 'dumpxml', '--inactive', 'manual-vm'), await virsh(hv1, 'net-dumpxml', 'manual-net'), await virsh(hv1, 'net-info', 'manual-net')];
    const untouched = await snapshot();

    await writeRepo(repo, hosts());
    await capture('empty');
    const plan = await gitvirt('plan');
    expect(plan.code, plan.out).toBe(1);
    expect(plan.out).toMatch(/Brake engaged \(EmptyDesiredState\)/);
    expect(plan.out).toMatch(/--allow-empty/);
    expect(plan.out).toMatch(/BrakeEngaged: domain\.delete of VirtualMachine web1 held back/);

    const refused = await gitvirt('apply');
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toMatch(/Refusing to apply: the brake is engaged \(EmptyDesiredState\)/);
    expect(refused.out).toMatch(/run again with --allow-empty/);
    expect(await names(hv1, 'list')).toEqual(expect.arrayContaining(['web1', 'db1']));

    const apply = await gitvirt('apply', '--allow-empty');
    expect(apply.code, apply.out).toBe(0);
    const owned = ['web1', 'web2', 'db1', 'tmp1', 'cold3'];
    for (const host of testbed.hosts) {
      expect((await names(host, 'list')).filter((name) => owned.includes(name))).toEqual([]);
      expect(await names(host, 'net-list')).not.toContain('gvnet');
    }
    expect(await names(hv1, 'list')).toContain('manual-vm');
    expect(await names(hv1, 'net-list')).toContain('manual-net');
    expect(await snapshot()).toEqual(untouched);
    expect(await volumes(hv1)).toEqual(expect.arrayContaining(['web1-root.qcow2', 'db1-root.qcow2']));
    expect((await tryVirsh(hv1, 'domstate', 'manual-vm')).stdout.trim()).toBe('shut off');
  }, 300_000);
});

/** The parts of `gitvirt plan --format json` these tests read. */
interface PlanJson {
  hosts: {
    host: string;
    objects: {
      owner: { kind: string; name: string };
      symbol: string;
      drift: boolean;
      actions: { kind: string; target: string }[];
      fields: { path: string; from: unknown; to: unknown; class: string }[];
    }[];
  }[];
}
