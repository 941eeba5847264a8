import { CPU_OVERCOMMIT_RATIO, MEMORY_OVERCOMMIT_RATIO } from './constants.js';
import type { Capacity, PlacementConstraint, SchedulerHost } from './types.js';

/** A host's remaining room while the scheduler runs. */
export interface HostSlot {
  name: string;
  zone: string;
  labels: Record<string, string>;
  /** No new VM may come here: cordoned, or draining. */
  cordoned: boolean;
  /** The host is being emptied. */
  draining: boolean;
  /** False when neither the manifest nor observation gives the capacity. */
  known: boolean;
  freeCpus: number;
  freeMemoryMiB: number;
  /** Cluster name → members placed here, in placement order. */
  members: Map<string, string[]>;
}

/** Creates the slot of a host: capacity (manifest, else observed) minus reserved; a draining host is cordoned too. */
export function createHostSlot(host: SchedulerHost, observed: Capacity | undefined): HostSlot {
  const capacity = host.capacity ?? observed;
  return {
    name: host.name,
    zone: host.zone,
    labels: host.labels,
    cordoned: host.cordoned || host.drain === true,
    draining: host.drain === true,
    known: capacity !== undefined,
    freeCpus: capacity === undefined ? 0 : (capacity.cpus - host.reserved.cpus) * CPU_OVERCOMMIT_RATIO,
    freeMemoryMiB: capacity === undefined ? 0 : (capacity.memoryMiB - host.reserved.memoryMiB) * MEMORY_OVERCOMMIT_RATIO,
    members: new Map(),
  };
}

/** True when the host is in the constraint's zone and carries every selector label. */
export function slotMatches(slot: HostSlot, constraint: PlacementConstraint): boolean {
  if (constraint.zone !== undefined && slot.zone !== constraint.zone) return false;
  for (const [key, value] of Object.entries(constraint.selector ?? {})) {
    if (slot.labels[key] !== value) return false;
  }
  return true;
}

/** Members of `group` already on the host. */
export function membersOn(slot: HostSlot, group: string | undefined): readonly string[] {
  return group === undefined ? [] : (slot.members.get(group) ?? []);
}
