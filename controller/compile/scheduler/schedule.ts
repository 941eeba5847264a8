import { CandidateIndex, type CandidateSet } from './candidate-index.js';
import { explainUnplaced, describeConstraint } from './explain-unplaced.js';
import { createHostSlot, membersOn, slotMatches, type HostSlot } from './host-slot.js';
import type { DrainReport, ScheduleInput, ScheduleResult, SchedulerVm } from './types.js';

/** Compares names in code-point order, independent of locale. */
function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Mutable state of one scheduling run. */
interface Run {
  slots: Map<string, HostSlot>;
  ordered: HostSlot[];
  index: CandidateIndex;
  result: ScheduleResult;
}

/** Records the VM on the host, takes its room and notes an overcommit. */
function place(run: Run, vm: SchedulerVm, slot: HostSlot, kind: 'pinned' | 'kept' | 'scheduled'): void {
  run.index.consume(slot, vm.cpus, vm.memoryMiB);
  if (vm.group !== undefined) {
    const list = slot.members.get(vm.group.name);
    if (list === undefined) slot.members.set(vm.group.name, [vm.name]);
    else list.push(vm.name);
  }
  run.result.placements.set(vm.name, slot.name);
  run.result.kinds.set(vm.name, kind);
  if (slot.known && (slot.freeCpus < 0 || slot.freeMemoryMiB < 0)) {
    run.result.overcommits.push({ host: slot.name, vm: vm.name, kind, freeCpus: slot.freeCpus, freeMemoryMiB: slot.freeMemoryMiB });
  }
}

/** A VM pinned to a host goes there, unless the host is missing, conflicts, or is cordoned and the VM is not already on it. */
function placePinned(run: Run, vm: SchedulerVm, host: string, live: string | undefined): void {
  const slot = run.slots.get(host);
  const unplaced = run.result.unplaced;
  if (slot === undefined) {
    unplaced.push({ vm: vm.name, code: 'HostNotFound', reason: `pinned to host ${host}, which does not exist` });
  } else if (!slotMatches(slot, vm.placement)) {
    const wanted = describeConstraint({ zone: vm.placement.zone, selector: vm.placement.selector });
    unplaced.push({ vm: vm.name, code: 'PlacementConflict', reason: `pinned to host ${host}, which does not match ${wanted}` });
  } else if (slot.cordoned && live !== host) {
    unplaced.push({ vm: vm.name, code: 'HostCordoned', reason: `pinned to host ${host}, which is ${slot.draining ? 'draining' : 'cordoned'}` });
  } else {
    place(run, vm, slot, 'pinned');
    if (slot.draining) {
      run.result.drains.push({ vm: vm.name, host, state: 'pinned', reason: `pinned to draining host ${host} by placement.host, so it stays` });
    }
  }
}

/** Keeps a VM on the host it runs on when that host still satisfies its constraints; true when kept. */
function keepLive(run: Run, vm: SchedulerVm, host: string | undefined): boolean {
  const slot = host === undefined ? undefined : run.slots.get(host);
  if (slot === undefined || !slotMatches(slot, vm.placement)) return false;
  if (vm.group?.antiAffinity === 'required' && membersOn(slot, vm.group.name).length > 0) return false;
  place(run, vm, slot, 'kept');
  return true;
}

/** Best host in the set: the first (least free memory, then name) with room, honouring anti-affinity. */
function bestFit(set: CandidateSet, vm: SchedulerVm): HostSlot | undefined {
  const group = vm.group?.antiAffinity === 'none' ? undefined : vm.group;
  let best: HostSlot | undefined;
  let bestShared = Infinity;
  for (let i = set.lowerBound(vm.memoryMiB); i < set.slots.length; i += 1) {
    const slot = set.slots[i] as HostSlot;
    if (slot.freeCpus < vm.cpus) continue;
    const shared = membersOn(slot, group?.name).length;
    if (shared === 0) return slot;
    if (group?.antiAffinity === 'required') continue;
    if (shared < bestShared) {
      best = slot;
      bestShared = shared;
    }
  }
  return best;
}

/**
 * Moves at most one VM off each draining host: the first by name that fits elsewhere goes to its best
 * fit; the others stay this cycle, waiting their turn or, when nothing has room, with the reason.
 */
function drainHosts(run: Run, leaving: ReadonlyMap<string, SchedulerVm[]>): void {
  for (const host of [...leaving.keys()].sort()) {
    const from = run.slots.get(host) as HostSlot;
    let moved: string | undefined;
    const reports: DrainReport[] = [];
    for (const vm of leaving.get(host) ?? []) {
      const slot = moved === undefined ? bestFit(run.index.candidates(vm.placement), vm) : undefined;
      if (slot !== undefined) {
        place(run, vm, slot, 'scheduled');
        moved = vm.name;
        reports.push({ vm: vm.name, host, state: 'moving', to: slot.name, reason: `leaves draining host ${host} for ${slot.name}` });
        continue;
      }
      if (moved === undefined || bestFit(run.index.candidates(vm.placement), vm) === undefined) {
        const why = explainUnplaced(vm, run.ordered);
        reports.push({ vm: vm.name, host, state: 'no-room', code: why.code, reason: `cannot leave draining host ${host}: ${why.reason}` });
      } else {
        reports.push({ vm: vm.name, host, state: 'waiting', reason: `waits to leave draining host ${host}: one VM moves per host per cycle and ${moved} moves now` });
      }
      place(run, vm, from, 'kept');
    }
    run.result.drains.push(...reports);
  }
}

/**
 * Places VMs on hosts. Pinned VMs go to their host; VMs already running on a host that still satisfies
 * their constraints stay; the rest, by name, go to the best-fitting host (least free memory that fits,
 * then name) with enough vCPUs, skipping cordoned hosts, hosts of unknown capacity and, per anti-affinity,
 * hosts holding members of the same cluster. VMs running on a draining host leave it one per host per
 * cycle (see drainHosts), before new VMs are placed. Deterministic for a given input.
 */
export function schedule(input: ScheduleInput): ScheduleResult {
  const ordered = input.hosts.map((h) => createHostSlot(h, input.capacities?.[h.name])).sort(byName);
  const run: Run = {
    slots: new Map(ordered.map((s) => [s.name, s])),
    ordered,
    index: new CandidateIndex(ordered),
    result: { placements: new Map(), kinds: new Map(), unplaced: [], overcommits: [], drains: [] },
  };
  const live = input.live ?? {};
  const vms = [...input.vms].sort(byName);
  const floating: SchedulerVm[] = [];
  for (const vm of vms) {
    if (vm.placement.host !== undefined) placePinned(run, vm, vm.placement.host, live[vm.name]);
    else floating.push(vm);
  }
  const leaving = new Map<string, SchedulerVm[]>();
  const fresh = floating.filter((vm) => {
    const host = live[vm.name];
    if (host === undefined || run.slots.get(host)?.draining !== true) return !keepLive(run, vm, host);
    leaving.set(host, [...(leaving.get(host) ?? []), vm]);
    return false;
  });
  drainHosts(run, leaving);
  run.result.drains.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.vm < b.vm ? -1 : a.vm > b.vm ? 1 : 0));
  for (const vm of fresh) {
    const slot = bestFit(run.index.candidates(vm.placement), vm);
    if (slot === undefined) run.result.unplaced.push(explainUnplaced(vm, run.ordered));
    else place(run, vm, slot, 'scheduled');
  }
  return run.result;
}
