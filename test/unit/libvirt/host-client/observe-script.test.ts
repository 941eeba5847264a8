import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildObserveScript, parseObserveOutput, virshQuote } from '../../../../controller/libvirt/index.js';
import { shellQuote } from '../../../../controller/transport/index.js';

const MARKER = '@@gv0123456789ab';
const HOSTILE_POOL = "pool it's; $(touch pwned) `id` --help";
const hasVirsh = spawnSync('virsh', ['--version']).status === 0;

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

describe('buildObserveScript', () => {
  it('refuses a marker that could be mistaken for output or break the script', () => {
    for (const marker of ['@@gv', '@@gvXYZ12345678', 'x; rm -rf /', '@@gv0123456789ab ']) {
      expect(() => buildObserveScript({ uri: 'qemu:///system', pool: 'gitvirt', marker })).toThrow(/invalid observe marker/);
    }
  });

  it('shell-quotes the URI and virsh-quotes the pool name, giving a valid sh script', () => {
    const script = buildObserveScript({ uri: "qemu:///system?x='$(id)'", pool: HOSTILE_POOL, marker: MARKER });
    expect(script).toContain(`U=${shellQuote("qemu:///system?x='$(id)'")}\n`);
    const inShellQuotes = (text: string) => text.replace(/'/g, `'\\''`);
    expect(script).toContain(inShellQuotes(`pool-dumpxml -- ${virshQuote(HOSTILE_POOL)}`));
    expect(script).toContain(inShellQuotes(`pool-refresh -- ${virshQuote(HOSTILE_POOL)}`));
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
  });

  it('asks for domains, networks and pools by UUID only, in two virsh invocations (the second once per OBSERVE_CHUNK objects)', () => {
    const script = buildObserveScript({ uri: 'qemu:///system', pool: 'gitvirt', marker: MARKER });
    expect(script.match(/virsh -c "\$U"/g)).toHaveLength(2);
    expect(script).toMatch(/dumpxml --inactive -- " \$1/);
    expect(script).toMatch(/net-dumpxml --inactive -- " \$1/);
    expect(script).toContain('list --all --uuid');
  });
});

describe('the observe script run by sh and virsh (libvirt test driver)', () => {
  it('has virsh (libvirt-clients, installed by test/testbed/install-deps.sh)', () => {
    expect(hasVirsh).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'gv-observe-'));
  const poolDir = join(dir, 'pool');
  const hostileDomain = 'web it\'s "odd"; $(touch pwned) & `touch pwned`';
  const hostileFile = 'disk it\'s "a" $(touch pwned) & y.raw';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads hostile names intact and runs none of them', () => {
    execFileSync('mkdir', ['-p', poolDir]);
    for (const file of [hostileFile, 'plain.qcow2', 'new\nline.raw', '.hidden.part']) writeFileSync(join(poolDir, file), '');
    const node = `<node>
  <cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads><mhz>2000</mhz></cpu>
  <memory>4194304</memory>
  <domain type="test"><name>${xmlText(hostileDomain)}</name><uuid>11111111-1111-1111-1111-111111111111</uuid><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>
  <domain type="test"><name>owned</name><uuid>22222222-2222-2222-2222-222222222222</uuid>
    <metadata><gitvirt:owner xmlns:gitvirt="https://gitvirt.io/xmlns/owner/v1alpha1" kind="VirtualMachine" name="owned" specHash="h" revision="r"/></metadata>
    <memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>
  <pool type="dir"><name>${xmlText(HOSTILE_POOL)}</name><uuid>44444444-4444-4444-4444-444444444444</uuid><target><path>${poolDir}</path></target>
    <volume type="file"><name>${xmlText(hostileFile)}</name><capacity unit="bytes">1048576</capacity><target><format type="raw"/></target></volume>
    <volume type="file"><name>plain.qcow2</name><capacity unit="bytes">2097152</capacity><target><format type="qcow2"/></target></volume>
  </pool>
</node>`;
    writeFileSync(join(dir, 'node.xml'), node);
    const script = buildObserveScript({ uri: `test://${join(dir, 'node.xml')}`, pool: HOSTILE_POOL, marker: MARKER });
    const run = spawnSync('sh', ['-s'], { input: script, cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const live = parseObserveOutput(run.stdout, { host: 'test' });
    expect(live.node).toEqual({ cpus: 2, memoryMiB: 4096, cpuModel: 'i686' });
    expect(live.domains.map((d) => [d.name, d.state, d.owner?.name ?? null, d.xml !== undefined])).toEqual([
      ['owned', 'running', 'owned', true],
      [hostileDomain, 'running', null, false],
    ]);
    expect(live.pools).toEqual([{ name: HOSTILE_POOL, active: true, autostart: false, path: poolDir }]);
    expect(live.volumes).toEqual([
      { pool: HOSTILE_POOL, name: hostileFile, path: join(poolDir, hostileFile), capacityBytes: 1048576, format: 'raw' },
      { pool: HOSTILE_POOL, name: 'plain.qcow2', path: join(poolDir, 'plain.qcow2'), capacityBytes: 2097152, format: 'qcow2' },
    ]);
    expect(spawnSync('find', [dir, '/tmp', '-maxdepth', '2', '-name', 'pwned'], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('quotes any value for virsh so that virsh reads it back unchanged', () => {
    for (const value of ["it's", 'a;b c', '"q" \\ $x', '--help', 'line\nbreak', '']) {
      const out = execFileSync('virsh', ['-c', 'test:///default', `echo -- ${virshQuote(value)}`], { encoding: 'utf8' });
      expect(out).toBe(`${value}\n`);
    }
  });
});
