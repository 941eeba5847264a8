import { describe, expect, it } from 'vitest';
import { createMetrics, liveness, readiness, type HealthState } from '../../../controller/metrics/index.js';
import { appliedResult, reportOf } from '../loop/cycle-fixtures.js';

const MIN = 60_000;
const base: HealthState = { startedAtMs: 0, intervalMs: MIN, lastCycleStartMs: null, lastCycleEndMs: null, running: false, cyclesCompleted: 0 };

describe('liveness', () => {
  it('is alive right after start and while waiting less than the allowance', () => {
    expect(liveness(base, 10_000).ok).toBe(true);
    expect(liveness({ ...base, lastCycleEndMs: 10 * MIN }, 10 * MIN + 3 * MIN).ok).toBe(true);
  });

  it('counts the loop wedged when no cycle started for the interval plus two', () => {
    const check = liveness({ ...base, lastCycleEndMs: 10 * MIN }, 10 * MIN + 4 * MIN);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/no cycle started for 240s/);
    expect(liveness(base, 4 * MIN).ok).toBe(false);
  });

  it('lets a long cycle run up to the limit, then calls it wedged', () => {
    const running = { ...base, running: true, lastCycleStartMs: 0 };
    expect(liveness(running, 25 * MIN).ok).toBe(true);
    const check = liveness(running, 31 * MIN);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/wedged/);
    expect(liveness(running, 3 * MIN, { idleIntervals: 2, maxCycleMs: 2 * MIN }).ok).toBe(false);
  });
});

describe('readiness', () => {
  it('is ready once a cycle completed', () => {
    expect(readiness(base)).toEqual({ ok: false, message: 'no cycle completed yet' });
    expect(readiness({ ...base, cyclesCompleted: 2 })).toEqual({ ok: true, message: '2 cycles completed' });
  });

  it('follows the metrics of a controller', () => {
    let now = 0;
    const metrics = createMetrics({ intervalMs: MIN, now: () => now });
    expect(metrics.readiness().ok).toBe(false);
    metrics.cycleStarted(0);
    now = 20 * MIN;
    expect(metrics.liveness().ok).toBe(true);
    metrics.cycleFinished(reportOf(appliedResult()), now);
    expect(metrics.readiness().ok).toBe(true);
    now += 5 * MIN;
    expect(metrics.liveness().ok).toBe(false);
  });
});
