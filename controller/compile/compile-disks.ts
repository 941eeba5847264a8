import type { DesiredDisk } from '../types/desired.js';
import type { DefaultedDisk, DefaultedImage } from './defaulted.js';
import { assignDiskTargets } from './disk-target.js';
import { imageVolume } from './compile-image.js';

/** Bytes in one GiB. */
export const GIB = 1024 ** 3;

/** Volume format of a disk by how it is made: overlays are qcow2 over the image, copies keep the image format. */
const FORMAT_BY_MODE: Readonly<Record<'overlay' | 'copy', (image: DefaultedImage) => 'qcow2' | 'raw'>> = {
  overlay: () => 'qcow2',
  copy: (image) => image.spec.format,
};

/** Format of a blank disk. */
export const BLANK_DISK_FORMAT = 'qcow2';

/** Resolves a VM's disks to volumes in the pool, with targets by bus in array order. */
export function compileDisks(args: {
  vm: string;
  pool: string;
  disks: readonly DefaultedDisk[];
  images: ReadonlyMap<string, DefaultedImage>;
}): DesiredDisk[] {
  const targets = assignDiskTargets(args.disks.map((d) => d.bus));
  return args.disks.map((disk, index) => {
    const image = disk.image === undefined ? undefined : args.images.get(disk.image);
    const format = image === undefined ? BLANK_DISK_FORMAT : FORMAT_BY_MODE[disk.mode](image);
    const desired: DesiredDisk = {
      name: disk.name,
      target: targets[index] ?? '',
      bus: disk.bus,
      pool: args.pool,
      volume: `${args.vm}-${disk.name}.${format}`,
      format,
      capacityBytes: disk.sizeGiB === undefined ? 0 : Math.round(disk.sizeGiB * GIB),
      deleteOnRemove: disk.deleteOnRemove,
    };
    if (image !== undefined) {
      desired.source = { image: image.metadata.name, volume: imageVolume(image), format: image.spec.format, mode: disk.mode };
    }
    if (disk.iotune !== undefined) desired.iotune = { ...disk.iotune };
    return desired;
  });
}
