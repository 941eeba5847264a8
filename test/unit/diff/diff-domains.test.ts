import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffDomains } from '../../../controller/diff/index.js';
import { parseDomainXml, type DomainModel } from '../../../controller/libvirt/index.js';
import type { LiveDomain } from '../../../controller/types/live.js';
import { POOL, VMS, fixtureVm } from '../../fixtures/libvirt/cases.js';

const xml = (relative: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/libvirt/${relative}`, import.meta.url)), 'utf8');
const basic = VMS.find((vm) => vm.name === 'gvfixture-basic')!;

function liveDomain(source: string, patch: Partial<LiveDomain> = {}): LiveDomain {
  const text = xml(source);
  const model = parseDomainXml(text);
  return { name: model.name, uuid: 'u', state: 'running', autostart: false, owner: model.owner, xml: text, ...patch };
}

describe('diffDomains: the no-change path', () => {
  it('uses caller-parsed models instead of the XML', () => {
    const drifted = parseDomainXml(xml('drift/setmem-gvfixture-basic.inactive.xml'));
    const live = liveDomain('domain/gvfixture-basic.inactive.xml');
    const [change] = diffDomains({ host: 'h', vms: [basic], domains: [live], kvm: false, poolPath: POOL.path, models: new Map([[live.name, drifted]]) });
    expect(change).toMatchObject({ type: 'update', drift: true, fields: [{ path: 'memoryMiB', from: 160, to: 192 }] });
  });

  it('with trustSpecHash, does not look at the XML at all when hashes match', () => {
    const live = liveDomain('domain/gvfixture-basic.inactive.xml', { xml: 'this is not XML' });
    const [trusted] = diffDomains({ host: 'h', vms: [basic], domains: [live], kvm: false, poolPath: POOL.path, trustSpecHash: true });
    expect(trusted).toMatchObject({ type: 'unchanged', fields: [], drift: false });
  });

  it('falls back to a whole-definition restart when the live XML is unusable and the hash differs', () => {
    const live = liveDomain('domain/gvfixture-basic.inactive.xml', { xml: 'this is not XML' });
    const [change] = diffDomains({ host: 'h', vms: [{ ...basic, specHash: 'f'.repeat(64) }], domains: [live], kvm: false, poolPath: POOL.path });
    expect(change).toMatchObject({ type: 'update', class: 'restart', fields: [{ path: 'definition', class: 'restart' }, { path: 'owner.specHash', class: 'live' }] });
  });

  it('diffs two thousand unchanged domains from parsed models quickly', () => {
    const model = parseDomainXml(xml('domain/gvfixture-pc.inactive.xml'));
    const pc = VMS.find((vm) => vm.name === 'gvfixture-pc')!;
    const vms = Array.from({ length: 2000 }, (_, i) => ({ ...pc, name: `vm-${i}`, owner: { kind: 'VirtualMachine' as const, name: `vm-${i}` } }));
    const models = new Map<string, DomainModel>(vms.map((vm) => [vm.name, { ...model, name: vm.name }]));
    const domains: LiveDomain[] = vms.map((vm) => ({ name: vm.name, uuid: 'u', state: 'shutoff', autostart: false, owner: { kind: 'VirtualMachine', name: vm.name, specHash: vm.specHash, revision: 'r' } }));
    const started = performance.now();
    const changes = diffDomains({ host: 'h', vms, domains, kvm: false, poolPath: POOL.path, models });
    expect(changes.every((change) => change.type === 'unchanged')).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('diffDomains: run strategy', () => {
  it.each([
    ['Always', 'paused', 'running'],
    ['Always', 'crashed', 'running'],
    ['Always', 'running', null],
    ['Halted', 'running', 'shutoff'],
    ['Halted', 'shutoff', null],
    ['Manual', 'running', null],
    ['Manual', 'shutoff', null],
  ] as const)('%s with the domain %s wants %s', (runStrategy, state, wanted) => {
    const vm = fixtureVm('gvfixture-pc');
    const live: LiveDomain = { name: vm.name, uuid: 'u', state, autostart: false, owner: { kind: 'VirtualMachine', name: vm.name, specHash: vm.specHash, revision: 'r' } };
    const [change] = diffDomains({ host: 'h', vms: [{ ...vm, runStrategy }], domains: [live], kvm: false, poolPath: POOL.path, trustSpecHash: true });
    expect(change?.fields).toEqual(wanted === null ? [] : [{ path: 'state', from: state, to: wanted, class: 'live' }]);
    expect(change?.drift).toBe(false);
  });
});
