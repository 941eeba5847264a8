import { describe, expect, it } from 'vitest';
import { desiredOwnerMeta } from '../../../controller/libvirt/domain-model.js';
import { domainModelFromDesired, parseDomainXml, renderDomainOwnerXml, renderDomainXml } from '../../../controller/libvirt/index.js';
import { CTX, REVISION, VMS } from '../../fixtures/libvirt/cases.js';
import { readFixture } from './fixtures.js';

const BASIC = VMS.find((vm) => vm.name === 'gvfixture-basic')!;

/** The owner element of the captured gvfixture-basic domain with its attributes replaced by `attributes`. */
function capturedWithOwnerAttribute(attributes: string): string {
  const xml = readFixture('domain/gvfixture-basic.inactive.xml');
  const withAttribute = xml.replace(`revision="${REVISION}"`, `revision="${REVISION}" ${attributes}`);
  expect(withAttribute).not.toBe(xml);
  return withAttribute;
}

describe('shutdownTimeoutSeconds in the owner metadata', () => {
  it('round-trips a VM\'s own shutdown time through the rendered domain XML and the owner-only XML', () => {
    const vm = { ...BASIC, shutdownTimeoutSeconds: 20 };
    const xml = renderDomainXml(vm, CTX);
    expect(xml).toContain('shutdownTimeoutSeconds="20"');
    expect(parseDomainXml(xml).owner).toEqual({ ...desiredOwnerMeta(vm, REVISION), shutdownTimeoutSeconds: 20 });
    expect(parseDomainXml(xml)).toEqual(domainModelFromDesired(vm, CTX));
    expect(renderDomainOwnerXml(vm, CTX)).toContain('shutdownTimeoutSeconds="20"');
    expect(parseDomainXml(renderDomainXml({ ...vm, shutdownTimeoutSeconds: 0 }, CTX)).owner?.shutdownTimeoutSeconds).toBe(0);
  });

  it('writes nothing for the default 60 s, so the XML of VMs with the default is what it was', () => {
    const xml = renderDomainXml(BASIC, CTX);
    expect(BASIC.shutdownTimeoutSeconds).toBe(60);
    expect(xml).not.toContain('shutdownTimeoutSeconds');
    expect(xml).toBe(readFixture('rendered/dom-gvfixture-basic.xml'));
    expect(parseDomainXml(xml).owner).not.toHaveProperty('shutdownTimeoutSeconds');
  });

  it('reads owner metadata written before the field existed (captured from libvirt) as the default', () => {
    const owner = parseDomainXml(readFixture('domain/gvfixture-basic.inactive.xml')).owner;
    expect(owner).toEqual({ kind: 'VirtualMachine', name: 'gvfixture-basic', specHash: 'b'.repeat(64), revision: REVISION });
    expect(parseDomainXml(capturedWithOwnerAttribute('shutdownTimeoutSeconds="60"')).owner).toEqual(owner);
  });

  it('reads a recorded value from captured XML and ignores values that are not a whole number of seconds up to 3600', () => {
    expect(parseDomainXml(capturedWithOwnerAttribute('shutdownTimeoutSeconds="300"')).owner?.shutdownTimeoutSeconds).toBe(300);
    for (const bad of ['', 'abc', '-5', '1.5', '3601', '99999', '0x10']) {
      expect(parseDomainXml(capturedWithOwnerAttribute(`shutdownTimeoutSeconds="${bad}"`)).owner, bad).not.toHaveProperty('shutdownTimeoutSeconds');
    }
  });
});
