import type { DesiredDisk, DesiredVm } from '../types/desired.js';
import type { OwnerMeta } from '../types/live.js';
import { normaliseCpuset } from './cpuset.js';
import { normaliseIoTune, type IoTune } from './iotune.js';
import { machineFamily } from './machine.js';
import { driveLetters } from '../compile/disk-target.js';
import { DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS } from './owner-metadata.js';

/** A writable disk of a domain, keyed by target device. */
export interface DiskModel {
  target: string;
  bus: string;
  /** File (or block device) path; `pool/volume` for volume disks; null when empty. */
  source: string | null;
  format: string | null;
  readonly: boolean;
  iotune: IoTune;
  /** Where the volume came from, `<mode>:<image>` (from gitvirt's metadata); null for blank disks. */
  origin: string | null;
}

/** A cdrom of a domain (the cloud-init seed), keyed by target device. */
export interface CdromModel {
  target: string;
  bus: string;
  source: string | null;
}

/** A network interface of a domain, keyed by MAC. */
export interface InterfaceModel {
  mac: string;
  /** Libvirt network name; `<type>:<name>` for other interface types. */
  network: string | null;
  model: string;
  linkState: 'up' | 'down';
}

/** The part of a libvirt domain gitvirt manages, normalised so desired and live compare equal. */
export interface DomainModel {
  name: string;
  type: string;
  /** Machine family (`q35`, `pc`), not the versioned type. */
  machine: string;
  memoryMiB: number;
  maxMemoryMiB: number;
  vcpus: number;
  maxVcpus: number;
  /** `host-passthrough`, `host-model`, or `default` (libvirt's own model). */
  cpuMode: string;
  cpuShares: number | null;
  vcpuPins: { vcpu: number; cpuset: string }[];
  kernel: string | null;
  initrd: string | null;
  cmdline: string | null;
  disks: DiskModel[];
  cdroms: CdromModel[];
  interfaces: InterfaceModel[];
  owner: OwnerMeta | null;
}

/** What a domain's rendering and model depend on besides the VM: resolved domain type, pool path, revision. */
export interface DomainRenderContext {
  domainType: 'kvm' | 'qemu';
  poolPath: string;
  revision: string;
  emulator?: string;
  /** When set, the serial console is also logged to this file. */
  consoleLogPath?: string;
}

/** CPU mode gitvirt asks for, per resolved domain type (qemu/TCG keeps libvirt's default CPU). */
export const CPU_MODE_BY_TYPE: Readonly<Record<'kvm' | 'qemu', string>> = { kvm: 'host-passthrough', qemu: 'default' };

/** Resolves `auto` to `kvm` when the host offers KVM, else `qemu`. */
export function resolveDomainType(domainType: DesiredVm['domainType'], kvmAvailable: boolean): 'kvm' | 'qemu' {
  if (domainType === 'auto') return kvmAvailable ? 'kvm' : 'qemu';
  return domainType;
}

/** Joins a pool directory and a volume name into a normalised absolute path. */
export function volumePath(poolPath: string, volume: string): string {
  return normalisePath(`${poolPath}/${volume}`);
}

/** Collapses repeated slashes and drops a trailing slash. */
export function normalisePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}


/** Target of the seed cdrom: the first `sdX` no disk uses. */
export function seedTarget(vm: Pick<DesiredVm, 'disks'>): string {
  const used = new Set(vm.disks.map((disk) => disk.target));
  for (let index = 0; ; index++) {
    const target = `sd${driveLetters(index)}`;
    if (!used.has(target)) return target;
  }
}

/** Bus of the seed cdrom. */
export const SEED_BUS = 'sata';

/** Sorts a model's keyed lists so that two models of the same domain are deeply equal. */
export function sortDomainModel(model: DomainModel): DomainModel {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  model.disks.sort((a, b) => byText(a.target, b.target));
  model.cdroms.sort((a, b) => byText(a.target, b.target));
  model.interfaces.sort((a, b) => byText(a.mac, b.mac));
  model.vcpuPins.sort((a, b) => a.vcpu - b.vcpu);
  return model;
}

/** `<mode>:<image>` of a disk made from an image, else null. */
export function diskOrigin(disk: DesiredDisk): string | null {
  return disk.source === undefined ? null : `${disk.source.mode}:${disk.source.image}`;
}

/** The model of the domain gitvirt would define for `vm`: what parsing its live XML should give back. */
export function domainModelFromDesired(vm: DesiredVm, ctx: DomainRenderContext): DomainModel {
  return sortDomainModel({
    name: vm.name,
    type: ctx.domainType,
    machine: machineFamily(vm.machine),
    memoryMiB: vm.memoryMiB,
    maxMemoryMiB: Math.max(vm.maxMemoryMiB, vm.memoryMiB),
    vcpus: vm.cpus,
    maxVcpus: vm.cpus,
    cpuMode: CPU_MODE_BY_TYPE[ctx.domainType],
    cpuShares: vm.cpuTune?.shares ?? null,
    vcpuPins: (vm.cpuTune?.pinning ?? []).map((pin) => ({ vcpu: pin.vcpu, cpuset: normaliseCpuset(pin.cpuset) })),
    kernel: vm.boot?.kernel ?? null,
    initrd: vm.boot?.kernel === undefined ? null : (vm.boot.initrd ?? null),
    cmdline: vm.boot?.kernel === undefined ? null : vm.boot.cmdline || null,
    disks: vm.disks.map((disk) => ({
      target: disk.target,
      bus: disk.bus,
      source: volumePath(ctx.poolPath, disk.volume),
      format: disk.format,
      readonly: false,
      iotune: normaliseIoTune(disk.iotune),
      origin: diskOrigin(disk),
    })),
    cdroms: vm.seed === undefined ? [] : [{ target: seedTarget(vm), bus: SEED_BUS, source: volumePath(ctx.poolPath, vm.seed.volume) }],
    interfaces: vm.interfaces.map((nic) => ({ mac: nic.mac.toLowerCase(), network: nic.network, model: nic.model, linkState: 'up' as const })),
    owner: desiredOwnerMeta(vm, ctx.revision),
  });
}

/** The owner metadata gitvirt records on the domain of `vm`: identity, and what must survive the manifest's removal. */
export function desiredOwnerMeta(vm: DesiredVm, revision: string): OwnerMeta {
  const owner: OwnerMeta = { kind: vm.owner.kind, name: vm.owner.name, specHash: vm.specHash, revision };
  if (vm.deletionProtection) owner.deletionProtection = true;
  const deleteVolumes = vm.disks.filter((disk) => disk.deleteOnRemove).map((disk) => disk.volume);
  if (deleteVolumes.length > 0) owner.deleteVolumes = deleteVolumes;
  if (vm.shutdownTimeoutSeconds !== DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS) owner.shutdownTimeoutSeconds = vm.shutdownTimeoutSeconds;
  return owner;
}
