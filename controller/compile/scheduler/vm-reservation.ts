import type { Capacity } from './types.js';

/** The VM fields that decide what it reserves on its host. */
export interface ReservationSpec {
  cpus: number;
  memoryMiB: number;
  maxMemoryMiB?: number | undefined;
}

/**
 * What a VM reserves on its host, the one rule of the scheduler and the manifest capacity check:
 * its vCPUs and its maximum memory (libvirt backs a guest with up to `<memory>`, the larger of
 * maxMemoryMiB and memoryMiB), whatever its runStrategy — a Halted VM can be started by hand and
 * must be able to start again where its disks are, so placements stay put.
 */
export function vmReservation(spec: ReservationSpec): Capacity {
  return { cpus: spec.cpus, memoryMiB: Math.max(spec.memoryMiB, spec.maxMemoryMiB ?? spec.memoryMiB) };
}
