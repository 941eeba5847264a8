import type { HostCapacities, LivePlacement } from '../compile/index.js';
import type { HostObservation } from '../types/plan.js';

/** Reachable hosts' live states, in host-name order. */
function reachable(observed: Readonly<Record<string, HostObservation>>) {
  return Object.keys(observed).sort().flatMap((host) => {
    const observation = observed[host];
    return observation?.ok === true ? [{ host, live: observation.live }] : [];
  });
}

/**
 * Where owned domains run now: domain name → host, from every reachable host (the first host in
 * name order wins when a name runs twice). Domains gitvirt does not own are not VMs of the repository.
 */
export function livePlacement(observed: Readonly<Record<string, HostObservation>>): LivePlacement {
  const placement: Record<string, string> = {};
  for (const { host, live } of reachable(observed)) {
    for (const domain of live.domains) {
      if (domain.owner !== null && placement[domain.name] === undefined) placement[domain.name] = host;
    }
  }
  return placement;
}

/** Observed capacity of every reachable host, from `virsh nodeinfo`. */
export function observedCapacities(observed: Readonly<Record<string, HostObservation>>): HostCapacities {
  const capacities: Record<string, { cpus: number; memoryMiB: number }> = {};
  for (const { host, live } of reachable(observed)) capacities[host] = { cpus: live.node.cpus, memoryMiB: live.node.memoryMiB };
  return capacities;
}
