/** Shapes of the rolling update of clusters: member states, per-cluster status, and the state kept between cycles. */
import type { HealthStatus } from '../health/index.js';
import type { ActionKind } from '../types/plan.js';

/**
 * Where a member stands in its cluster's rollout:
 * `pending` — its update would take it down (stop or restart) and waits for its turn;
 * `progressing` — changed (or down) and not yet healthy: it counts as unavailable;
 * `ready` — serving (running and healthy, or not meant to run);
 * `unreachable` — its host could not be observed.
 */
export type MemberState = 'pending' | 'progressing' | 'ready' | 'unreachable';

/** Phase of a cluster's rollout. */
export type RolloutPhase = 'Progressing' | 'Complete' | 'Stalled';

/** CamelCase reason of a rollout's condition. */
export type RolloutReason = 'RolloutComplete' | 'RollingZone' | 'WaitingForHealthy' | 'WaitingForHost' | 'HealthCheckTimeout';

/** Last health probe of a member. */
export interface MemberHealth {
  status: HealthStatus;
  reason: string;
}

/** One member as the rollout sees it. */
export interface RolloutMember {
  name: string;
  host: string;
  zone: string;
  ordinal: number;
  state: MemberState;
  /** Its domain carries the desired spec hash. */
  updated: boolean;
  /** Its update runs in this cycle. */
  released: boolean;
  health?: MemberHealth;
  /** Since when it has been unavailable (ISO time): while progressing, or from its release in this cycle. */
  since?: string;
}

/** The member that halted a rollout, and why. */
export interface RolloutFailure {
  member: string;
  host: string;
  /** The last health probe's finding. */
  reason: string;
  /** Since when it has been unhealthy (ISO time). */
  since: string;
}

/** Rollout status of one cluster, for status files and metrics. */
export interface RolloutStatus {
  cluster: string;
  phase: RolloutPhase;
  reason: RolloutReason;
  /** One line: what is happening or what failed. */
  message: string;
  /** The zone being updated or waited on. */
  zone?: string;
  /** Order in which zones are updated. */
  zoneOrder: string[];
  /** Members on the desired spec, members serving now (running and healthy), all placed members. */
  updated: number;
  ready: number;
  total: number;
  /** Members whose update runs in this cycle. */
  released: string[];
  /** Members whose update waits for its turn. */
  waiting: string[];
  failed?: RolloutFailure;
  members: RolloutMember[];
}

/** What the gate remembers between cycles: since when each unavailable member has been so (ISO time). */
export interface RolloutState {
  members: Record<string, { since: string }>;
}

/** A member whose actions were held back from the plan until its turn. */
export interface HeldMember {
  cluster: string;
  member: string;
  host: string;
  /** Kinds of the held actions, in plan order. */
  actions: ActionKind[];
  message: string;
}
