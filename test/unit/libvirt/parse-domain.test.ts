import { describe, expect, it } from 'vitest';
import {
  LibvirtXmlInvalidError, domainModelFromDesired, parseDomainXml, renderDomainXml, type DomainModel,
} from '../../../controller/libvirt/index.js';
import { VMS, ctxFor } from '../../fixtures/libvirt/cases.js';
import { assertSameJson, fixtureFiles, readFixture } from './fixtures.js';

const RUNNING = new Set(['gvfixture-basic', 'gvfixture-full']);

function desiredModel(name: string): DomainModel {
  const vm = VMS.find((candidate) => candidate.name === name);
  if (vm === undefined) throw new Error(`no case ${name}`);
  return domainModelFromDesired(vm, ctxFor(vm));
}

describe('parseDomainXml round trips', () => {
  for (const vm of VMS) {
    it(`parse(render(${vm.name})) equals the desired model`, () => {
      assertSameJson(parseDomainXml(renderDomainXml(vm, ctxFor(vm))), domainModelFromDesired(vm, ctxFor(vm)), vm.name);
    });
  }

  for (const file of fixtureFiles('domain', '.inactive.xml')) {
    it(`libvirt's inactive dumpxml ${file} parses to the desired model`, () => {
      const name = file.replace('.inactive.xml', '');
      const parsed = parseDomainXml(readFixture(`domain/${file}`));
      if (name === 'gvfixture-unowned') {
        // Same domain without gitvirt's metadata: no owner and no disk origins.
        const basic = desiredModel('gvfixture-basic');
        expect(parsed.owner).toBeNull();
        assertSameJson(parsed, { ...basic, name: name, owner: null, disks: basic.disks.map((disk) => ({ ...disk, origin: null })) }, file);
      } else {
        assertSameJson(parsed, desiredModel(name), file);
      }
    });
  }

  for (const file of fixtureFiles('domain', '.live.xml')) {
    const name = file.replace('.live.xml', '');
    if (name === 'gvfixture-unowned') continue;
    it(`libvirt's live dumpxml ${file} parses to the desired model${RUNNING.has(name) ? ' except the balloon size' : ''}`, () => {
      const parsed = parseDomainXml(readFixture(`domain/${file}`));
      const expected = desiredModel(name);
      // A running guest without a balloon driver keeps all of <memory>: live <currentMemory> reports it.
      if (RUNNING.has(name)) expect(parsed.memoryMiB).toBe(expected.maxMemoryMiB);
      assertSameJson({ ...parsed, memoryMiB: expected.memoryMiB }, expected, file);
    });
  }
});

describe('parseDomainXml normalisation', () => {
  it('ignores what libvirt adds: addresses, aliases, controllers, seclabel, emulator, cpu model, inputs, memballoon', () => {
    const xml = readFixture('domain/gvfixture-full.live.xml');
    for (const added of ['<alias ', '<address ', "<controller type='pci'", '<seclabel', '<emulator>', "<cpu mode='custom'", '<input ', '<memballoon', 'portid=']) {
      expect(xml).toContain(added);
    }
    expect(Object.keys(parseDomainXml(xml)).sort()).toEqual([
      'cdroms', 'cmdline', 'cpuMode', 'cpuShares', 'disks', 'initrd', 'interfaces', 'kernel', 'machine',
      'maxMemoryMiB', 'maxVcpus', 'memoryMiB', 'name', 'owner', 'type', 'vcpuPins', 'vcpus',
    ]);
  });

  it('reduces the versioned machine type libvirt expands to its family', () => {
    expect(readFixture('domain/gvfixture-pc.inactive.xml')).toContain("machine='pc-i440fx-7.2'");
    expect(parseDomainXml(readFixture('domain/gvfixture-pc.inactive.xml')).machine).toBe('pc');
    expect(parseDomainXml(readFixture('domain/gvfixture-basic.inactive.xml')).machine).toBe('q35');
  });

  it('normalises a cpuset libvirt reformats (0,1 → 0-1)', () => {
    expect(readFixture('domain/gvfixture-full.inactive.xml')).toContain("cpuset='0-1'");
    expect(parseDomainXml(readFixture('domain/gvfixture-full.inactive.xml')).vcpuPins).toEqual([{ vcpu: 0, cpuset: '0' }, { vcpu: 1, cpuset: '0-1' }]);
  });

  it('reads current vcpus, iotune and owner metadata from hand-made changes', () => {
    expect(parseDomainXml(readFixture('drift/setvcpus-gvfixture-full.inactive.xml'))).toMatchObject({ vcpus: 1, maxVcpus: 2 });
    expect(parseDomainXml(readFixture('drift/setmem-gvfixture-basic.inactive.xml'))).toMatchObject({ memoryMiB: 160, maxMemoryMiB: 256 });
    const edited = parseDomainXml(readFixture('drift/define-edited-gvfixture-pc.inactive.xml'));
    expect(edited.disks).toEqual([expect.objectContaining({ target: 'sda', bus: 'sata', iotune: { totalIopsSec: 500 } })]);
    expect(parseDomainXml(readFixture('drift/metadata-set-gvfixture-basic.inactive.xml')).owner).toEqual({
      kind: 'VirtualMachine', name: 'gvfixture-basic', specHash: 'e'.repeat(64), revision: 'feedc0de'.repeat(5),
    });
  });

  it('keeps the disk origin recorded in the owner element after virsh metadata --set', () => {
    expect(parseDomainXml(readFixture('drift/metadata-set-gvfixture-basic.inactive.xml')).disks[0]?.origin).toBe('overlay:gvfixture-img');
  });
});

describe('parseDomainXml on odd input', () => {
  it('survives missing elements', () => {
    expect(parseDomainXml('<domain/>')).toMatchObject({ name: '', type: '', vcpus: 0, memoryMiB: 0, disks: [], interfaces: [], owner: null });
  });

  it('skips unknown elements and devices without the keys it needs', () => {
    const model = parseDomainXml(`<domain type='kvm'><name>x</name><frobnicate a='1'><b/></frobnicate>
      <memory unit='GiB'>2</memory><vcpu>junk</vcpu>
      <devices><disk type='file'/><interface type='network'><source network='n'/></interface><hostdev/></devices></domain>`);
    expect(model).toMatchObject({ name: 'x', type: 'kvm', memoryMiB: 2048, maxMemoryMiB: 2048, vcpus: 0, disks: [], interfaces: [] });
  });

  it('ignores an owner element in another namespace and accepts another prefix for ours', () => {
    const other = parseDomainXml(`<domain><metadata><x:owner xmlns:x="urn:other" kind="VirtualMachine" name="a"/></metadata></domain>`);
    expect(other.owner).toBeNull();
    const prefixed = parseDomainXml(`<domain><metadata><g:owner xmlns:g="https://gitvirt.io/xmlns/owner/v1alpha1" kind="VirtualMachine" name="a" specHash="h" revision="r"/></metadata></domain>`);
    expect(prefixed.owner).toEqual({ kind: 'VirtualMachine', name: 'a', specHash: 'h', revision: 'r' });
  });

  it('throws LibvirtXmlInvalidError only on text that is not XML', () => {
    for (const junk of ['', 'not xml at all', '<domain><name>x</domain>']) {
      expect(() => parseDomainXml(junk)).toThrow(LibvirtXmlInvalidError);
    }
  });
});
