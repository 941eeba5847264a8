/** CPUs and memory of a host, or what a host keeps for itself. */
export interface Capacity {
  cpus: number;
  memoryMiB: number;
}

/** How strictly members of one cluster avoid sharing a host. */
export type AntiAffinity = 'required' | 'preferred' | 'none';

/** A host as the scheduler sees it. */
export interface SchedulerHost {
  name: string;
  zone: string;
  labels: Record<string, string>;
  cordoned: boolean;
  /** From the manifest; when absent the observed capacity is used. */
  capacity?: Capacity;
  reserved: Capacity;
}

/** Where a VM may go: a host by name, or any host matching zone and selector. */
export interface PlacementConstraint {
  host?: string;
  zone?: string;
  selector?: Record<string, string>;
}

/** A VM as the scheduler sees it. */
export interface SchedulerVm {
  name: string;
  cpus: number;
  /** Memory the VM may use at most (memory is not overcommitted). */
  memoryMiB: number;
  placement: PlacementConstraint;
  /** The cluster the VM belongs to, for anti-affinity. */
  group?: { name: string; antiAffinity: AntiAffinity };
}

/** Why a VM was not placed. */
export type UnplacedCode =
  | 'InsufficientCapacity'
  | 'AntiAffinity'
  | 'CapacityUnknown'
  | 'HostCordoned'
  | 'HostNotFound'
  | 'NoMatchingHost'
  | 'PlacementConflict';

/** A VM the scheduler could not place, with a reason naming what ran out where. */
export interface UnplacedVm {
  vm: string;
  code: UnplacedCode;
  reason: string;
}

/** A host that holds more than it can, because pinned or already-running VMs stay where they are. */
export interface Overcommit {
  host: string;
  vm: string;
  /** How the VM that pushed the host over came there. */
  kind: PlacementKind;
  freeCpus: number;
  freeMemoryMiB: number;
}

/** How each VM came to its host. */
export type PlacementKind = 'pinned' | 'kept' | 'scheduled';

/** The scheduler's answer. */
export interface ScheduleResult {
  /** VM name → host name. */
  placements: Map<string, string>;
  /** VM name → how it was placed. */
  kinds: Map<string, PlacementKind>;
  unplaced: UnplacedVm[];
  overcommits: Overcommit[];
}

/** Scheduler input. */
export interface ScheduleInput {
  hosts: readonly SchedulerHost[];
  vms: readonly SchedulerVm[];
  /** Where VMs currently run (VM name → host name). */
  live?: Readonly<Record<string, string>>;
  /** Observed capacity per host, used when the manifest gives none. */
  capacities?: Readonly<Record<string, Capacity>>;
}
