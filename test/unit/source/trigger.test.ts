import { describe, expect, it } from 'vitest';
import { createTrigger, pollSource, waitForTrigger, type SourceRevision } from '../../../controller/source/index.js';

const revision = (n: number): SourceRevision => ({
  revision: `r${n}`,
  ref: 'refs/heads/main',
  dir: '/nowhere',
  gitdir: null,
  author: null,
  committer: null,
  message: '',
  timestamp: null,
  changed: true,
  forced: false,
});

describe('waitForTrigger', () => {
  it('resolves on the interval when nothing fires', async () => {
    const started = Date.now();
    expect(await waitForTrigger({ intervalMs: 60, trigger: createTrigger() })).toBe('interval');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('resolves at once when the trigger fires during the wait', async () => {
    const trigger = createTrigger();
    const started = Date.now();
    const waiting = waitForTrigger({ intervalMs: 60_000, trigger });
    setTimeout(() => trigger.fire(), 20);
    expect(await waiting).toBe('trigger');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('remembers one fire that happened while nobody waited', async () => {
    const trigger = createTrigger();
    trigger.fire();
    trigger.fire();
    expect(await waitForTrigger({ intervalMs: 60_000, trigger })).toBe('trigger');
    expect(await waitForTrigger({ intervalMs: 30, trigger })).toBe('interval');
  });

  it('resolves aborted when the signal aborts, before or during the wait', async () => {
    expect(await waitForTrigger({ intervalMs: 60_000, signal: AbortSignal.abort() })).toBe('aborted');
    const controller = new AbortController();
    const waiting = waitForTrigger({ intervalMs: 60_000, signal: controller.signal });
    controller.abort();
    expect(await waiting).toBe('aborted');
  });
});

describe('pollSource', () => {
  it('syncs, retries failures with backoff, wakes on the trigger, and stops when aborted', async () => {
    const controller = new AbortController();
    const trigger = createTrigger();
    const seen: string[] = [];
    let calls = 0;
    const source = {
      sync: async () => {
        calls++;
        if (calls === 2) throw new Error('remote down');
        return revision(calls);
      },
    };
    const done = pollSource({
      source,
      intervalMs: 60_000,
      retryMs: 20,
      trigger,
      signal: controller.signal,
      onRevision: (r) => {
        seen.push(r.revision);
        if (r.revision === 'r3') controller.abort();
      },
      onError: (err, failures) => void seen.push(`error ${failures}: ${(err as Error).message}`),
    });
    // First sync at once, then a long interval: the trigger cuts it short.
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    trigger.fire();
    await done;
    expect(seen).toEqual(['r1', 'error 1: remote down', 'r3']);
  });
});
