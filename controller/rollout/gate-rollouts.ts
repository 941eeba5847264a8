import type { DesiredState } from '../types/desired.js';
import type { ActionKind, HostObservation, HostPlan, Plan, SkippedChange } from '../types/plan.js';
import type { ClusterStrategy } from './cluster-strategy.js';
import { clusterMembers, DISRUPTIVE_ACTIONS, type MemberView } from './cluster-members.js';
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
  /** The plan without the actions of members waiting for their turn (listed as skipped, RolloutPending). */
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
  const holds = held.map((m): Hold => ({
    view: m,
    held: {
      cluster: m.cluster, member: m.name, host: m.host, actions: m.actions.map((a) => a.kind),
      message: heldMessage(m, messages.get(m.cluster), input.strategies[m.cluster]),
    },
  }));
  return { plan: holdMembers(input.plan, holds), rollouts, held: holds.map((h) => h.held), state };
}

/** A member held back, as the gate saw it and as it is reported. */
interface Hold {
  view: MemberView;
  held: HeldMember;
}

/**
 * The plan without the actions of the held members; each held member is listed in its host's
 * `skipped` instead (reason RolloutPending), so plan output, apply and status show it waiting.
 */
function holdMembers(plan: Plan, holds: readonly Hold[]): Plan {
  if (holds.length === 0) return plan;
  const heldActions = new Set(holds.flatMap((h) => h.view.actions));
  const skips = new Map<string, SkippedChange[]>();
  for (const { view, held } of holds) {
    const skip: SkippedChange = { host: view.host, owner: view.vm.owner, reason: 'RolloutPending', message: held.message };
    skips.set(view.host, [...(skips.get(view.host) ?? []), skip]);
  }
  const hosts: HostPlan[] = plan.hosts.map((host) => ({
    ...host,
    actions: host.actions.filter((action) => !heldActions.has(action)),
    skipped: [...host.skipped, ...(skips.get(host.host) ?? [])],
  }));
  return { ...plan, hosts };
}

/** The action that takes a member down (what it waits to run), for messages. */
function disruptiveKind(m: MemberView): ActionKind {
  return m.actions.find((a) => DISRUPTIVE_ACTIONS.has(a.kind))?.kind ?? 'domain.restart';
}

/** Why a member waits, one line, starting with the action held (`domain.restart of web-zone-b-0 ...`). */
function heldMessage(m: MemberView, rollout: RolloutStatus | undefined, strategy: ClusterStrategy | undefined): string {
  const what = `${disruptiveKind(m)} of ${m.name}`;
  if (rollout?.phase === 'Stalled') return `${what} held: the rollout of cluster ${m.cluster} is stalled (${rollout.failed?.member} is not healthy)`;
  const zone = rollout?.zone;
  if (zone !== undefined && zone !== m.zone) return `${what} waits for zone ${zone} of cluster ${m.cluster} to finish`;
  return `${what} waits for its turn in zone ${m.zone} (at most ${strategy?.maxUnavailable ?? 1} unavailable at once)`;
}
