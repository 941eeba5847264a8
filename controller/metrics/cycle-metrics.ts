/** The metric updates of one cycle, derived from its report (pure). */
import type { CycleReport } from '../reconcile/loop-types.js';
import type { MemberState, RolloutStatus } from '../rollout/index.js';
import type { ChangeSetEntry } from '../types/change-set.js';
import type { RolloutMemberState } from './metric-definitions.js';

/** Entry results that changed something. */
const CHANGED = new Set<ChangeSetEntry['result']>(['created', 'configured', 'deleted']);

/** Host apply errors that other metrics already report (host_up) or that are not errors (shutdown). */
const NOT_APPLY_ERRORS = new Set(['HostUnreachable', 'Cancelled']);

/** What one cycle adds to or sets in the metrics. */
export interface CycleMetrics {
  changes: { host: string; kind: string; action: string; count: number }[];
  /** Per host that was planned this cycle: how many changes it got (0 included). */
  lastCycleChanges: Record<string, number>;
  drift: { host: string; kind: string; count: number }[];
  applyErrors: { host: string; reason: string; count: number }[];
  /** Per host observed this cycle; absent when nothing was observed (invalid revision, no source). */
  hostUp?: Record<string, boolean>;
  /** The revision applied this cycle, when its plan ran. */
  appliedRevision?: string;
  /** The brake's reason when engaged; null when a plan was computed without it; absent when no plan. */
  brake?: string | null;
  /** Absent when no revision was read. */
  manifestsValid?: boolean;
  unplaced?: number;
  /** Per cluster with placed members: its rollout progress; absent when no plan was gated this cycle. */
  rollouts?: RolloutMetrics[];
}

/** One cluster's rollout as metrics: member counts by state, and whether it is stalled. */
export interface RolloutMetrics {
  cluster: string;
  members: Record<RolloutMemberState, number>;
  stalled: boolean;
}

/** Member rollout states that count as not serving. */
const UNAVAILABLE = new Set<MemberState>(['progressing', 'unreachable']);

/** The metrics of one cluster's rollout status. */
export function rolloutMetrics(rollout: RolloutStatus): RolloutMetrics {
  const updated = rollout.members.filter((m) => m.updated).length;
  return {
    cluster: rollout.cluster,
    members: { updated, pending: rollout.members.length - updated, unavailable: rollout.members.filter((m) => UNAVAILABLE.has(m.state)).length },
    stalled: rollout.phase === 'Stalled',
  };
}

/** Counts grouped by a key built from each item. */
function tally<T, K extends Record<string, string>>(items: readonly T[], key: (item: T) => K | undefined): (K & { count: number })[] {
  const groups = new Map<string, K & { count: number }>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const id = JSON.stringify(k);
    const group = groups.get(id) ?? { ...k, count: 0 };
    group.count += 1;
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** `domain.define` → `domain`. */
function objectKind(actionKind: string): string {
  return actionKind.split('.', 1)[0] ?? actionKind;
}

/** Derives the metric updates of a cycle from its report. */
export function cycleMetrics(report: CycleReport): CycleMetrics {
  const result = report.result;
  const entries = result?.changeSet?.entries ?? [];
  const changes = tally(entries, (e) => (CHANGED.has(e.result) ? { host: e.host, kind: objectKind(e.kind), action: e.result } : undefined));
  const lastCycleChanges: Record<string, number> = {};
  for (const host of result?.changeSet?.hosts ?? []) lastCycleChanges[host.host] = 0;
  for (const c of changes) lastCycleChanges[c.host] = (lastCycleChanges[c.host] ?? 0) + c.count;
  const failedHosts = new Set(entries.filter((e) => e.result === 'failed').map((e) => e.host));
  const applyErrors = [
    ...tally(entries, (e) => (e.result === 'failed' ? { host: e.host, reason: e.error?.code ?? 'InternalError' } : undefined)),
    ...tally(result?.changeSet?.hosts ?? [], (h) => (!h.ok && !failedHosts.has(h.host) && !NOT_APPLY_ERRORS.has(h.error?.code ?? '')
      ? { host: h.host, reason: h.error?.code ?? 'InternalError' } : undefined)),
  ];
  const changesByHost = Object.entries(result?.computed?.changes ?? {});
  const drift = tally(changesByHost.flatMap(([, list]) => list), (c) => (c.drift ? { host: c.host, kind: c.object } : undefined));
  const observed = Object.entries(result?.observed ?? {});
  const metrics: CycleMetrics = { changes, lastCycleChanges, drift, applyErrors };
  if (report.outcome !== 'aborted' && observed.length > 0) metrics.hostUp = Object.fromEntries(observed.map(([host, o]) => [host, o.ok]));
  if (result?.changeSet !== undefined && report.outcome !== 'stalled') metrics.appliedRevision = result.revision;
  if (result?.computed !== undefined) {
    metrics.brake = result.computed.plan.brake?.code ?? null;
    metrics.unplaced = result.computed.desired.unplaced.length;
  }
  if (result !== undefined) metrics.manifestsValid = report.outcome !== 'stalled';
  if (result?.rollouts !== undefined && report.outcome !== 'aborted') metrics.rollouts = result.rollouts.clusters.map(rolloutMetrics);
  return metrics;
}
