/** Counts of a change set, overall and per host, and whether it failed. */
import { CHANGE_RESULTS, type ChangeResult, type ChangeSet } from '../types/change-set.js';

/** Entries counted by result. */
export type ChangeCounts = Record<ChangeResult, number>;

/** What a change set did, in numbers. */
export interface ChangeSetSummary {
  /** Every host together. */
  counts: ChangeCounts;
  /** Per host of the change set (hosts without entries count zeros). */
  hosts: Record<string, ChangeCounts>;
  /** Entries that changed something: created, configured or deleted. */
  changed: number;
  /** Hosts that did not finish (unreachable, a failed action, cancelled). */
  failedHosts: string[];
}

/** Zero for every result. */
function zeroCounts(): ChangeCounts {
  return Object.fromEntries(CHANGE_RESULTS.map((result) => [result, 0])) as ChangeCounts;
}

/** Counts entries by result, overall and per host. */
export function summarizeChangeSet(cs: ChangeSet): ChangeSetSummary {
  const counts = zeroCounts();
  const hosts: Record<string, ChangeCounts> = Object.fromEntries(cs.hosts.map((host) => [host.host, zeroCounts()]));
  for (const entry of cs.entries) {
    counts[entry.result] += 1;
    (hosts[entry.host] ??= zeroCounts())[entry.result] += 1;
  }
  return {
    counts,
    hosts,
    changed: counts.created + counts.configured + counts.deleted,
    failedHosts: cs.hosts.filter((host) => !host.ok).map((host) => host.host),
  };
}

/** True when an action failed or a host did not finish. */
export function changeSetFailed(cs: ChangeSet): boolean {
  return cs.entries.some((entry) => entry.result === 'failed') || cs.hosts.some((host) => !host.ok);
}
