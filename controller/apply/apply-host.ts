/** Runs one host's part of a plan: its actions strictly in order, stopping at the first failure or on cancel. */
import type { ApplyEvent, ChangeSetEntry, ErrorInfo, HostApplyResult } from '../types/change-set.js';
import type { ActionOutcome, HostClient } from '../types/host-client.js';
import type { Action, HostPlan } from '../types/plan.js';
import { actionTarget } from './action-target.js';
import { failedEntry, planSkipEntry, ranEntry, skippedActionEntry } from './change-set-entry.js';
import { errorInfo } from './error-info.js';
import { runMigration } from './run-migration.js';

/** What running one host needs. */
export interface ApplyHostArgs {
  plan: HostPlan;
  clientFor: (host: string) => Promise<HostClient> | HostClient;
  signal?: AbortSignal;
  emit: (event: ApplyEvent) => void;
  /** Milliseconds clock for durations. */
  now: () => number;
}

/** One host's entries, in order, and its result. */
export interface HostApplyOutcome {
  entries: ChangeSetEntry[];
  result: HostApplyResult;
}

/** Skip reason of actions left when the apply is cancelled. */
export const CANCELLED = 'cancelled';

/** Outcomes a host client may report. */
const OUTCOMES: ReadonlySet<string> = new Set<ActionOutcome['result']>(['created', 'configured', 'unchanged', 'deleted']);

/** Runs the host's actions in order, then records the plan's skipped changes; never throws. */
export async function applyHost(args: ApplyHostArgs): Promise<HostApplyOutcome> {
  const { plan, emit } = args;
  const host = plan.host;
  const entries: ChangeSetEntry[] = [];
  const record = (entry: ChangeSetEntry, action?: Action) => {
    entries.push(entry);
    emit({ type: 'action-end', host, ...(action === undefined ? {} : { action }), entry });
  };
  const skipFrom = (index: number, why: string) => {
    for (const action of plan.actions.slice(index)) record(skippedActionEntry(action, why), action);
  };
  emit({ type: 'host-start', host, actions: plan.actions.length });
  const error = await runActions(args, record, skipFrom);
  for (const skip of plan.skipped) record(planSkipEntry(skip));
  const result: HostApplyResult = error === undefined ? { host, ok: true } : { host, ok: false, error };
  emit({ type: 'host-end', host, result, entries: [...entries] });
  return { entries, result };
}

/** Connects and runs every action; returns why the host did not finish, if it did not. */
async function runActions(
  args: ApplyHostArgs,
  record: (entry: ChangeSetEntry, action?: Action) => void,
  skipFrom: (index: number, why: string) => void,
): Promise<ErrorInfo | undefined> {
  const { plan, signal, now } = args;
  if (!plan.reachable) {
    const error = { code: 'HostUnreachable', message: plan.error ?? 'host unreachable' };
    skipFrom(0, `host unavailable: ${error.message}`);
    return error;
  }
  if (plan.actions.length === 0) return undefined;
  if (signal?.aborted) return cancel(plan, 0, skipFrom);
  let client: HostClient;
  try {
    client = await args.clientFor(plan.host);
  } catch (err) {
    const error = errorInfo(err);
    skipFrom(0, `host unavailable: ${error.message}`);
    return error;
  }
  for (const [index, action] of plan.actions.entries()) {
    if (signal?.aborted) return cancel(plan, index, skipFrom);
    args.emit({ type: 'action-start', host: plan.host, action });
    const started = now();
    const elapsed = () => Math.max(0, Math.round(now() - started));
    try {
      const outcome = checkOutcome(action.kind === 'domain.migrate'
        ? await runMigration({ action, source: await args.clientFor(action.params.from), target: client })
        : await client.run(action));
      record(ranEntry(action, outcome, elapsed()), action);
    } catch (err) {
      const error = errorInfo(err);
      record(failedEntry(action, error, elapsed()), action);
      skipFrom(index + 1, `an earlier action on this host failed: ${action.kind} ${actionTarget(action)}`);
      return error;
    }
  }
  return undefined;
}

/** Skips the actions from `index` on as cancelled. */
function cancel(plan: HostPlan, index: number, skipFrom: (index: number, why: string) => void): ErrorInfo {
  skipFrom(index, CANCELLED);
  const left = plan.actions.length - index;
  return { code: 'Cancelled', message: `apply was cancelled; ${left} action${left === 1 ? '' : 's'} on ${plan.host} did not run` };
}

/** Refuses an outcome outside the closed set, so a faulty client cannot record nonsense. */
function checkOutcome(outcome: ActionOutcome): ActionOutcome {
  if (outcome === null || typeof outcome !== 'object' || !OUTCOMES.has(outcome.result)) {
    throw new Error(`host client reported an unknown outcome: ${String(JSON.stringify(outcome)).slice(0, 200)}`);
  }
  return outcome;
}
