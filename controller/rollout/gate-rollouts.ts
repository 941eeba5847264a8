import type { DesiredState } from '../types/desired.js';
import type { HostObservation, HostPlan, Plan } from '../types/plan.js';
import type { ClusterStrategy } from './cluster-strategy.js';
import { clusterMembers, type MemberView } from './cluster-members.js';
import { gateCluster } from './gate-cluster.js';
import type { HeldMember, MemberHealth, RolloutState, RolloutStatus } from './rollout-status.js';

/** Everything the gate decides from, gathered first. */
export interface GateRolloutsInput {
  /** The plan as computed (see computePlan). */
  plan: Plan;
  desired: DesiredState;
  /** Per host: its live state, or why it could not be read. */
  observed: Readonly<Record<string, HostObservation>>;
  /** Rollout strategy per cluster (see clusterStrategies); clusters without one are not gated. */
  strategies: Readonly<Record<string, ClusterStrategy>>;
  /** Last health probe per member name; a member with a health check and no entry is not healthy. */
  health: Readonly<Record<string, MemberHealth>>;
  now: Date;
  /** What the previous cycle returned as `state` (lost on restart: timers then start again). */
  previous?: RolloutState;
}

/** The gated plan and what the rollouts are doing. */
export interface GateRolloutsResult {
  /** The plan without the actions of members waiting for their turn. */
  plan: Plan;
  /** Per cluster with placed members, in name order. */
  rollouts: RolloutStatus[];
  /** Members whose actions were held back. */
  held: HeldMember[];
  /** To pass as `previous` next cycle. */
  state: RolloutState;
}

/**
 * Gates cluster updates: an update that would stop or restart a running member waits until it is
 * that member's turn — zone by zone in the strategy's order, at most `maxUnavailable` members of
 * the zone unavailable at once, each changed member healthy before the next goes — and a member
 * unhealthy past `healthTimeoutSeconds` halts the rollout (Stalled). Everything else in the plan
 * (creation, live changes, other VMs) passes unchanged. The progress is read from the hosts (spec
 * hashes) and the health probes, so a restarted controller resumes where the hosts are. Pure.
 */
export function gateRollouts(input: GateRolloutsInput): GateRolloutsResult {
  const members = clusterMembers(input);
  const rollouts: RolloutStatus[] = [];
  const held: MemberView[] = [];
  const state: RolloutState = { members: {} };
  for (const cluster of [...members.keys()].sort()) {
    const strategy = input.strategies[cluster];
    if (strategy === undefined) continue;
    const gate = gateCluster({ strategy, members: members.get(cluster) ?? [], now: input.now, ...(input.previous === undefined ? {} : { previous: input.previous }) });
    rollouts.push(gate.status);
    held.push(...gate.held);
    for (const [name, since] of Object.entries(gate.since)) state.members[name] = { since };
  }
  const messages = new Map(rollouts.map((rollout) => [rollout.cluster, rollout]));
  return {
    plan: holdMembers(input.plan, held),
    rollouts,
    held: held.map((m) => ({
      cluster: m.cluster, member: m.name, host: m.host, actions: m.actions.map((a) => a.kind),
      message: heldMessage(m, messages.get(m.cluster), input.strategies[m.cluster]),
    })),
    state,
  };
}

/** The plan without the actions of the held members. */
function holdMembers(plan: Plan, held: readonly MemberView[]): Plan {
  if (held.length === 0) return plan;
  const heldActions = new Set(held.flatMap((m) => m.actions));
  const hosts: HostPlan[] = plan.hosts.map((host) => ({ ...host, actions: host.actions.filter((action) => !heldActions.has(action)) }));
  return { ...plan, hosts };
}

/** Why a member waits, one line. */
function heldMessage(m: MemberView, rollout: RolloutStatus | undefined, strategy: ClusterStrategy | undefined): string {
  if (rollout?.phase === 'Stalled') return `update of ${m.name} held: the rollout of cluster ${m.cluster} is stalled (${rollout.failed?.member} is not healthy)`;
  const zone = rollout?.zone;
  if (zone !== undefined && zone !== m.zone) return `update of ${m.name} waits for zone ${zone} of cluster ${m.cluster} to finish`;
  return `update of ${m.name} waits for its turn in zone ${m.zone} (at most ${strategy?.maxUnavailable ?? 1} unavailable at once)`;
}
