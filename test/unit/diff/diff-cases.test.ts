import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffHost } from '../../../controller/diff/index.js';
import { parseDomainXml, parseNetworkXml, parseVolumeXml } from '../../../controller/libvirt/index.js';
import type { Change, ObjectKind } from '../../../controller/types/change.js';
import type { DesiredHostState } from '../../../controller/types/desired.js';
import type { DomainState, LiveHostState, LivePool, LiveVolume } from '../../../controller/types/live.js';
import { IMAGES, NETWORKS, POOL, VMS } from '../../fixtures/libvirt/cases.js';

const DIFF_FIXTURES = fileURLToPath(new URL('../../fixtures/diff/', import.meta.url));
const LIBVIRT_FIXTURES = fileURLToPath(new URL('../../fixtures/libvirt/', import.meta.url));
const HOST = 'hv-test';

/** One diff case: desired objects picked from the libvirt fixture cases, live state from captured XML. */
interface DiffCase {
  description: string;
  desired: { vms?: string[]; networks?: string[]; images?: string[]; set?: Record<string, unknown>; unset?: string[] };
  live: {
    kvm?: boolean;
    domains?: { xml: string; state: DomainState; autostart: boolean }[];
    networks?: { xml: string; active: boolean; autostart: boolean }[];
    pools?: LivePool[];
    volumes?: { from: string[]; drop?: string[] };
  };
  options?: { trustSpecHash?: boolean };
  objects: ObjectKind[];
  expect: Omit<Change, 'host'>[];
}

function pick<T extends { name: string }>(all: readonly T[], names: readonly string[] | undefined): T[] {
  return (names ?? []).map((name) => {
    const found = all.find((item) => item.name === name);
    if (found === undefined) throw new Error(`no fixture object ${name}`);
    return structuredClone(found);
  });
}

/** Sets (or, for `undefined` in unset, removes) a value at a JSON pointer; an array index equal to the length appends. */
function atPointer(root: unknown, pointer: string, value: unknown, remove: boolean): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  if (last === undefined) throw new Error(`bad pointer ${pointer}`);
  let node = root as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else node[last] = value;
}

function desiredOf(spec: DiffCase['desired']): DesiredHostState {
  const desired: DesiredHostState = {
    host: {
      name: HOST, address: '10.77.1.2', port: 22, user: 'root', hostKey: 'ssh-ed25519 AAAA', uri: 'qemu:///system',
      zone: 'default', labels: {}, reserved: { cpus: 0, memoryMiB: 1024 }, storagePool: { ...POOL }, cordoned: false,
    },
    pool: { ...POOL },
    networks: pick(NETWORKS, spec.networks),
    images: pick(IMAGES, spec.images),
    vms: pick(VMS, spec.vms),
  };
  for (const [pointer, value] of Object.entries(spec.set ?? {})) atPointer(desired, pointer, value, false);
  for (const pointer of spec.unset ?? []) atPointer(desired, pointer, undefined, true);
  return desired;
}

function fixture(relative: string): string {
  return readFileSync(join(LIBVIRT_FIXTURES, relative), 'utf8');
}

function liveOf(spec: DiffCase['live']): LiveHostState {
  const volumes: LiveVolume[] = [];
  for (const file of spec.volumes?.from ?? []) {
    const model = parseVolumeXml(fixture(file));
    if (spec.volumes?.drop?.includes(model.name)) continue;
    volumes.push({ pool: POOL.name, name: model.name, path: model.path ?? '', capacityBytes: model.capacityBytes ?? 0, ...(model.format === null ? {} : { format: model.format }) });
  }
  return {
    host: HOST, observedAt: '2025-01-01T00:00:00Z', node: { cpus: 2, memoryMiB: 4096 }, kvm: spec.kvm ?? false,
    domains: (spec.domains ?? []).map((domain) => {
      const xml = fixture(domain.xml);
      const model = parseDomainXml(xml);
      return { name: model.name, uuid: /<uuid>([^<]+)<\/uuid>/.exec(xml)?.[1] ?? '', state: domain.state, autostart: domain.autostart, owner: model.owner, xml };
    }),
    networks: (spec.networks ?? []).map((net) => {
      const xml = fixture(net.xml);
      const model = parseNetworkXml(xml);
      return { name: model.name, active: net.active, autostart: net.autostart, owner: model.owner, xml };
    }),
    pools: spec.pools ?? [{ name: POOL.name, active: true, autostart: true, path: POOL.path }],
    volumes,
  };
}

describe('diffHost cases (test/fixtures/diff)', () => {
  for (const file of readdirSync(DIFF_FIXTURES).filter((name) => name.endsWith('.json')).sort()) {
    const spec = JSON.parse(readFileSync(join(DIFF_FIXTURES, file), 'utf8')) as DiffCase;
    it(`${file}: ${spec.description}`, () => {
      const changes = diffHost({ desired: desiredOf(spec.desired), live: liveOf(spec.live), ...spec.options });
      const relevant = changes.filter((change) => spec.objects.includes(change.object));
      expect(relevant).toEqual(spec.expect.map((change) => ({ host: HOST, ...change })));
    });
  }
});
