import type { DesiredDisk, DesiredVm } from '../types/desired.js';
import { IOTUNE_FIELDS } from './iotune.js';
import { CPU_MODE_BY_TYPE, SEED_BUS, diskOrigin, seedTarget, volumePath, type DomainRenderContext } from './domain-model.js';
import { renderOwnerElement, shutdownTimeoutAttribute } from './owner-metadata.js';
import { buildXml, type XmlElement } from './xml.js';

/** Fixed lifecycle actions of every gitvirt domain. */
export const LIFECYCLE_ACTIONS = { on_poweroff: 'destroy', on_reboot: 'restart', on_crash: 'destroy' } as const;

/** Renders the complete libvirt domain XML for `vm`. */
export function renderDomainXml(vm: DesiredVm, ctx: DomainRenderContext): string {
  const cpuMode = CPU_MODE_BY_TYPE[ctx.domainType];
  return buildXml('domain', {
    '@_type': ctx.domainType,
    name: vm.name,
    metadata: domainOwnerMetadata(vm, ctx),
    memory: { '@_unit': 'KiB', '#text': Math.max(vm.maxMemoryMiB, vm.memoryMiB) * 1024 },
    currentMemory: { '@_unit': 'KiB', '#text': vm.memoryMiB * 1024 },
    vcpu: { '@_placement': 'static', '#text': vm.cpus },
    cputune: renderCputune(vm),
    os: renderOs(vm),
    features: { acpi: '', apic: '' },
    cpu: cpuMode === 'default' ? undefined : { '@_mode': cpuMode },
    clock: { '@_offset': 'utc' },
    ...LIFECYCLE_ACTIONS,
    devices: renderDevices(vm, ctx),
  });
}

function domainOwnerParts(vm: DesiredVm, ctx: DomainRenderContext): { owner: XmlAttributes; disks: XmlElement[] } {
  const disks = vm.disks.flatMap((disk) => {
    const origin = diskOrigin(disk);
    if (origin === null && !disk.deleteOnRemove) return [];
    return [{
      '@_target': disk.target,
      ...(origin === null ? {} : { '@_origin': origin }),
      ...(disk.deleteOnRemove ? { '@_volume': disk.volume, '@_deleteOnRemove': 'true' } : {}),
    }];
  });
  const owner: XmlAttributes = {
    '@_kind': vm.owner.kind, '@_name': vm.owner.name, '@_specHash': vm.specHash, '@_revision': ctx.revision,
    ...(vm.deletionProtection ? { '@_deletionProtection': 'true' } : {}),
    ...shutdownTimeoutAttribute(vm.shutdownTimeoutSeconds),
    ...(vm.cluster === undefined ? {} : { '@_cluster': vm.cluster.name }),
  };
  return { owner, disks };
}

/** Attributes of the owner element, fast-xml-parser style (`@_name`). */
type XmlAttributes = Record<`@_${string}`, string>;

function domainOwnerMetadata(vm: DesiredVm, ctx: DomainRenderContext): XmlElement {
  const { owner, disks } = domainOwnerParts(vm, ctx);
  return renderOwnerElement(owner, { disk: disks });
}

/**
 * The owner element without prefix or namespace, as `virsh metadata --uri <OWNER_NAMESPACE> --key gitvirt
 * --set <xml>` wants it (libvirt adds both; it replaces the whole element, disk origins included).
 */
export function renderDomainOwnerXml(vm: DesiredVm, ctx: DomainRenderContext): string {
  const { owner, disks } = domainOwnerParts(vm, ctx);
  return buildXml('owner', { ...owner, disk: disks.length === 0 ? undefined : disks }).trim();
}

function renderCputune(vm: DesiredVm): XmlElement | undefined {
  const pins = vm.cpuTune?.pinning ?? [];
  const shares = vm.cpuTune?.shares;
  if (shares === undefined && pins.length === 0) return undefined;
  return {
    shares: shares,
    vcpupin: pins.length === 0 ? undefined : pins.map((pin) => ({ '@_vcpu': pin.vcpu, '@_cpuset': pin.cpuset })),
  };
}

function renderOs(vm: DesiredVm): XmlElement {
  const boot = vm.boot;
  return {
    type: { '@_machine': vm.machine, '#text': 'hvm' },
    kernel: boot?.kernel,
    initrd: boot?.initrd,
    cmdline: boot?.cmdline || undefined,
    boot: boot === undefined ? { '@_dev': 'hd' } : undefined,
  };
}

function renderDevices(vm: DesiredVm, ctx: DomainRenderContext): XmlElement {
  const disks = vm.disks.map((disk) => renderDisk(disk, ctx));
  if (vm.seed !== undefined) {
    disks.push({
      '@_type': 'file',
      '@_device': 'cdrom',
      driver: { '@_name': 'qemu', '@_type': 'raw' },
      source: { '@_file': volumePath(ctx.poolPath, vm.seed.volume) },
      target: { '@_dev': seedTarget(vm), '@_bus': SEED_BUS },
      readonly: '',
    });
  }
  const serial: XmlElement = { '@_type': 'pty', target: { '@_port': 0 } };
  if (ctx.consoleLogPath !== undefined) serial['log'] = { '@_file': ctx.consoleLogPath, '@_append': 'on' };
  return {
    emulator: ctx.emulator,
    disk: disks.length === 0 ? undefined : disks,
    controller: vm.disks.some((disk) => disk.bus === 'scsi') ? { '@_type': 'scsi', '@_model': 'virtio-scsi' } : undefined,
    interface: vm.interfaces.length === 0 ? undefined : vm.interfaces.map((nic) => ({
      '@_type': 'network',
      mac: { '@_address': nic.mac.toLowerCase() },
      source: { '@_network': nic.network },
      model: { '@_type': nic.model },
    })),
    serial,
    console: { '@_type': 'pty', target: { '@_type': 'serial', '@_port': 0 } },
    rng: { '@_model': 'virtio', backend: { '@_model': 'random', '#text': '/dev/urandom' } },
  };
}

function renderDisk(disk: DesiredDisk, ctx: DomainRenderContext): XmlElement {
  const iotune: XmlElement = {};
  for (const [key, element] of IOTUNE_FIELDS) {
    const value = disk.iotune?.[key];
    if (value !== undefined && value > 0) iotune[element] = value;
  }
  return {
    '@_type': 'file',
    '@_device': 'disk',
    driver: { '@_name': 'qemu', '@_type': disk.format },
    source: { '@_file': volumePath(ctx.poolPath, disk.volume) },
    target: { '@_dev': disk.target, '@_bus': disk.bus },
    iotune: Object.keys(iotune).length === 0 ? undefined : iotune,
  };
}
