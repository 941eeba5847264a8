/** What a Cluster's rolling update adds to its status: a verdict while it runs, counts, and each member's progress. Pure. */
import type { RolloutReason, RolloutState, RolloutStatus } from '../rollout/index.js';
import { oneLine } from './one-line.js';
import type { StatusReason } from './reasons.js';
import type { Verdict } from './resource-status.js';
import type { ClusterMember, ClusterRollout, StatusSnapshot } from './status-types.js';

/** The status reason of each rollout reason; a complete rollout adds none (the members' verdicts decide). */
export const ROLLOUT_STATUS_REASON: Readonly<Record<RolloutReason, StatusReason | undefined>> = {
  RolloutComplete: undefined,
  RollingZone: 'RollingUpdate',
  WaitingForHealthy: 'RollingUpdate',
  WaitingForHost: 'RollingUpdate',
  HealthCheckTimeout: 'RolloutStalled',
};

/**
 * The verdict of a rollout that is not complete: RollingUpdate (Reconciling) with what it is doing,
 * or RolloutStalled (Stalled) naming the member that did not become healthy and why.
 */
export function rolloutVerdict(rollout: RolloutStatus | undefined): Verdict | undefined {
  const reason = rollout === undefined ? undefined : ROLLOUT_STATUS_REASON[rollout.reason];
  return reason === undefined ? undefined : { reason, message: oneLine(rollout!.message) };
}

/** The `rollout` block of a Cluster's status. */
export function clusterRollout(rollout: RolloutStatus): ClusterRollout {
  return {
    phase: rollout.phase, reason: rollout.reason, ...(rollout.zone === undefined ? {} : { zone: rollout.zone }),
    zoneOrder: [...rollout.zoneOrder], updated: rollout.updated, ready: rollout.ready, total: rollout.total,
    ...(rollout.released.length === 0 ? {} : { released: [...rollout.released] }),
    ...(rollout.waiting.length === 0 ? {} : { waiting: [...rollout.waiting] }),
    ...(rollout.failed === undefined ? {} : { failed: { ...rollout.failed, reason: oneLine(rollout.failed.reason) } }),
  };
}

/** A member's status with its rollout progress (updated, state, since when unavailable), when the rollout knows it. */
export function withRolloutProgress(member: ClusterMember, rollout: RolloutStatus | undefined): ClusterMember {
  const seen = rollout?.members.find((m) => m.name === member.name);
  if (seen === undefined) return member;
  return { ...member, updated: seen.updated, rollout: seen.state, ...(seen.since === undefined ? {} : { since: seen.since }) };
}

/**
 * The rollout gate's memory rebuilt from the Cluster documents of a status snapshot (each member's
 * `since`), so a restarted controller keeps timing health checks from when members became unavailable.
 */
export function rolloutStateOfSnapshot(snapshot: StatusSnapshot): RolloutState {
  const members: RolloutState['members'] = {};
  for (const doc of snapshot.resources.values()) {
    if (doc.kind !== 'Cluster' || !Array.isArray(doc.status.members)) continue;
    for (const member of doc.status.members) {
      if (typeof member.since === 'string' && !Number.isNaN(Date.parse(member.since))) members[member.name] = { since: member.since };
    }
  }
  return { members };
}
