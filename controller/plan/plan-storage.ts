import { renderPoolXml, volumePath } from '../libvirt/index.js';
import type { DesiredDisk, DesiredHostState, DesiredVm } from '../types/desired.js';
import type { LiveHostState, LiveVolume } from '../types/live.js';
import type { Action } from '../types/plan.js';
import { makeAction } from './make-action.js';

/** Live volumes of one host, by `pool/name`. */
export type VolumeIndex = ReadonlyMap<string, LiveVolume>;

/** Indexes live volumes by `pool/name`. */
export function indexVolumes(live: LiveHostState): VolumeIndex {
  return new Map(live.volumes.map((volume) => [`${volume.pool}/${volume.name}`, volume]));
}

/** Actions that make the gitvirt pool exist and run, and put each needed image into it. */
export function planPoolAndImages(desired: DesiredHostState, live: LiveHostState, volumes: VolumeIndex): Action[] {
  const host = desired.host.name;
  const actions: Action[] = [];
  const pool = live.pools.find((candidate) => candidate.name === desired.pool.name);
  if (pool === undefined || !pool.active || !pool.autostart) {
    const reason = pool === undefined ? 'storage pool does not exist' : 'storage pool is not active with autostart';
    actions.push(makeAction({ host, owner: { kind: 'Pool', name: desired.pool.name } }, 'pool.ensure', reason, {
      pool: desired.pool,
      xml: renderPoolXml(desired.pool),
    }));
  }
  for (const image of desired.images) {
    if (volumes.has(`${image.pool}/${image.volume}`)) continue;
    actions.push(makeAction({ host, owner: image.owner }, 'image.fetch', 'image is not on this host yet', {
      image,
      path: volumePath(desired.pool.path, image.volume),
    }));
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

/** Actions that create missing disk volumes and seeds of a VM and grow disks smaller than asked. */
export function planVmStorage(desired: DesiredHostState, vm: DesiredVm, volumes: VolumeIndex): Action[] {
  const host = desired.host.name;
  const poolPath = desired.pool.path;
  const actions: Action[] = [];
  for (const disk of vm.disks) {
    const live = volumes.get(`${disk.pool}/${disk.volume}`);
    if (live === undefined) {
      actions.push(createDiskAction(desired, vm, disk, `disk ${disk.name} does not exist`));
    } else if (disk.capacityBytes > live.capacityBytes) {
      actions.push(makeAction({ host, owner: vm.owner }, 'volume.resize',
        `disk ${disk.name} is ${gib(live.capacityBytes)} GiB, wants ${gib(disk.capacityBytes)} GiB`, {
          pool: disk.pool,
          volume: disk.volume,
          path: volumePath(poolPath, disk.volume),
          capacityBytes: disk.capacityBytes,
        }));
    }
  }
  if (vm.seed !== undefined && !volumes.has(`${vm.seed.pool}/${vm.seed.volume}`)) {
    actions.push(makeAction({ host, owner: vm.owner }, 'seed.create', 'cloud-init seed for this configuration does not exist', {
      pool: vm.seed.pool,
      volume: vm.seed.volume,
      path: volumePath(poolPath, vm.seed.volume),
      files: vm.seed.files,
    }));
  }
  return actions;
}

/** Bytes as GiB with up to two decimals. */
function gib(bytes: number): string {
  return String(Math.round((bytes / 2 ** 30) * 100) / 100);
}
