import { describe, expect, it } from 'vitest';
import {
  UnsafeXmlValueError, domainModelFromDesired, parseDomainXml, renderDomainOwnerXml, renderDomainXml,
  renderNetworkXml, renderPoolXml, renderVolumeXml,
} from '../../../controller/libvirt/index.js';
import { CTX, NETWORKS, POOL, REVISION, VMS, VOLUMES, ctxFor, fixtureVm } from '../../fixtures/libvirt/cases.js';
import { fixtureFiles, readFixture } from './fixtures.js';

/** What produced each file in rendered/ (the XML that was defined on libvirt when capturing). */
function renderCase(file: string): string {
  const name = file.replace(/\.xml$/, '');
  const vm = VMS.find((candidate) => `dom-${candidate.name}` === name);
  if (vm !== undefined) return renderDomainXml(vm, ctxFor(vm));
  const net = NETWORKS.find((candidate) => `net-${candidate.name}` === name);
  if (net !== undefined) return renderNetworkXml(net, { revision: REVISION });
  const volume = VOLUMES.find((candidate) => `vol-${candidate.name}` === name);
  if (volume !== undefined) return renderVolumeXml(volume);
  if (name === `pool-${POOL.name}`) return renderPoolXml(POOL);
  const basic = VMS.find((candidate) => candidate.name === 'gvfixture-basic');
  if (name === 'owner-gvfixture-basic-refreshed' && basic !== undefined) {
    return renderDomainOwnerXml({ ...basic, specHash: 'e'.repeat(64) }, { ...CTX, revision: 'feedc0de'.repeat(5) }) + '\n';
  }
  throw new Error(`no case renders ${file}`);
}

describe('rendering golden files (the XML libvirt accepted when fixtures were captured)', () => {
  for (const file of fixtureFiles('rendered', '.xml')) {
    it(file, () => {
      expect(renderCase(file)).toBe(readFixture(`rendered/${file}`));
    });
  }
});

describe('renderDomainXml', () => {
  const vm = fixtureVm('web-0', {
    disks: [
      { name: 'a', target: 'sda', bus: 'sata', pool: 'gitvirt', volume: 'web-0-a.qcow2', format: 'qcow2', capacityBytes: 1, deleteOnRemove: false },
      { name: 'b', target: 'sdb', bus: 'scsi', pool: 'gitvirt', volume: 'web-0-b.raw', format: 'raw', capacityBytes: 1, deleteOnRemove: false },
    ],
    seed: { pool: 'gitvirt', volume: 'web-0-seed-abc.iso', hash: 'abc', files: {} },
  });

  it('asks for host-passthrough only for kvm', () => {
    expect(renderDomainXml(vm, { ...CTX, domainType: 'kvm' })).toMatch(/<domain type="kvm">[\s\S]*<cpu mode="host-passthrough"\/>/);
    expect(renderDomainXml(vm, { ...CTX, domainType: 'qemu' })).not.toContain('<cpu');
    expect(parseDomainXml(renderDomainXml(vm, { ...CTX, domainType: 'kvm' }))).toEqual(domainModelFromDesired(vm, { ...CTX, domainType: 'kvm' }));
  });

  it('puts the seed cdrom on the first sd target no disk uses, and adds a virtio-scsi controller for scsi disks', () => {
    const xml = renderDomainXml(vm, CTX);
    expect(xml).toMatch(/device="cdrom">[\s\S]*?<target dev="sdc" bus="sata"\/>[\s\S]*?<readonly\/>/);
    expect(xml).toContain('<controller type="scsi" model="virtio-scsi"/>');
  });

  it('renders no graphics, a pty serial console, an optional console log and an optional emulator', () => {
    const xml = renderDomainXml(vm, { ...CTX, consoleLogPath: '/var/log/gv.log', emulator: '/usr/bin/qemu-system-x86_64' });
    expect(xml).not.toMatch(/<graphics|<video/);
    expect(xml).toContain('<log file="/var/log/gv.log" append="on"/>');
    expect(xml).toContain('<console type="pty">');
    expect(xml).toContain('<emulator>/usr/bin/qemu-system-x86_64</emulator>');
  });

  it('boots from the disk without a kernel, directly otherwise, and drops an empty cmdline', () => {
    expect(renderDomainXml(vm, CTX)).toContain('<boot dev="hd"/>');
    const direct = renderDomainXml({ ...vm, boot: { kernel: '/k', cmdline: '' } }, CTX);
    expect(direct).toContain('<kernel>/k</kernel>');
    expect(direct).not.toMatch(/<boot |<cmdline/);
  });

  it('writes memory in KiB: max to <memory>, current to <currentMemory>', () => {
    const xml = renderDomainXml({ ...vm, memoryMiB: 512, maxMemoryMiB: 1024 }, CTX);
    expect(xml).toContain('<memory unit="KiB">1048576</memory>');
    expect(xml).toContain('<currentMemory unit="KiB">524288</currentMemory>');
  });
});

describe('renderNetworkXml modes', () => {
  it.each([
    ['nat', /<forward mode="nat"\/>/],
    ['route', /<forward mode="route"\/>/],
    ['isolated', /^(?![\s\S]*<forward)/],
    ['bridge', /<forward mode="bridge"\/>\s*<bridge name="gvfx-nat0"\/>\s*<\/network>/],
  ] as const)('%s', (mode, pattern) => {
    const net = { ...NETWORKS[0]!, mode };
    const xml = renderNetworkXml(net, { revision: REVISION });
    expect(xml).toMatch(pattern);
    expect(xml.includes('<ip ')).toBe(mode !== 'bridge');
  });
});

describe('refusing control characters', () => {
  it.each([
    ['cmdline newline', () => renderDomainXml(fixtureVm('a', { boot: { kernel: '/k', cmdline: 'a\nb' } }), CTX), '/domain/os/cmdline'],
    ['name NUL', () => renderDomainXml(fixtureVm('a\u0000'), CTX), '/domain/name'],
    ['dhcp host name ESC', () => renderNetworkXml({ ...NETWORKS[0]!, dhcp: { start: 'a', end: 'b', hosts: [{ mac: 'm', ip: 'i', name: 'x\u001b[0m' }] } }, { revision: 'r' }), '/network/ip/dhcp/host[0]/@name'],
    ['pool path tab', () => renderPoolXml({ name: 'p', path: '/a\tb' }), '/pool/target/path'],
  ])('%s', (_what, render, path) => {
    expect(render).toThrow(UnsafeXmlValueError);
    try { render(); } catch (err) {
      expect((err as UnsafeXmlValueError).data.path).toBe(path);
      expect((err as UnsafeXmlValueError).userError).toBe(false);
    }
  });
});
