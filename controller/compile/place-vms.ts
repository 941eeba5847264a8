import type { DrainingVm, HostTarget, Unplaced } from '../types/desired.js';
import type { CompileDiagnostics } from './compile-diagnostics.js';
import { reportDrains } from './report-drains.js';
import { schedule, vcpus, vmReservation, type Overcommit, type SchedulerVm } from './scheduler/index.js';
import type { HostCapacities, LivePlacement } from './types.js';
import type { VmUnit } from './vm-unit.js';

/** The scheduler's view of a VM: what it reserves (vmReservation, Halted VMs included), placement, anti-affinity. */
function schedulerVm(unit: VmUnit): SchedulerVm {
  const { placement } = unit.spec;
  const vm: SchedulerVm = {
    name: unit.name,
    ...vmReservation(unit.spec),
    placement: { host: placement.host, zone: placement.zone, selector: placement.selector },
  };
  if (unit.cluster !== undefined && unit.antiAffinity !== undefined) vm.group = { name: unit.cluster.name, antiAffinity: unit.antiAffinity };
  return vm;
}

/**
 * Reports each overcommitted host once, naming the VMs that pushed it over. Pinned VMs past a capacity
 * given in the manifest are left to the manifest checks (`host-overcommitted`); only compile sees
 * observed capacity and VMs kept where they run.
 */
function reportOvercommits(overcommits: readonly Overcommit[], hosts: readonly HostTarget[], diagnostics: CompileDiagnostics): void {
  const declared = new Set(hosts.filter((h) => h.capacity !== undefined).map((h) => h.name));
  const byHost = new Map<string, Overcommit[]>();
  for (const o of overcommits) {
    if (o.kind === 'pinned' && declared.has(o.host)) continue;
    const list = byHost.get(o.host);
    if (list === undefined) byHost.set(o.host, [o]);
    else list.push(o);
  }
  for (const [host, list] of byHost) {
    const last = list[list.length - 1] as Overcommit;
    const short = [
      last.freeCpus < 0 ? vcpus(-last.freeCpus) : '',
      last.freeMemoryMiB < 0 ? `${-last.freeMemoryMiB} MiB memory` : '',
    ].filter((s) => s !== '');
    diagnostics.add({
      severity: 'warning',
      code: 'host-overcommitted',
      message: `host ${host} is short of ${short.join(' and ')} for VMs pinned to or running on it (${list.map((o) => o.vm).join(', ')})`,
      hint: 'move VMs, raise capacity or lower reserved',
      resource: { kind: 'Host', name: host },
      path: '/spec',
    });
  }
}

/** Places the VMs on hosts; unplaced VMs are returned and reported as warnings at their placement, as are VMs stuck on draining hosts. */
export function placeVms(args: {
  units: readonly VmUnit[];
  hosts: readonly HostTarget[];
  live: LivePlacement | undefined;
  capacities: HostCapacities | undefined;
  diagnostics: CompileDiagnostics;
}): { placements: Map<string, string>; unplaced: Unplaced[]; drains: DrainingVm[] } {
  const result = schedule({
    hosts: args.hosts,
    vms: args.units.map(schedulerVm),
    ...(args.live === undefined ? {} : { live: args.live }),
    ...(args.capacities === undefined ? {} : { capacities: args.capacities }),
  });
  const byName = new Map(args.units.map((u) => [u.name, u]));
  const unplaced = result.unplaced.map((u): Unplaced => {
    const unit = byName.get(u.vm) as VmUnit;
    args.diagnostics.add({
      severity: 'warning',
      code: 'unschedulable',
      message: `${u.vm} cannot be placed (${u.code}): ${u.reason}`,
      resource: { kind: unit.origin.kind, name: unit.origin.name },
      path: unit.origin.placementPath,
    });
    return { vm: u.vm, owner: { ...unit.owner }, reason: u.reason, code: u.code };
  });
  reportOvercommits(result.overcommits, args.hosts, args.diagnostics);
  return { placements: result.placements, unplaced, drains: reportDrains(result.drains, byName, args.diagnostics) };
}
