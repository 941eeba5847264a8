import { describe, expect, it } from 'vitest';
import { assignDiskTargets, driveLetters } from '../../../controller/compile/index.js';
import { runCase, vmOf } from './compile-case.js';

describe('disks and boot', () => {
  it('counts targets per prefix in array order; sata and scsi share sd', () => {
    expect(assignDiskTargets(['virtio', 'sata', 'virtio', 'scsi'])).toEqual(['vda', 'sda', 'vdb', 'sdb']);
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(driveLetters)).toEqual(['a', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
  });

  it('resolves disks to volumes in the host pool with formats, sizes and image sources', () => {
    const store = vmOf(runCase('disks'), 'store');
    expect(store.disks).toEqual([
      {
        name: 'root', target: 'vda', bus: 'virtio', pool: 'vmpool', volume: 'store-root.qcow2', format: 'qcow2',
        capacityBytes: 20 * 1024 ** 3, deleteOnRemove: false,
        source: { image: 'debian', volume: 'image-debian.qcow2', format: 'qcow2', mode: 'overlay' },
      },
      {
        name: 'copy', target: 'vdb', bus: 'virtio', pool: 'vmpool', volume: 'store-copy.raw', format: 'raw',
        capacityBytes: 0, deleteOnRemove: false,
        source: { image: 'rawimg', volume: 'image-rawimg.raw', format: 'raw', mode: 'copy' },
      },
      {
        name: 'data', target: 'sda', bus: 'sata', pool: 'vmpool', volume: 'store-data.qcow2', format: 'qcow2',
        capacityBytes: 512 * 1024 ** 2, deleteOnRemove: true, iotune: { totalIopsSec: 500 },
      },
      { name: 'logs', target: 'vdc', bus: 'virtio', pool: 'vmpool', volume: 'store-logs.qcow2', format: 'qcow2', capacityBytes: 1024 ** 3, deleteOnRemove: false },
      { name: 'more', target: 'sdb', bus: 'scsi', pool: 'vmpool', volume: 'store-more.qcow2', format: 'qcow2', capacityBytes: 1024 ** 3, deleteOnRemove: false },
    ]);
    expect(store).toMatchObject({ runStrategy: 'Halted', autostart: false, cpuTune: { shares: 2048, pinning: [{ vcpu: 0, cpuset: '0-1' }] } });
  });

  it('passes direct boot through and needs no disk', () => {
    const kernel = vmOf(runCase('disks'), 'kernel');
    expect(kernel.boot).toEqual({ kernel: '/srv/boot/vmlinuz', initrd: '/srv/boot/initrd.img', cmdline: 'console=ttyS0' });
    expect(kernel.disks).toEqual([]);
    expect(kernel.interfaces).toEqual([]);
  });
});
