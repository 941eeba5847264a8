import type { HostTarget } from '../types/desired.js';
import type { HostClient } from '../types/host-client.js';
import type { HostObservation } from '../types/plan.js';
import { ObserveAbortedError } from './errors.js';
import { mapBounded } from './map-bounded.js';

/** Opens the client of one host (connecting on first use). */
export type ConnectHost = (target: HostTarget, options: { signal?: AbortSignal }) => Promise<HostClient>;

/** What happened while observing one host, for progress output. */
export interface ObserveEvent {
  type: 'observed';
  host: string;
  ok: boolean;
  error?: string;
  durationMs: number;
}

/** Arguments of observeHosts. */
export interface ObserveHostsArgs {
  targets: readonly HostTarget[];
  connect: ConnectHost;
  /** Most hosts observed at once (default 8). */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: ObserveEvent) => void;
  now?: () => number;
}

/** Default bound on hosts observed at once. */
export const DEFAULT_OBSERVE_CONCURRENCY = 8;

/**
 * Connects to every host and reads its live state, several hosts at once. A host that cannot be
 * reached or read becomes `{ ok: false, error, code }`; it never stops the others. Never rejects.
 */
export async function observeHosts(args: ObserveHostsArgs): Promise<Record<string, HostObservation>> {
  const now = args.now ?? Date.now;
  const signalOption = args.signal === undefined ? {} : { signal: args.signal };
  const results = await mapBounded(args.targets, args.concurrency ?? DEFAULT_OBSERVE_CONCURRENCY, async (target) => {
    const started = now();
    let observation: HostObservation;
    try {
      if (args.signal?.aborted === true) throw new ObserveAbortedError({ host: target.name });
      const client = await args.connect(target, signalOption);
      observation = { ok: true, live: await client.observe(signalOption) };
    } catch (err) {
      observation = failedObservation(err);
    }
    args.onEvent?.({
      type: 'observed', host: target.name, ok: observation.ok, durationMs: now() - started,
      ...(observation.ok ? {} : { error: observation.error }),
    });
    return [target.name, observation] as const;
  });
  return Object.fromEntries(results);
}

/** The observation of a host that failed: the error's message and, when it has one, its code. */
export function failedObservation(err: unknown): HostObservation {
  const error = err instanceof Error ? err.message : String(err);
  const code = typeof (err as { code?: unknown } | null)?.code === 'string' ? (err as { code: string }).code : undefined;
  return code === undefined ? { ok: false, error } : { ok: false, error, code };
}
