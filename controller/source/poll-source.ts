import type { SourceRevision } from './source-revision.js';
import { waitForTrigger, type Trigger } from './trigger.js';

/** Anything that can be synced: a git source or a local directory. */
export interface Syncable {
  sync(options?: { signal?: AbortSignal }): Promise<SourceRevision>;
}

/** Options of pollSource. */
export interface PollSourceArgs {
  source: Syncable;
  /** Time between syncs when nothing triggers one. */
  intervalMs: number;
  /** First retry delay after a failed sync, doubling up to `intervalMs` (default 5 s). */
  retryMs?: number;
  trigger?: Trigger;
  signal?: AbortSignal;
  /** Called after each successful sync (awaited before the next wait). */
  onRevision(revision: SourceRevision): void | Promise<void>;
  /** Called after each failed sync; the source keeps its last good revision. */
  onError(error: unknown, failures: number): void | Promise<void>;
}

/** Syncs, hands over the revision, waits (interval, trigger or backoff after failures), again, until aborted. */
export async function pollSource(args: PollSourceArgs): Promise<void> {
  const retryMs = args.retryMs ?? 5_000;
  const aborted = (): boolean => args.signal?.aborted === true;
  let failures = 0;
  while (!aborted()) {
    try {
      const revision = await args.source.sync(args.signal === undefined ? {} : { signal: args.signal });
      failures = 0;
      await args.onRevision(revision);
    } catch (err) {
      if (aborted()) break;
      failures++;
      await args.onError(err, failures);
    }
    const wait = failures === 0 ? args.intervalMs : Math.min(args.intervalMs, retryMs * 2 ** (failures - 1));
    const reason = await waitForTrigger({
      intervalMs: wait,
      ...(args.trigger === undefined ? {} : { trigger: args.trigger }),
      ...(args.signal === undefined ? {} : { signal: args.signal }),
    });
    if (reason === 'aborted') break;
  }
}
