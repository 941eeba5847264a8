/** Builders of desired and live host state for plan tests, on top of the captured libvirt fixtures. */
import type { Change } from '../../../controller/types/change.js';
import type { DesiredHostState, DesiredImage, DesiredVm } from '../../../controller/types/desired.js';
import type { LiveDomain, LiveHostState, LiveVolume } from '../../../controller/types/live.js';
import { readFileSync } from 'node:fs';
import { NETWORKS, POOL, VMS } from '../../fixtures/libvirt/cases.js';

const FIXTURES = new URL('../../fixtures/libvirt/', import.meta.url);

/** XML captured from real libvirt, e.g. `domain/gvfixture-basic.live.xml`. */
export function capturedXml(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

export const HOST = 'hv1';

/** The image the fixture VMs overlay. */
export const IMAGE: DesiredImage = {
  name: 'gvfixture-img', owner: { kind: 'Image', name: 'gvfixture-img' }, volume: 'image-gvfixture-img.qcow2',
  pool: POOL.name, format: 'qcow2', source: { url: 'http://127.0.0.1:8080/disk.qcow2', sha256: 'e'.repeat(64) }, specHash: 'f'.repeat(64),
};

/** A desired host carrying `vms` (default: the basic fixture VM) and the NAT network. */
export function desiredHost(vms: DesiredVm[] = [vm('gvfixture-basic')]): DesiredHostState {
  return {
    host: {
      name: HOST, address: '10.77.1.2', port: 22, user: 'root', hostKey: 'ssh-ed25519 AAAA', uri: 'qemu:///system', zone: 'zone-a',
      labels: {}, reserved: { cpus: 0, memoryMiB: 0 }, storagePool: POOL, cordoned: false,
    },
    pool: POOL,
    networks: [NETWORKS[0]!],
    images: [IMAGE],
    vms,
  };
}

/** A fixture VM by name, with overrides. */
export function vm(name: string, overrides: Partial<DesiredVm> = {}): DesiredVm {
  const found = VMS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no fixture VM ${name}`);
  return { ...found, ...overrides };
}

/** An empty host: no pool, networks, volumes or domains. */
export function emptyLive(): LiveHostState {
  return { host: HOST, observedAt: '2026-11-23T00:00:00Z', node: { cpus: 4, memoryMiB: 8192 }, kvm: false, domains: [], networks: [], pools: [], volumes: [] };
}

/** A live host on which everything `desired` wants exists and runs as asked. */
export function convergedLive(desired: DesiredHostState): LiveHostState {
  const volumes: LiveVolume[] = [
    ...desired.images.map((image) => volume(image.volume, 64 * 2 ** 20)),
    ...desired.vms.flatMap((v) => [
      ...v.disks.map((disk) => volume(disk.volume, disk.capacityBytes)),
      ...(v.seed === undefined ? [] : [volume(v.seed.volume, 2 ** 20)]),
    ]),
  ];
  return {
    ...emptyLive(),
    pools: [{ name: POOL.name, active: true, autostart: true, path: POOL.path }],
    volumes,
    networks: desired.networks.map((n) => ({
      name: n.name, active: true, autostart: n.autostart, owner: owner(n.name, 'Network', n.specHash), xml: capturedXml(`network/${n.name}.inactive.xml`),
    })),
    domains: desired.vms.map((v) => liveDomain(v.name, v.runStrategy === 'Halted' ? 'shutoff' : 'running', {
      autostart: v.autostart, owner: owner(v.name, 'VirtualMachine', v.specHash), xml: capturedXml(`domain/${v.name}.inactive.xml`),
    })),
  };
}

/** A live domain. */
export function liveDomain(name: string, state: LiveDomain['state'], extra: Partial<LiveDomain> = {}): LiveDomain {
  return { name, uuid: `00000000-0000-0000-0000-${name.length.toString().padStart(12, '0')}`, state, autostart: false, owner: null, ...extra };
}

/** Owner metadata as read from a live object. */
export function owner(name: string, kind: string, specHash = 'a'.repeat(64)): NonNullable<LiveDomain['owner']> {
  return { kind, name, specHash, revision: '0'.repeat(40) };
}

/** An update change of a domain with the given fields. */
export function domainUpdate(name: string, fields: Change['fields'], drift = false): Change {
  const order = ['replace', 'restart', 'live'] as const;
  const worst = order.find((cls) => fields.some((f) => f.class === cls));
  return { host: HOST, object: 'domain', name, type: 'update', ...(worst === undefined ? {} : { class: worst }), fields, drift };
}

function volume(name: string, capacityBytes: number): LiveVolume {
  return { pool: POOL.name, name, path: `${POOL.path}/${name}`, capacityBytes };
}
