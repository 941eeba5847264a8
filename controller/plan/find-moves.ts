import type { DesiredState, DesiredVm, DrainingVm } from '../types/desired.js';
import type { LiveDomain, LiveHostState } from '../types/live.js';
import type { HostObservation } from '../types/plan.js';

/** A VM placed on one host whose domain gitvirt owns on another: it moves by cold migration. */
export interface Move {
  vm: DesiredVm;
  from: string;
  to: string;
  /** What the source host holds now. */
  source: LiveHostState;
  /** Both hosts are planned and reachable, so the move can run now. */
  ready: boolean;
}

/** Per host: the VMs arriving, the VMs leaving (their actions there give way to the migration), and drain waits. */
export interface HostMoves {
  incoming: Move[];
  outgoing: Move[];
  /** VMs whose move is held back (the other host is not planned or not observed): nothing of them runs here. */
  held: { vm: string; owner: DesiredVm['owner']; why: string }[];
  drains: DrainingVm[];
}

/** Moves of no host. */
export const NO_MOVES: HostMoves = { incoming: [], outgoing: [], held: [], drains: [] };

/** An owned VM domain seen on one observed host. */
interface Sighting { host: string; live: LiveHostState; domain: LiveDomain }

/** Every domain owned by the VirtualMachine of its own name, by name, hosts in name order (one pass over all hosts). */
function ownedDomainsByName(observed: Readonly<Record<string, HostObservation>>): Map<string, Sighting[]> {
  const byName = new Map<string, Sighting[]>();
  for (const host of Object.keys(observed).sort()) {
    const observation = observed[host];
    if (observation?.ok !== true) continue;
    for (const domain of observation.live.domains) {
      if (domain.owner?.kind !== 'VirtualMachine' || domain.owner.name !== domain.name) continue;
      const sightings = byName.get(domain.name);
      const sighting = { host, live: observation.live, domain };
      if (sightings === undefined) byName.set(domain.name, [sighting]);
      else sightings.push(sighting);
    }
  }
  return byName;
}

/** The host the VM leaves: the one where its domain is on, else the first by name. */
function sourceOf(candidates: readonly Sighting[]): Sighting | undefined {
  return candidates.find((c) => c.domain.state !== 'shutoff') ?? candidates[0];
}

/**
 * Finds every move: a VM placed on a planned host whose owned domain also (or only) exists on another
 * observed host. Also collects, per host, drains that wait, and drain moves held back because the
 * other host is not planned or (the source) cannot be observed, so a VM is never created twice. Pure.
 */
export function findMoves(desired: DesiredState, observed: Readonly<Record<string, HostObservation>>): Map<string, HostMoves> {
  const planned = (host: string) => desired.hosts[host] !== undefined && observed[host]?.ok === true;
  const byHost = new Map<string, HostMoves>();
  const of = (host: string): HostMoves => {
    let moves = byHost.get(host);
    if (moves === undefined) byHost.set(host, (moves = { incoming: [], outgoing: [], held: [], drains: [] }));
    return moves;
  };
  const owned = ownedDomainsByName(observed);
  for (const to of Object.keys(desired.hosts).sort()) {
    if (!planned(to)) continue;
    for (const vm of desired.hosts[to]!.vms) {
      const source = sourceOf((owned.get(vm.name) ?? []).filter((c) => c.host !== to));
      if (source === undefined) continue;
      const move: Move = { vm, from: source.host, to, source: source.live, ready: planned(source.host) };
      of(to).incoming.push(move);
      if (move.ready) of(source.host).outgoing.push(move);
    }
  }
  for (const drain of desired.drains ?? []) {
    if (!planned(drain.host)) continue;
    if (drain.state === 'waiting' || drain.state === 'no-room') of(drain.host).drains.push(drain);
    if (drain.state === 'moving' && drain.to !== undefined && !planned(drain.to)) {
      of(drain.host).held.push({ vm: drain.vm, owner: drain.owner, why: `to ${drain.to} waits: ${drain.to} is not planned or not reachable in this run; include both hosts to move it` });
    }
  }
  for (const drain of desired.drains ?? []) {
    if (drain.state !== 'moving' || drain.to === undefined || !planned(drain.to) || observed[drain.host]?.ok === true) continue;
    const arriving = byHost.get(drain.to)?.incoming.some((m) => m.vm.name === drain.vm) === true;
    if (!arriving) {
      of(drain.to).held.push({ vm: drain.vm, owner: drain.owner, why: `from ${drain.host} waits: ${drain.host} cannot be observed, so the VM may still run there` });
    }
  }
  return byHost;
}
