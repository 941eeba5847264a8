import { slotMatches, type HostSlot } from './host-slot.js';
import type { PlacementConstraint } from './types.js';

/** Orders slots by free memory, then name: the first one that fits is the best fit. */
function before(a: HostSlot, b: HostSlot): boolean {
  return a.freeMemoryMiB < b.freeMemoryMiB || (a.freeMemoryMiB === b.freeMemoryMiB && a.name < b.name);
}

/** Hosts matching one constraint, kept sorted by (free memory, name). */
export class CandidateSet {
  readonly slots: HostSlot[];

  constructor(slots: HostSlot[]) {
    this.slots = slots.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /** Index of the first slot with at least `memoryMiB` free. */
  lowerBound(memoryMiB: number): number {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.slots[mid] as HostSlot).freeMemoryMiB < memoryMiB) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position where `slot` sorts, by its current free memory and name. */
  private position(slot: HostSlot): number {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.slots[mid] as HostSlot, slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes a slot; call before its free memory changes. */
  remove(slot: HostSlot): void {
    const at = this.position(slot);
    if (this.slots[at] === slot) this.slots.splice(at, 1);
  }

  /** Inserts a slot at its sorted position. */
  insert(slot: HostSlot): void {
    this.slots.splice(this.position(slot), 0, slot);
  }
}

/** Canonical key of a constraint's zone and selector. */
function constraintKey(constraint: PlacementConstraint): string {
  const selector = Object.entries(constraint.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([constraint.zone ?? null, selector]);
}

/** Candidate sets per distinct constraint, built on first use and kept sorted as hosts fill up. */
export class CandidateIndex {
  private readonly sets = new Map<string, CandidateSet>();
  private readonly setsOf = new Map<HostSlot, CandidateSet[]>();

  constructor(private readonly slots: readonly HostSlot[]) {}

  /** Schedulable hosts (not cordoned, capacity known) matching the constraint. */
  candidates(constraint: PlacementConstraint): CandidateSet {
    const key = constraintKey(constraint);
    let set = this.sets.get(key);
    if (set === undefined) {
      set = new CandidateSet(this.slots.filter((s) => !s.cordoned && s.known && slotMatches(s, constraint)));
      this.sets.set(key, set);
      for (const slot of set.slots) {
        const list = this.setsOf.get(slot);
        if (list === undefined) this.setsOf.set(slot, [set]);
        else list.push(set);
      }
    }
    return set;
  }

  /** Takes room on a host and keeps every set holding it sorted. */
  consume(slot: HostSlot, cpus: number, memoryMiB: number): void {
    const sets = this.setsOf.get(slot) ?? [];
    for (const set of sets) set.remove(slot);
    slot.freeCpus -= cpus;
    slot.freeMemoryMiB -= memoryMiB;
    for (const set of sets) set.insert(slot);
  }
}
