import { describe, expect, it } from 'vitest';
import { initialLoopState, nextLoopState } from '../../../controller/reconcile/loop-cycle.js';
import type { CycleReport } from '../../../controller/reconcile/loop-types.js';

/** A cycle report carrying only what nextLoopState reads. */
function report(cycle: number, rollouts?: { members: Record<string, never> }): CycleReport {
  const result = rollouts === undefined ? undefined : { observed: {}, rollouts: { clusters: [], held: [], state: rollouts } };
  return { cycle, outcome: 'converged', lastAppliedRevision: 'abc', ...(result === undefined ? {} : { result }) } as unknown as CycleReport;
}

describe('nextLoopState', () => {
  it('carries the rollout state of a cycle to the next one, and keeps it through a cycle that reported none', () => {
    const state = { members: {} };
    const after = nextLoopState(initialLoopState(), report(1, state));
    expect(after.rollouts).toBe(state);
    expect(nextLoopState(after, report(2)).rollouts).toBe(state);
    expect(initialLoopState().rollouts).toBeUndefined();
  });
});
