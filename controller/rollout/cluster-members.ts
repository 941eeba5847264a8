import type { DesiredState, DesiredVm } from '../types/desired.js';
import type { DomainState, LiveDomain } from '../types/live.js';
import type { Action, ActionKind, HostObservation, Plan } from '../types/plan.js';
import type { MemberHealth, MemberState } from './rollout-status.js';

/** A cluster member with everything the gate decides on. */
export interface MemberView {
  name: string;
  cluster: string;
  zone: string;
  ordinal: number;
  host: string;
  vm: DesiredVm;
  live: LiveDomain | undefined;
  state: MemberState;
  /** Its domain carries the desired spec hash. */
  updated: boolean;
  /** Serving now: running and healthy, or not meant to run. */
  serving: boolean;
  health?: MemberHealth;
  /** Its actions in the plan, in plan order. */
  actions: Action[];
}

/** Actions that take a running member down: an update containing one waits for the member's turn. */
export const DISRUPTIVE_ACTIONS: ReadonlySet<ActionKind> = new Set(['domain.stop', 'domain.restart']);

/** Domain states in which a guest runs. */
export const RUNNING_STATES: ReadonlySet<DomainState> = new Set(['running', 'blocked']);

/** Whether a member must run to be serving, by run strategy (Halted and Manual members are settled as they are). */
export const MUST_RUN: Readonly<Record<DesiredVm['runStrategy'], boolean>> = { Always: true, Halted: false, Manual: false };

/** Inputs of clusterMembers. */
export interface ClusterMembersInput {
  desired: DesiredState;
  plan: Plan;
  observed: Readonly<Record<string, HostObservation>>;
  health: Readonly<Record<string, MemberHealth>>;
}

/** Every placed cluster member, by cluster name, each cluster's members by zone then ordinal. Pure. */
export function clusterMembers(input: ClusterMembersInput): Map<string, MemberView[]> {
  const byCluster = new Map<string, MemberView[]>();
  const planned = new Map(input.plan.hosts.map((host) => [host.host, host]));
  for (const host of Object.keys(input.desired.hosts).sort()) {
    const observation = input.observed[host];
    const live = observation?.ok === true ? observation.live : undefined;
    const domains = new Map((live?.domains ?? []).map((domain) => [domain.name, domain]));
    const hostActions = planned.get(host)?.actions ?? [];
    for (const vm of input.desired.hosts[host]?.vms ?? []) {
      if (vm.cluster === undefined) continue;
      const domain = domains.get(vm.name);
      const actions = hostActions.filter((action) => action.owner.kind === 'VirtualMachine' && action.owner.name === vm.name);
      const health = input.health[vm.name];
      const serving = !MUST_RUN[vm.runStrategy]
        || (domain !== undefined && RUNNING_STATES.has(domain.state) && (vm.health === undefined || health?.status === 'healthy'));
      const state: MemberState = live === undefined
        ? 'unreachable'
        : domain !== undefined && actions.some((action) => DISRUPTIVE_ACTIONS.has(action.kind))
          ? 'pending'
          : serving ? 'ready' : 'progressing';
      const member: MemberView = {
        name: vm.name, cluster: vm.cluster.name, zone: vm.cluster.zone, ordinal: vm.cluster.ordinal, host, vm, live: domain,
        state, updated: state !== 'pending' && domain?.owner?.specHash === vm.specHash, serving, actions,
        ...(health === undefined ? {} : { health }),
      };
      const list = byCluster.get(member.cluster) ?? [];
      list.push(member);
      byCluster.set(member.cluster, list);
    }
  }
  for (const list of byCluster.values()) list.sort((a, b) => a.zone.localeCompare(b.zone) || a.ordinal - b.ordinal);
  return byCluster;
}
