/** Why a wait between cycles ended. */
export type WakeReason = 'interval' | 'trigger' | 'aborted';

/** A wake-up signal shared by a webhook or watcher (firing it) and the loop (waiting on it). */
export interface Trigger {
  /** Wakes every current waiter; with none, the next wait returns at once. Fires coalesce. */
  fire(): void;
  /** Consumes a fire that happened while nobody waited. */
  take(): boolean;
  /** Calls `listener` on each fire until the returned function is called. */
  subscribe(listener: () => void): () => void;
}

/** A new trigger, not yet fired. */
export function createTrigger(): Trigger {
  const listeners = new Set<() => void>();
  let pending = false;
  return {
    fire() {
      if (listeners.size === 0) pending = true;
      for (const listener of [...listeners]) listener();
    },
    take() {
      const was = pending;
      pending = false;
      return was;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Waits for the next cycle: resolves after `intervalMs`, at once when the trigger fires (or fired
 * since the last wait), or when the signal aborts. Never rejects.
 */
export function waitForTrigger(args: { intervalMs: number; signal?: AbortSignal; trigger?: Trigger }): Promise<WakeReason> {
  const { intervalMs, signal, trigger } = args;
  if (signal?.aborted === true) return Promise.resolve('aborted');
  if (trigger?.take() === true) return Promise.resolve('trigger');
  return new Promise((resolve) => {
    const finish = (reason: WakeReason): void => {
      clearTimeout(timer);
      unsubscribe?.();
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onAbort = (): void => finish('aborted');
    const timer = setTimeout(() => finish('interval'), Math.max(0, intervalMs));
    const unsubscribe = trigger?.subscribe(() => finish('trigger'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
