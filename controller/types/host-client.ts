/** The interface apply and reconcile use to observe one host and run plan actions on it. */
import type { LiveHostState } from './live.js';
import type { Action } from './plan.js';

/** What running one action actually did. */
export interface ActionOutcome {
  result: 'created' | 'configured' | 'unchanged' | 'deleted';
  message?: string;
}

/** Observes one host and runs actions on it; the only libvirt I/O. */
export interface HostClient {
  readonly host: string;
  /** One SSH round trip: inventory + XML of every domain and network (owner parsed from XML). */
  observe(options?: { signal?: AbortSignal }): Promise<LiveHostState>;
  /** Runs one action idempotently; reports what it actually did. */
  run(action: Action, options?: { signal?: AbortSignal; onProgress?: (line: string) => void }): Promise<ActionOutcome>;
}
