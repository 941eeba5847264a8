/** Runs a plan: hosts in parallel with a bound, each host's actions in order; returns the change set. */
import type { ApplyEvent, ChangeSet } from '../types/change-set.js';
import type { HostClient } from '../types/host-client.js';
import type { Plan } from '../types/plan.js';
import { applyHost, type HostApplyOutcome } from './apply-host.js';
import { runPool } from './promise-pool.js';

/** Hosts applied at once when `concurrency` is not given. */
export const DEFAULT_APPLY_CONCURRENCY = 4;

/** Arguments of `applyPlan`. */
export interface ApplyPlanArgs {
  plan: Plan;
  /** The client of a host; a rejection (unreachable, host key mismatch) skips that host's actions. */
  clientFor: (host: string) => Promise<HostClient> | HostClient;
  /** Most hosts applied at once (default 4). */
  concurrency?: number;
  /** Aborting lets each running action finish, then skips the rest as "cancelled". */
  signal?: AbortSignal;
  /** Progress; a listener that throws is ignored. */
  onEvent?: (event: ApplyEvent) => void;
}

/**
 * Applies `plan`. The first failed action on a host stops that host (the rest are skipped); other
 * hosts go on. Plan-skipped changes become skipped entries, and the plan's brake is copied.
 * Entries are in plan order, host by host, whatever order the hosts finish in. Never rejects.
 */
export async function applyPlan(args: ApplyPlanArgs): Promise<ChangeSet> {
  const { plan, onEvent } = args;
  const emit = (event: ApplyEvent) => {
    try {
      onEvent?.(event);
    } catch {
      // progress listeners must not break an apply
    }
  };
  const outcomes: HostApplyOutcome[] = new Array<HostApplyOutcome>(plan.hosts.length);
  await runPool(plan.hosts, concurrencyOf(args.concurrency), async (hostPlan, index) => {
    outcomes[index] = await applyHost({
      plan: hostPlan, clientFor: args.clientFor, emit, now: () => performance.now(),
      ...(args.signal === undefined ? {} : { signal: args.signal }),
    });
  });
  return {
    revision: plan.revision,
    entries: outcomes.flatMap((outcome) => outcome.entries),
    hosts: outcomes.map((outcome) => outcome.result),
    ...(plan.brake === undefined ? {} : { brake: plan.brake }),
  };
}

/** A whole number of hosts, at least 1; the default when not a finite number. */
function concurrencyOf(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_APPLY_CONCURRENCY;
  return Math.max(1, Math.floor(value));
}
