/**
 * Rollout: rolling updates of clusters. Between computing a plan and applying it, cluster members
 * are probed from their hosts and the plan is gated — a member's update that would take it down
 * waits for its turn (listed in the plan as skipped, reason RolloutPending): zone by zone (standby zones first by default), at most `maxUnavailable` at a
 * time, each updated member healthy before the next, and a member that stays unhealthy past the
 * timeout halts the rollout as Stalled. Progress is read from the hosts, so it survives restarts.
 */
export { planWithRollouts, type PlanWithRolloutsArgs, type RolloutPlan } from './plan-with-rollouts.js';
export { gateRollouts, type GateRolloutsInput, type GateRolloutsResult } from './gate-rollouts.js';
export { rolloutStateFromStatus } from './rollout-state-from-status.js';
export { gateCluster, type ClusterGate, type GateClusterInput } from './gate-cluster.js';
export { clusterMembers, DISRUPTIVE_ACTIONS, MUST_RUN, RUNNING_STATES, type ClusterMembersInput, type MemberView } from './cluster-members.js';
export { clusterStrategies, resolveZoneOrder, ZONE_ROLE_ORDER, type ClusterStrategy } from './cluster-strategy.js';
export { probeMembers, DEFAULT_PROBE_CONCURRENCY, type ConnectForProbe, type ProbeMember, type ProbeMembersArgs } from './probe-members.js';
export type {
  HeldMember, MemberHealth, MemberState, RolloutFailure, RolloutMember, RolloutPhase, RolloutReason, RolloutState, RolloutStatus,
} from './rollout-status.js';
