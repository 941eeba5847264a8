/**
 * Desired state: what compile produces from the manifests, per host — the shapes that libvirt render,
 * diff, plan and apply consume.
 */
import type { Diagnostic } from './diagnostic.js';

/** Kind of the gitvirt object that owns a libvirt object. */
export type OwnerKind = 'VirtualMachine' | 'Network' | 'Image' | 'Pool';

/** Which gitvirt object owns a libvirt object (recorded in its owner metadata). */
export interface OwnerRef {
  kind: OwnerKind;
  name: string;
  cluster?: string;
}

/** A fully defaulted Host: how to reach it and what it offers. */
export interface HostTarget {
  name: string;
  address: string;
  port: number;
  user: string;
  hostKey: string;
  uri: string;
  zone: string;
  labels: Record<string, string>;
  /** From the manifest, if given. */
  capacity?: { cpus: number; memoryMiB: number };
  reserved: { cpus: number; memoryMiB: number };
  storagePool: { name: string; path: string };
  cordoned: boolean;
  /** The host is being emptied by cold migration (implies cordoned); absent means false. */
  drain?: boolean;
}

/** The gitvirt storage pool on a host. */
export interface DesiredPool {
  name: string;
  path: string;
}

/** A base image volume on a host. */
export interface DesiredImage {
  name: string;
  owner: OwnerRef;
  /** `image-${name}.${format}` in the gitvirt pool. */
  volume: string;
  pool: string;
  format: 'qcow2' | 'raw';
  source: { url: string; sha256: string } | { path: string };
  specHash: string;
}

/** A libvirt network on a host. */
export interface DesiredNetwork {
  name: string;
  owner: OwnerRef;
  mode: 'nat' | 'isolated' | 'bridge' | 'route';
  /** Bridge device name (given or derived). */
  bridge: string;
  cidr?: string;
  /** Host-side gateway address. */
  address?: string;
  /** Prefix length of `cidr`. */
  prefix?: number;
  dhcp?: { start: string; end: string; hosts: { mac: string; ip: string; name?: string }[] };
  mtu?: number;
  domain?: string;
  autostart: boolean;
  specHash: string;
}

/** One VM disk, backed by a volume in the gitvirt pool. */
export interface DesiredDisk {
  name: string;
  /** vda, vdb, ... (sda.. for sata/scsi). */
  target: string;
  bus: 'virtio' | 'sata' | 'scsi';
  pool: string;
  /** `${vm}-${disk}.${format}`. */
  volume: string;
  format: 'qcow2' | 'raw';
  /** 0 = size of the image. */
  capacityBytes: number;
  source?: { image: string; volume: string; format: 'qcow2' | 'raw'; mode: 'overlay' | 'copy' };
  iotune?: {
    totalBytesSec?: number;
    readBytesSec?: number;
    writeBytesSec?: number;
    totalIopsSec?: number;
    readIopsSec?: number;
    writeIopsSec?: number;
  };
  deleteOnRemove: boolean;
}

/** Cloud-init NoCloud seed: volume = `${vm}-seed-${hash.slice(0,12)}.iso`; files: meta-data, user-data, network-config?. */
export interface DesiredSeed {
  pool: string;
  volume: string;
  hash: string;
  files: Record<string, string>;
}

/** One VM network interface with its resolved MAC. */
export interface DesiredInterface {
  network: string;
  bridge?: string;
  mac: string;
  ip?: string;
  model: 'virtio' | 'e1000';
}

/** A fully defaulted VM placed on a host. */
export interface DesiredVm {
  name: string;
  owner: OwnerRef;
  cluster?: { name: string; zone: string; role: 'active' | 'standby'; ordinal: number };
  domainType: 'auto' | 'kvm' | 'qemu';
  machine: string;
  cpus: number;
  memoryMiB: number;
  maxMemoryMiB: number;
  cpuTune?: { shares?: number; pinning?: { vcpu: number; cpuset: string }[] };
  disks: DesiredDisk[];
  seed?: DesiredSeed;
  interfaces: DesiredInterface[];
  boot?: { kernel: string; initrd?: string; cmdline?: string };
  runStrategy: 'Always' | 'Halted' | 'Manual';
  autostart: boolean;
  restartPolicy: 'Automatic' | 'Manual';
  shutdownTimeoutSeconds: number;
  selfHeal: boolean;
  deletionProtection: boolean;
  health?: {
    http?: { port: number; path: string; expectStatus: number };
    tcp?: { port: number };
    periodSeconds: number;
    timeoutSeconds: number;
    initialDelaySeconds: number;
  };
  labels: Record<string, string>;
  /** How disks follow the VM to another host; absent when the spec does not say (copy). */
  migration?: { disks: 'copy' | 'recreate' };
  /** Hex sha256 of canonical JSON of everything above except specHash. */
  specHash: string;
}

/** A VM that could not be placed on any host, and why. */
export interface Unplaced {
  vm: string;
  owner: OwnerRef;
  reason: string;
  code: string;
}

/** A VM on a draining host and what happens to it this cycle (see the scheduler's DrainState). */
export interface DrainingVm {
  vm: string;
  owner: OwnerRef;
  /** The draining host it runs on. */
  host: string;
  state: 'moving' | 'waiting' | 'no-room' | 'pinned';
  /** Where a moving VM goes. */
  to?: string;
  /** Why no host took it, for `no-room`. */
  code?: string;
  reason: string;
}

/** Everything gitvirt wants on one host. */
export interface DesiredHostState {
  host: HostTarget;
  pool: DesiredPool;
  networks: DesiredNetwork[];
  images: DesiredImage[];
  vms: DesiredVm[];
}

/** Everything gitvirt wants across the fleet at one revision. */
export interface DesiredState {
  revision: string;
  hosts: Record<string, DesiredHostState>;
  unplaced: Unplaced[];
  /** VMs on draining hosts (absent when no host drains). */
  drains?: DrainingVm[];
  diagnostics: Diagnostic[];
}
