import type { DesiredState } from '../types/desired.js';
import type { HostObservation, Plan } from '../types/plan.js';
import type { Resource } from '../types/resources.js';
import { clusterStrategies } from './cluster-strategy.js';
import { gateRollouts, type GateRolloutsResult } from './gate-rollouts.js';
import { probeMembers, type ConnectForProbe, type ProbeMember } from './probe-members.js';
import type { MemberHealth, RolloutState } from './rollout-status.js';

/** Arguments of planWithRollouts. */
export interface PlanWithRolloutsArgs {
  /** The repository's resources (the Clusters' update strategies are read from them). */
  resources: readonly Resource[];
  /** Desired state and plan as computed (computePlan's result). */
  computed: { desired: DesiredState; plan: Plan };
  /** Per host: its live state, or why it could not be read. */
  observed: Readonly<Record<string, HostObservation>>;
  /** Opens a connection to a host for the health probes (e.g. the transport's connect). */
  connect: ConnectForProbe;
  /** The previous cycle's `state`, when there was one. */
  previous?: RolloutState;
  now?: () => Date;
  signal?: AbortSignal;
  /** Most hosts probed at once. */
  concurrency?: number;
  probe?: ProbeMember;
}

/** The gated plan, the rollouts, and the health found. */
export interface RolloutPlan extends GateRolloutsResult {
  /** Health of each probed member. */
  health: Record<string, MemberHealth>;
}

/**
 * The rollout step of a reconcile cycle, between computing the plan and applying it: probes the
 * health of cluster members from their hosts, then gates the plan (gateRollouts). Without any
 * Cluster it returns the plan unchanged and probes nothing.
 */
export async function planWithRollouts(args: PlanWithRolloutsArgs): Promise<RolloutPlan> {
  const strategies = clusterStrategies(args.resources);
  const now = args.now ?? (() => new Date());
  if (Object.keys(strategies).length === 0) {
    return { plan: args.computed.plan, rollouts: [], held: [], state: { members: {} }, health: {} };
  }
  const health = await probeMembers({
    desired: args.computed.desired, observed: args.observed, connect: args.connect,
    ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
    ...(args.signal === undefined ? {} : { signal: args.signal }),
    ...(args.probe === undefined ? {} : { probe: args.probe }),
  });
  const gated = gateRollouts({
    plan: args.computed.plan, desired: args.computed.desired, observed: args.observed, strategies, health, now: now(),
    ...(args.previous === undefined ? {} : { previous: args.previous }),
  });
  return { ...gated, health };
}
