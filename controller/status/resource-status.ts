/** Turns a resource's findings into its conditions, keeping transition times from the previous status. */
import { CHANGE_RESULTS } from '../types/change-set.js';
import type { Finding } from './collect-findings.js';
import { oneLine, shortRevision } from './one-line.js';
import { REASON_RULES, reasonRank, type StatusReason } from './reasons.js';
import { CONDITION_TYPES, type Condition, type ConditionType, type LastError, type ResourceStatus } from './status-types.js';

/** The deciding reason and message of a list of findings: the worst reason wins. */
export interface Verdict {
  reason: StatusReason;
  message: string;
}

/** The verdict of findings, or `fallback` when there are none. Pure. */
export function verdictOf(findings: readonly Finding[], revision: string, fallback: Verdict): Verdict {
  if (findings.length === 0) return fallback;
  const worst = [...findings].sort((a, b) => reasonRank(a.reason) - reasonRank(b.reason))[0]!;
  const same = findings.filter((f) => f.reason === worst.reason);
  if (worst.reason === 'Applied') return { reason: 'Applied', message: appliedMessage(same, revision) };
  const messages = [...new Set(same.map((f) => f.message))];
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : '';
  return { reason: worst.reason, message: oneLine(`${messages[0] ?? ''}${more}`) };
}

/** `applied <rev>: 1 created, 2 configured`. */
function appliedMessage(findings: readonly Finding[], revision: string): string {
  const counts = CHANGE_RESULTS.map((result) => [result, findings.filter((f) => f.result === result).length] as const).filter(([, n]) => n > 0);
  return `applied ${shortRevision(revision)}: ${counts.map(([result, n]) => `${n} ${result}`).join(', ')}`;
}

/** What each condition says for a reason. */
const CONDITION_VALUE: Readonly<Record<ConditionType, (reason: StatusReason) => boolean>> = {
  Ready: (reason) => REASON_RULES[reason].ready,
  Reconciling: (reason) => REASON_RULES[reason].reconciling,
  Stalled: (reason) => REASON_RULES[reason].stalled,
};

/**
 * The three conditions for a verdict. A condition whose status and reason match the previous one
 * keeps its `lastTransitionTime`; otherwise it is `now`.
 */
export function conditionsOf(verdict: Verdict, previous: readonly Condition[] | undefined, now: string): Condition[] {
  return CONDITION_TYPES.map((type) => {
    const status = CONDITION_VALUE[type](verdict.reason) ? 'True' : 'False';
    const before = previous?.find((c) => c.type === type);
    const kept = before !== undefined && before.status === status && before.reason === verdict.reason;
    return { type, status, reason: verdict.reason, message: verdict.message, lastTransitionTime: kept ? before.lastTransitionTime : now };
  });
}

/** The last error for a verdict that is an error; its time is kept while reason and message stay the same. */
export function lastErrorOf(verdict: Verdict, previous: LastError | undefined, revision: string, now: string): LastError | undefined {
  if (!REASON_RULES[verdict.reason].error) return undefined;
  const same = previous !== undefined && previous.reason === verdict.reason && previous.message === verdict.message;
  return { reason: verdict.reason, message: verdict.message, time: same ? previous.time : now, revision: same ? previous.revision : revision };
}

/** A resource's status: conditions and last error from the verdict, plus the given details. Pure. */
export function resourceStatusOf(args: {
  verdict: Verdict;
  previous: ResourceStatus | undefined;
  revision: string;
  now: string;
  details: Omit<ResourceStatus, 'conditions' | 'observedRevision' | 'lastError'>;
}): ResourceStatus {
  const lastError = lastErrorOf(args.verdict, args.previous?.lastError, args.revision, args.now);
  return {
    conditions: conditionsOf(args.verdict, args.previous?.conditions, args.now),
    observedRevision: args.revision,
    ...args.details,
    ...(lastError === undefined ? {} : { lastError }),
  };
}
