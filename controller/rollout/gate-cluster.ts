import type { ClusterStrategy } from './cluster-strategy.js';
import { RUNNING_STATES, type MemberView } from './cluster-members.js';
import type { RolloutFailure, RolloutMember, RolloutReason, RolloutStatus, RolloutState } from './rollout-status.js';

/** The gate's decision for one cluster. */
export interface ClusterGate {
  status: RolloutStatus;
  /** Pending members whose actions wait for their turn (removed from the plan). */
  held: MemberView[];
  /** Since when each unavailable member has been so, for the next cycle. */
  since: Record<string, string>;
}

/** Inputs of gateCluster. */
export interface GateClusterInput {
  strategy: ClusterStrategy;
  /** The cluster's members (see clusterMembers). */
  members: readonly MemberView[];
  now: Date;
  previous?: RolloutState;
}

/** The members released in a zone with pending updates: down ones first (free), then up to the budget. */
function releaseInZone(zone: readonly MemberView[], maxUnavailable: number): MemberView[] {
  const pending = zone.filter((m) => m.state === 'pending');
  const free = pending.filter((m) => m.health?.status === 'unhealthy');
  const unavailable = zone.filter((m) => m.state === 'progressing' || m.state === 'unreachable').length + free.length;
  const budget = Math.max(0, maxUnavailable - unavailable);
  return [...free, ...pending.filter((m) => !free.includes(m)).slice(0, budget)];
}

/**
 * Decides one cluster's rollout. Zones go in `zoneOrder`; the first zone that is not done is the
 * current one: its pending members are released while fewer than `maxUnavailable` of its members
 * are unavailable (already-unhealthy ones go first and cost nothing), later zones wait. A member
 * unavailable longer than `healthTimeoutSeconds` stalls the rollout: nothing more is released. Pure.
 */
export function gateCluster(input: GateClusterInput): ClusterGate {
  const { strategy, members, now } = input;
  const nowIso = now.toISOString();
  const since: Record<string, string> = {};
  for (const m of members) {
    if (m.state === 'progressing') since[m.name] = input.previous?.members[m.name]?.since ?? nowIso;
  }
  const failed = stalledMember(members, since, now, strategy.healthTimeoutSeconds);
  const order = [...strategy.zoneOrder, ...new Set(members.map((m) => m.zone).filter((zone) => !strategy.zoneOrder.includes(zone)))];
  const zones = order.map((zone) => members.filter((m) => m.zone === zone)).filter((list) => list.length > 0);
  let current: MemberView[] | undefined;
  let released: MemberView[] = [];
  for (const zone of zones) {
    if (zone.every((m) => m.state === 'ready')) continue;
    current = zone;
    if (failed === undefined && zone.some((m) => m.state === 'pending')) released = releaseInZone(zone, strategy.maxUnavailable);
    break;
  }
  for (const m of released) since[m.name] = nowIso;
  const held = members.filter((m) => m.state === 'pending' && !released.includes(m));
  const status = describe({ strategy, members, released, held, failed, zone: current?.[0]?.zone, since });
  return { status, held, since };
}

/** The member unavailable for longest, when that is longer than the timeout. */
function stalledMember(members: readonly MemberView[], since: Record<string, string>, now: Date, timeoutSeconds: number): RolloutFailure | undefined {
  const overdue = members
    .filter((m) => m.state === 'progressing' && now.getTime() - Date.parse(since[m.name] ?? '') > timeoutSeconds * 1000)
    .sort((a, b) => Date.parse(since[a.name] ?? '') - Date.parse(since[b.name] ?? ''));
  const first = overdue[0];
  if (first === undefined) return undefined;
  return { member: first.name, host: first.host, reason: unavailableReason(first), since: since[first.name] ?? now.toISOString() };
}

/** Why a member is not serving, in a few words. */
function unavailableReason(m: MemberView): string {
  if (m.live === undefined) return 'its domain does not exist yet';
  if (!RUNNING_STATES.has(m.live.state)) return `its domain is ${m.live.state}`;
  return m.health?.reason ?? 'not probed yet';
}

/** What describe needs. */
interface DescribeInput {
  strategy: ClusterStrategy;
  members: readonly MemberView[];
  released: readonly MemberView[];
  held: readonly MemberView[];
  failed: RolloutFailure | undefined;
  zone: string | undefined;
  since: Readonly<Record<string, string>>;
}

/** The cluster's rollout status: phase, reason, one-line message, counts and members. */
function describe(input: DescribeInput): RolloutStatus {
  const { strategy, members, released, held, failed, zone } = input;
  const updated = members.filter((m) => m.updated).length;
  const ready = members.filter((m) => m.serving).length;
  const total = members.length;
  const counts = `${updated}/${total} members updated`;
  const inZone = members.filter((m) => m.zone === zone);
  const unreachable = inZone.filter((m) => m.state === 'unreachable');
  const waitingOn = inZone.filter((m) => m.state === 'progressing');
  let phase: RolloutStatus['phase'] = 'Progressing';
  let reason: RolloutReason;
  let message: string;
  if (failed !== undefined) {
    phase = 'Stalled';
    reason = 'HealthCheckTimeout';
    message = `${failed.member} on ${failed.host} did not become healthy within ${strategy.healthTimeoutSeconds} s: ${failed.reason}; `
      + `rollout halted with ${held.length} member${held.length === 1 ? '' : 's'} left on the old spec`;
  } else if (members.every((m) => m.state === 'ready')) {
    phase = 'Complete';
    reason = 'RolloutComplete';
    message = `all ${total} members updated and healthy`;
  } else if (released.length > 0) {
    reason = 'RollingZone';
    message = `updating ${names(released)} in zone ${zone}; ${counts}`;
  } else if (unreachable.length > 0) {
    reason = 'WaitingForHost';
    message = `waiting for ${[...new Set(unreachable.map((m) => m.host))].join(', ')} (hosting ${names(unreachable)}) to answer; ${counts}`;
  } else {
    reason = 'WaitingForHealthy';
    const first = waitingOn[0];
    const why = first === undefined ? '' : ` (${unavailableReason(first)})`;
    message = `waiting for ${names(waitingOn)} in zone ${zone} to become healthy${why}; ${counts}`;
  }
  const rolloutMembers: RolloutMember[] = members.map((m) => ({
    name: m.name, host: m.host, zone: m.zone, ordinal: m.ordinal, state: m.state, updated: m.updated, released: released.includes(m),
    ...(m.health === undefined ? {} : { health: m.health }),
    ...(input.since[m.name] === undefined ? {} : { since: input.since[m.name] }),
  }));
  return {
    cluster: strategy.name, phase, reason, message, ...(zone === undefined || phase === 'Complete' ? {} : { zone }),
    zoneOrder: [...strategy.zoneOrder], updated, ready, total,
    released: released.map((m) => m.name), waiting: held.map((m) => m.name),
    ...(failed === undefined ? {} : { failed }),
    members: rolloutMembers,
  };
}

/** Member names as a list. */
function names(members: readonly MemberView[]): string {
  return members.map((m) => m.name).join(', ');
}
