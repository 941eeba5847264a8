/** Live host state as observed from libvirt on one host. */

/** Libvirt domain run state, normalised from `virsh domstate`. */
export type DomainState = 'running' | 'paused' | 'shutoff' | 'shutdown' | 'crashed' | 'pmsuspended' | 'blocked' | 'unknown';

/** Ownership metadata found on a libvirt object (`<gitvirt:owner .../>`). */
export interface OwnerMeta {
  kind: string; name: string; specHash: string; revision: string;
  /** Recorded from the VM so a domain removed from the repository stays protected. */
  deletionProtection?: boolean;
  /** Volumes (in the gitvirt pool) to delete with the domain: its disks with `deleteOnRemove`. */
  deleteVolumes?: string[];
  /** The VM's graceful shutdown time, used when the domain is pruned; absent means the default (60 s). */
  shutdownTimeoutSeconds?: number;
}

/** One libvirt domain as observed. */
export interface LiveDomain { name: string; uuid: string; state: DomainState; autostart: boolean; owner: OwnerMeta | null; xml?: string }

/** One libvirt network as observed. */
export interface LiveNetwork { name: string; active: boolean; autostart: boolean; owner: OwnerMeta | null; xml?: string }

/** One libvirt storage pool as observed. */
export interface LivePool { name: string; active: boolean; autostart: boolean; path?: string }

/** One storage volume as observed. */
export interface LiveVolume { pool: string; name: string; path: string; capacityBytes: number; format?: string }

/** Everything observed on one host in one pass. */
export interface LiveHostState {
  host: string; observedAt: string;
  node: { cpus: number; memoryMiB: number; cpuModel?: string };
  kvm: boolean;                                           // domcapabilities offer kvm
  domains: LiveDomain[]; networks: LiveNetwork[]; pools: LivePool[]; volumes: LiveVolume[];
}
