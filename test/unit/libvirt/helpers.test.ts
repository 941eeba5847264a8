import { describe, expect, it } from 'vitest';
import { machineFamily, normaliseCpuset, resolveDomainType, seedTarget } from '../../../controller/libvirt/index.js';
import { scaledToBytes } from '../../../controller/libvirt/units.js';

describe('small normalisers', () => {
  it.each([
    ['q35', 'q35'], ['pc-q35-7.2', 'q35'], ['pc-q35-4.0.1', 'q35'], ['pc', 'pc'], ['pc-i440fx-7.2', 'pc'], ['virt', 'virt'], [undefined, ''],
  ])('machineFamily(%s) = %s', (machine, family) => {
    expect(machineFamily(machine)).toBe(family);
  });

  it.each([
    ['0,1,2,5', '0-2,5'], ['3-4,1', '1,3-4'], ['0-1', '0-1'], ['7', '7'], ['1,1', '1'], ['^2', '^2'], ['5-3', '5-3'],
  ])('normaliseCpuset(%s) = %s', (input, output) => {
    expect(normaliseCpuset(input)).toBe(output);
  });

  it('scales libvirt units', () => {
    expect(scaledToBytes('2', 'GiB', 'KiB')).toBe(2 * 1024 ** 3);
    expect(scaledToBytes('2', undefined, 'KiB')).toBe(2048);
    expect(scaledToBytes('2', 'MB', 'KiB')).toBe(2_000_000);
    expect(scaledToBytes('x', 'KiB', 'KiB')).toBeUndefined();
    expect(scaledToBytes('2', 'parsecs', 'KiB')).toBeUndefined();
  });

  it('resolves auto domain type from KVM availability', () => {
    expect(resolveDomainType('auto', true)).toBe('kvm');
    expect(resolveDomainType('auto', false)).toBe('qemu');
    expect(resolveDomainType('kvm', false)).toBe('kvm');
  });

  it('picks the seed target after sata/scsi disks', () => {
    expect(seedTarget({ disks: [] })).toBe('sda');
    expect(seedTarget({ disks: [{ target: 'sda' }, { target: 'vda' }, { target: 'sdb' }] as never })).toBe('sdc');
  });
});
