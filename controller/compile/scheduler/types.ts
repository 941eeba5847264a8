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
  /** The host is being emptied: its scheduler-placed VMs move elsewhere, one per cycle (implies cordoned). */
  drain?: boolean;
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

/** Where a VM on a draining host stands this cycle. Closed set. */
export type DrainState =
  /** Leaves the host now, for `to`. */
  | 'moving'
  /** Stays this cycle: another VM of the host moves first (one per host per cycle). */
  | 'waiting'
  /** Stays: no other host has room or qualifies (`code` and `reason` say why). */
  | 'no-room'
  /** Stays: pinned to the host by `placement.host`. */
  | 'pinned';

/** A VM on a draining host and what happens to it this cycle. */
export interface DrainReport {
  vm: string;
  /** The draining host. */
  host: string;
  state: DrainState;
  /** Where a moving VM goes. */
  to?: string;
  /** Why no host took it (state `no-room`). */
  code?: UnplacedCode;
  reason: string;
}

/** The scheduler's answer. */
export interface ScheduleResult {
  /** VM name → host name. */
  placements: Map<string, string>;
  /** VM name → how it was placed. */
  kinds: Map<string, PlacementKind>;
  unplaced: UnplacedVm[];
  overcommits: Overcommit[];
  /** VMs on draining hosts, in host then VM name order. */
  drains: DrainReport[];
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
