import { resolveDomainType } from '../libvirt/index.js';
import type { Change } from '../types/change.js';
import type { DesiredHostState, DesiredState } from '../types/desired.js';
import type { LiveHostState } from '../types/live.js';
import type { Action, HostObservation, HostPlan, Plan, SkippedChange } from '../types/plan.js';
import { orderActions } from './action-order.js';
import { findMoves, NO_MOVES, type HostMoves } from './find-moves.js';
import { planDomain } from './plan-domain.js';
import { applyMoves } from './plan-migration.js';
import { planNetwork } from './plan-network.js';
import { planPrune } from './plan-prune.js';
import { planPool, planVolumes } from './plan-storage.js';
import { checkBrake, DEFAULT_SAFETY_POLICY, holdDestructive, type SafetyPolicy } from './safety.js';

/** Everything a plan is computed from: gathered first, then handed to this pure function. */
export interface BuildPlanInput {
  desired: DesiredState;
  /** Per host: its live state, or why it could not be read. */
  observed: Readonly<Record<string, HostObservation>>;
  /** Per host: the diff of desired against live. */
  changes: Readonly<Record<string, readonly Change[]>>;
  policy?: Partial<SafetyPolicy>;
}

/** Computes the ordered, policy-checked plan for every host. Pure. */
export function buildPlan(input: BuildPlanInput): Plan {
  const policy = { ...DEFAULT_SAFETY_POLICY, ...input.policy };
  const names = Object.keys(input.desired.hosts).sort();
  const moves = findMoves(input.desired, input.observed);
  const hosts = names.map((name) => {
    const desired = input.desired.hosts[name] as DesiredHostState;
    const observation = input.observed[name];
    if (observation === undefined || !observation.ok) {
      return { host: name, reachable: false, error: observation?.error ?? 'not observed', actions: [], skipped: [] } satisfies HostPlan;
    }
    return planHost(desired, observation.live, input.changes[name] ?? [], input.desired.revision, moves.get(name));
  });
  const desiredIsEmpty = Object.values(input.desired.hosts).every((host) => host.vms.length === 0 && host.networks.length === 0);
  const brake = checkBrake({ hosts, desiredIsEmpty, policy });
  if (brake === undefined) return { revision: input.desired.revision, hosts };
  return { revision: input.desired.revision, hosts: hosts.map((host) => holdDestructive(host, brake)), brake };
}

/**
 * Plans one reachable host from its diff: pool, volumes, networks, each VM's domain, then prune;
 * VMs that move between hosts (`moves`) are carried by one `domain.migrate` on their new host.
 */
export function planHost(desired: DesiredHostState, live: LiveHostState, changes: readonly Change[], revision: string, moves: HostMoves = NO_MOVES): HostPlan {
  const host = desired.host.name;
  const changeOf = indexChanges(changes);
  const converge: Action[] = [
    ...planPool(desired, changeOf('pool', desired.pool.name)),
    ...planVolumes(desired, changes.filter((change) => change.object === 'volume')),
  ];
  const skipped: SkippedChange[] = [];
  const liveNetworks = new Map(live.networks.map((network) => [network.name, network]));
  for (const network of desired.networks) {
    converge.push(...planNetwork({ host, network, live: liveNetworks.get(network.name), change: changeOf('network', network.name), revision }));
  }
  const liveDomains = new Map(live.domains.map((domain) => [domain.name, domain]));
  for (const vm of desired.vms) {
    const render = { domainType: resolveDomainType(vm.domainType, live.kvm), poolPath: desired.pool.path, revision };
    const domainPlan = planDomain({ desired, vm, live: liveDomains.get(vm.name), change: changeOf('domain', vm.name), render });
    converge.push(...domainPlan.actions);
    skipped.push(...domainPlan.skipped);
  }
  const housekeeping = converge.filter((action) => action.kind === 'volume.delete' && !action.destructive);
  const prune = planPrune(desired, live, changes);
  const moved = applyMoves({
    desired, live, revision, moves,
    converge: converge.filter((a) => !housekeeping.includes(a)),
    prune: [...prune.actions, ...housekeeping],
  });
  return {
    host,
    reachable: true,
    actions: orderActions({ converge: moved.converge, prune: moved.prune }),
    skipped: [...skipped, ...prune.skipped.filter((s) => !isLeaving(moves, s.owner)), ...moved.skipped],
  };
}

/** True when the owner is a VM leaving this host (its prune skips give way to the migration). */
function isLeaving(moves: HostMoves, owner: { kind: string; name: string }): boolean {
  return moves.outgoing.some((m) => m.vm.owner.kind === owner.kind && m.vm.owner.name === owner.name);
}

/** Looks up the change of one object by kind and name. */
function indexChanges(changes: readonly Change[]): (object: Change['object'], name: string) => Change | undefined {
  const byKey = new Map(changes.map((change) => [`${change.object}/${change.name}`, change]));
  return (object, name) => byKey.get(`${object}/${name}`);
}
