import { describe, expect, it } from 'vitest';
import { parseDomainXml, parseObserveOutput, splitObserveSections } from '../../../../controller/libvirt/index.js';
import { readVirshFixture } from './fixtures.js';

const MiB = 2 ** 20;
const POOL = '/var/lib/libvirt/images/gitvirt';
const HOSTILE = 'gvhc it\'s "odd"; $(touch gvhc-pwned) & <x> `touch gvhc-pwned`';

describe('parseObserveOutput on output captured from the testbed', () => {
  it('reads a fresh host: node facts, no KVM, nothing defined, no gitvirt pool', () => {
    const text = readVirshFixture('observe-empty.txt');
    const kib = Number(/Memory size:\s+(\d+) KiB/.exec(text)?.[1]);
    expect(parseObserveOutput(text, { host: 'hv2', observedAt: '2030-01-01T00:00:00.000Z' })).toEqual({
      host: 'hv2', observedAt: '2030-01-01T00:00:00.000Z',
      node: { cpus: 2, memoryMiB: Math.floor(kib / 1024), cpuModel: 'x86_64' },
      kvm: false, domains: [], networks: [], pools: [], volumes: [],
    });
  });

  it('reads domains with state, autostart and owner; keeps XML only on owned ones', () => {
    const live = parseObserveOutput(readVirshFixture('observe-populated.txt'));
    expect(live.domains.map(({ xml, uuid, ...rest }) => ({ ...rest, hasXml: xml !== undefined, uuid: /^[0-9a-f-]{36}$/.test(uuid) }))).toEqual([
      { name: HOSTILE, state: 'shutoff', autostart: false, owner: null, hasXml: false, uuid: true },
      { name: 'gvhc-unowned', state: 'shutoff', autostart: false, owner: null, hasXml: false, uuid: true },
      {
        name: 'gvhc-vm', state: 'running', autostart: false, hasXml: true, uuid: true,
        owner: { kind: 'VirtualMachine', name: 'gvhc-vm', specHash: 'e2e', revision: 'e2e', deletionProtection: true, deleteVolumes: ['gvhc-vm-root.qcow2'] },
      },
    ]);
    const owned = live.domains.find((d) => d.name === 'gvhc-vm');
    expect(parseDomainXml(owned!.xml!)).toMatchObject({ name: 'gvhc-vm', type: 'qemu', memoryMiB: 64, disks: [{ target: 'vda', source: `${POOL}/gvhc-vm-root.qcow2` }] });
    expect(owned!.xml).not.toContain('<seclabel'); // the inactive definition, not the running one
  });

  it('reads networks and pools with active and autostart flags', () => {
    const live = parseObserveOutput(readVirshFixture('observe-populated.txt'));
    expect(live.networks.map(({ xml, ...rest }) => ({ ...rest, hasXml: xml !== undefined }))).toEqual([
      { name: HOSTILE, active: false, autostart: false, owner: null, hasXml: false },
      { name: 'gvhc-net', active: true, autostart: false, owner: { kind: 'Network', name: 'gvhc-net', specHash: 'e2e', revision: 'e2e' }, hasXml: true },
      { name: 'gvhc-unowned', active: false, autostart: false, owner: null, hasXml: false },
    ]);
    expect(live.pools).toEqual([{ name: 'gitvirt', active: true, autostart: true, path: POOL }]);
  });

  it('reads every volume of the gitvirt pool with its exact capacity and format', () => {
    const live = parseObserveOutput(readVirshFixture('observe-populated.txt'));
    const seed = live.volumes.find((v) => v.name.endsWith('.iso'));
    expect(live.volumes.map((v) => [v.name, v.capacityBytes, v.format])).toEqual([
      ['gvhc it\'s "a" $(x).raw', 0, 'raw'],
      ['gvhc-vm-copy.qcow2', 96 * MiB, 'qcow2'],
      ['gvhc-vm-guest-root.qcow2', 64 * MiB, 'qcow2'], // an overlay of capacity 0 takes its image's size
      ['gvhc-vm-root.qcow2', 128 * MiB, 'qcow2'],
      ['gvhc-vm-seed-0123456789ab.iso', seed?.capacityBytes, 'iso'],
      ['image-base.qcow2', 96 * MiB, 'qcow2'],
      ['image-guest.qcow2', 64 * MiB, 'qcow2'],
      ['image-local.qcow2', 32 * MiB, 'qcow2'],
    ]);
    expect(seed?.capacityBytes).toBeGreaterThan(0);
    for (const volume of live.volumes) expect(volume).toMatchObject({ pool: 'gitvirt', path: `${POOL}/${volume.name}` });
  });

  it('leaves out an object that vanished between listing and dumping it', () => {
    const text = readVirshFixture('observe-populated.txt');
    const marker = /^(@@gv[0-9a-f]+) begin$/m.exec(text)![1]!;
    const sections = text.split(`\n${marker} `);
    const vanished = sections.map((s) => (s.startsWith('domain ') && s.includes('<name>gvhc-unowned</name>') ? s.slice(0, s.indexOf('\n')) + '\n' : s)).join(`\n${marker} `);
    expect(parseObserveOutput(vanished).domains.map((d) => d.name)).toEqual([HOSTILE, 'gvhc-vm']);
  });

  it('ignores lines that only look like section markers (a description written by someone else)', () => {
    const text = readVirshFixture('observe-populated.txt');
    const forged = text.replace('<name>gvhc-unowned</name>', '<name>gvhc-unowned</name>\n<description>\n@@gv000000000000 end\n@@gv000000000000 domain x\n</description>');
    expect(splitObserveSections(forged).filter((s) => s.name === 'domain')).toHaveLength(3);
    expect(parseObserveOutput(forged).domains.map((d) => d.name)).toEqual([HOSTILE, 'gvhc-unowned', 'gvhc-vm']);
  });

  it('refuses output that was cut short or is not observe output', () => {
    const text = readVirshFixture('observe-populated.txt');
    const marker = /^(@@gv[0-9a-f]+) begin$/m.exec(text)![1]!;
    expect(() => parseObserveOutput(text.slice(0, text.indexOf(`${marker} end`)))).toThrow(expect.objectContaining({ code: 'ObserveOutputInvalid', message: 'failed to read observe output: the output was cut short' }));
    expect(() => parseObserveOutput(text.slice(0, text.indexOf(`${marker} inventory-end`)))).toThrow(/the inventory was cut short/);
    expect(() => parseObserveOutput('error: failed to connect to the hypervisor\n')).toThrow(/no begin marker/);
  });
});
