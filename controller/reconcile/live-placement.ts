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
 * Where owned domains are now: domain name → host, from every reachable host. When a name is on
 * two hosts (a cold migration was interrupted), the host where it is not shut off wins, then the
 * first in name order. Domains gitvirt does not own are not VMs of the repository.
 */
export function livePlacement(observed: Readonly<Record<string, HostObservation>>): LivePlacement {
  const placement: Record<string, string> = {};
  const shutOff = new Set<string>();
  for (const { host, live } of reachable(observed)) {
    for (const domain of live.domains) {
      if (domain.owner === null) continue;
      if (placement[domain.name] !== undefined && !(shutOff.has(domain.name) && domain.state !== 'shutoff')) continue;
      placement[domain.name] = host;
      if (domain.state === 'shutoff') shutOff.add(domain.name);
      else shutOff.delete(domain.name);
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
