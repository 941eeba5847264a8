import type { Change, FieldChange } from '../types/change.js';
import type { DesiredHostState, OwnerRef } from '../types/desired.js';
import type { LiveDomain, LivePool, LiveVolume } from '../types/live.js';
import { normalisePath } from '../libvirt/index.js';
import { POOL_FIELD_CLASSES, VOLUME_FIELD_CLASSES, classifyField } from './field-classes.js';
import { worstClass } from './worst-class.js';

/** A volume gitvirt wants in its pool. */
export interface DesiredVolume {
  name: string;
  /** 0 = whatever size it gets (image downloads, overlays sized like their image). */
  capacityBytes: number;
  format: string;
  owner: OwnerRef;
}

/** Every volume the desired host state needs in its pool: images, VM disks, seeds. */
export function desiredVolumes(desired: DesiredHostState): DesiredVolume[] {
  const out: DesiredVolume[] = desired.images.map((image) => ({ name: image.volume, capacityBytes: 0, format: image.format, owner: image.owner }));
  for (const vm of desired.vms) {
    for (const disk of vm.disks) out.push({ name: disk.volume, capacityBytes: disk.capacityBytes, format: disk.format, owner: vm.owner });
    if (vm.seed !== undefined) out.push({ name: vm.seed.volume, capacityBytes: 0, format: 'raw', owner: vm.owner });
  }
  return out;
}

/** Change for the gitvirt pool: create when missing, start/autostart when not, replace when its path moved. */
export function diffPool(host: string, desired: DesiredHostState, pools: readonly LivePool[]): Change {
  const owner: OwnerRef = { kind: 'Pool', name: desired.pool.name };
  const base = { host, object: 'pool' as const, name: desired.pool.name, drift: false, owner };
  const live = pools.find((pool) => pool.name === desired.pool.name);
  if (live === undefined) return { ...base, type: 'create', fields: [] };
  const fields: FieldChange[] = [];
  if (live.path !== undefined && normalisePath(live.path) !== normalisePath(desired.pool.path)) fields.push(poolField('path', live.path, desired.pool.path));
  if (!live.active) fields.push(poolField('active', false, true));
  if (!live.autostart) fields.push(poolField('autostart', false, true));
  const klass = worstClass(fields);
  return { ...base, type: fields.length > 0 ? 'update' : 'unchanged', ...(klass === undefined ? {} : { class: klass }), fields };
}

/**
 * Changes for volumes in the gitvirt pool: create missing ones, grow ones smaller than wanted,
 * replace a format mismatch, delete pool volumes nothing wants whose owner can be told from the
 * name (`image-<name>.*`, `<vm>-...`); other files in the pool are left alone.
 */
export function diffVolumes(host: string, desired: DesiredHostState, volumes: readonly LiveVolume[], domains: readonly LiveDomain[]): Change[] {
  const pool = desired.pool.name;
  const live = new Map(volumes.filter((vol) => vol.pool === pool).map((vol) => [vol.name, vol]));
  const wanted = desiredVolumes(desired);
  const changes: Change[] = [];
  for (const want of wanted) {
    const base = { host, object: 'volume' as const, name: want.name, drift: false, owner: want.owner };
    const have = live.get(want.name);
    if (have === undefined) {
      changes.push({ ...base, type: 'create', fields: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    if (want.capacityBytes > 0 && have.capacityBytes < want.capacityBytes) fields.push(volumeField('capacityBytes', have.capacityBytes, want.capacityBytes));
    if (have.format !== undefined && sameFormat(have.format) !== sameFormat(want.format)) fields.push(volumeField('format', have.format, want.format));
    const klass = worstClass(fields);
    changes.push({ ...base, type: fields.length > 0 ? 'update' : 'unchanged', ...(klass === undefined ? {} : { class: klass }), fields });
  }
  const wantedNames = new Set(wanted.map((want) => want.name));
  const vmNames = [...new Set([
    ...desired.vms.map((vm) => vm.name),
    ...domains.flatMap((domain) => (domain.owner === null ? [] : [domain.owner.name])),
  ])].sort((a, b) => b.length - a.length);
  for (const vol of live.values()) {
    if (wantedNames.has(vol.name)) continue;
    const owner = volumeOwner(vol.name, vmNames);
    if (owner === undefined) continue;
    changes.push({ host, object: 'volume', name: vol.name, type: 'delete', fields: [], drift: false, owner });
  }
  return changes;
}

/** Owner of a pool volume told from its name: `image-<name>.<ext>` → Image, `<vm>-...` → VirtualMachine (longest VM name first). */
export function volumeOwner(volume: string, vmNamesLongestFirst: readonly string[]): OwnerRef | undefined {
  const image = /^image-(.+)\.[a-z0-9]+$/.exec(volume);
  if (image?.[1] !== undefined) return { kind: 'Image', name: image[1] };
  const vm = vmNamesLongestFirst.find((name) => volume.startsWith(`${name}-`));
  return vm === undefined ? undefined : { kind: 'VirtualMachine', name: vm };
}

/** Volume formats libvirt reports that hold the same bytes as another (an ISO seed is a raw file). */
export const VOLUME_FORMAT_EQUIVALENTS: Readonly<Record<string, string>> = { iso: 'raw' };

function sameFormat(format: string): string {
  return VOLUME_FORMAT_EQUIVALENTS[format] ?? format;
}

function poolField(path: string, from: unknown, to: unknown): FieldChange {
  return { path, from, to, class: classifyField(POOL_FIELD_CLASSES, path) };
}

function volumeField(path: string, from: unknown, to: unknown): FieldChange {
  return { path, from, to, class: classifyField(VOLUME_FIELD_CLASSES, path) };
}
