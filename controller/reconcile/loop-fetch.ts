/** The source step of a cycle: sync, or keep the last good revision when the fetch fails. */
import { errorInfo } from '../apply/index.js';
import type { SourceRevision } from '../source/index.js';
import type { FetchRecord, LoopSource } from './loop-types.js';

/** Metric reason per source error code (a fetch failure carries its own, finer reason). */
const FAILURE_REASON: Readonly<Record<string, string>> = {
  RefNotFound: 'ref-not-found',
  UntrustedCommit: 'untrusted-commit',
  SourceCheckoutFailed: 'checkout',
  SourceReadFailed: 'read',
  InvalidSourceConfig: 'config',
};

/** The closed, label-safe reason of a failed sync. */
export function fetchFailureReason(err: unknown): string {
  const e = err as { code?: unknown; data?: { reason?: unknown } } | null;
  if (e?.code === 'SourceFetchFailed' && typeof e.data?.reason === 'string') return e.data.reason;
  return typeof e?.code === 'string' ? (FAILURE_REASON[e.code] ?? 'unknown') : 'unknown';
}

/** Syncs the source; on failure the last good revision (or null) is used. Never rejects. */
export async function fetchRevision(args: { source: LoopSource; signal?: AbortSignal; now: () => number }): Promise<{ revision: SourceRevision | null; fetch: FetchRecord }> {
  const started = args.now();
  try {
    const revision = await args.source.sync(args.signal === undefined ? {} : { signal: args.signal });
    return { revision, fetch: { ok: true, durationMs: args.now() - started, changed: revision.changed } };
  } catch (err) {
    const fetch: FetchRecord = { ok: false, durationMs: args.now() - started, error: errorInfo(err), reason: fetchFailureReason(err) };
    return { revision: args.source.lastGood(), fetch };
  }
}
