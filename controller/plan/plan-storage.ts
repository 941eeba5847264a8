import { renderPoolXml, volumePath } from '../libvirt/index.js';
import type { Change } from '../types/change.js';
import type { DesiredDisk, DesiredHostState, DesiredImage, DesiredVm } from '../types/desired.js';
import type { Action } from '../types/plan.js';
import { makeAction } from './make-action.js';

/** What a volume name in the gitvirt pool stands for in the desired state. */
type VolumeRole =
  | { role: 'image'; image: DesiredImage }
  | { role: 'disk'; vm: DesiredVm; disk: DesiredDisk }
  | { role: 'seed'; vm: DesiredVm };

/** Seeds are content-addressed: `<vm>-seed-<12 hex>.iso`. */
const SEED_VOLUME = /-seed-[0-9a-f]{12}\.iso$/;

/** The pool action for a pool change: create it, or make it active with autostart. */
export function planPool(desired: DesiredHostState, change: Change | undefined): Action[] {
  if (change === undefined || (change.type !== 'create' && change.type !== 'update')) return [];
  const reason = change.type === 'create' ? 'storage pool does not exist' : `storage pool: ${change.fields.map((f) => f.path).join(', ')}`;
  return [makeAction({ host: desired.host.name, owner: { kind: 'Pool', name: desired.pool.name } }, 'pool.ensure', reason, {
    pool: desired.pool,
    xml: renderPoolXml(desired.pool),
  })];
}

/**
 * Volume actions for volume changes: fetch images, create disks and seeds, grow disks; remove old
 * seeds (housekeeping). Disks and images nothing wants are kept: disks go only with their domain
 * when it asks (`deleteOnRemove`), and images may still back a kept disk.
 */
export function planVolumes(desired: DesiredHostState, changes: readonly Change[]): Action[] {
  const roles = volumeRoles(desired);
  const host = desired.host.name;
  const actions: Action[] = [];
  for (const change of changes) {
    const role = roles.get(change.name);
    if (change.type === 'create' && role !== undefined) {
      actions.push(createAction(desired, role));
    } else if (change.type === 'update' && role?.role === 'disk' && change.fields.some((f) => f.path === 'capacityBytes')) {
      const { vm, disk } = role;
      const field = change.fields.find((f) => f.path === 'capacityBytes');
      actions.push(makeAction({ host, owner: vm.owner }, 'volume.resize', `disk ${disk.name} is ${gib(field?.from)} GiB, wants ${gib(field?.to)} GiB`, {
        pool: disk.pool, volume: disk.volume, path: volumePath(desired.pool.path, disk.volume), capacityBytes: disk.capacityBytes,
      }));
    } else if (change.type === 'delete' && SEED_VOLUME.test(change.name) && change.owner !== undefined) {
      actions.push(makeAction({ host, owner: change.owner, housekeeping: true }, 'volume.delete', 'cloud-init seed no longer used', {
        pool: desired.pool.name, volume: change.name, path: volumePath(desired.pool.path, change.name),
      }));
    }
  }
  return actions;
}

/** The create action of one disk volume: blank, or an overlay on / a copy of its image. */
export function createDiskAction(desired: DesiredHostState, vm: DesiredVm, disk: DesiredDisk, reason: string): Action {
  const poolPath = desired.pool.path;
  const from = disk.source === undefined
    ? undefined
    : { path: volumePath(poolPath, disk.source.volume), format: disk.source.format, mode: disk.source.mode };
  return makeAction({ host: desired.host.name, owner: vm.owner }, 'volume.create', reason, {
    pool: disk.pool,
    volume: disk.volume,
    path: volumePath(poolPath, disk.volume),
    format: disk.format,
    capacityBytes: disk.capacityBytes,
    ...(from === undefined ? {} : { from }),
  });
}

function createAction(desired: DesiredHostState, role: VolumeRole): Action {
  const host = desired.host.name;
  const poolPath = desired.pool.path;
  switch (role.role) {
    case 'image':
      return makeAction({ host, owner: role.image.owner }, 'image.fetch', 'image is not on this host yet', {
        image: role.image, path: volumePath(poolPath, role.image.volume),
      });
    case 'disk':
      return createDiskAction(desired, role.vm, role.disk, `disk ${role.disk.name} does not exist`);
    case 'seed': {
      const seed = role.vm.seed!;
      return makeAction({ host, owner: role.vm.owner }, 'seed.create', 'cloud-init seed for this configuration does not exist', {
        pool: seed.pool, volume: seed.volume, path: volumePath(poolPath, seed.volume), files: seed.files,
      });
    }
  }
}

/** Indexes the desired state's volumes by name. */
function volumeRoles(desired: DesiredHostState): Map<string, VolumeRole> {
  const roles = new Map<string, VolumeRole>();
  for (const image of desired.images) roles.set(image.volume, { role: 'image', image });
  for (const vm of desired.vms) {
    for (const disk of vm.disks) roles.set(disk.volume, { role: 'disk', vm, disk });
    if (vm.seed !== undefined) roles.set(vm.seed.volume, { role: 'seed', vm });
  }
  return roles;
}

/** Bytes as GiB with up to two decimals. */
function gib(bytes: unknown): string {
  return typeof bytes === 'number' ? String(Math.round((bytes / 2 ** 30) * 100) / 100) : '?';
}
