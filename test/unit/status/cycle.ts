/** A reconcile cycle for status tests: a recorded engine scenario, planned and applied through hosts that answer as told. */
import { applyPlan } from '../../../controller/apply/index.js';
import { readRepo } from '../../../controller/manifests/index.js';
import type { SafetyPolicy } from '../../../controller/plan/index.js';
import { computePlan, type ComputedPlan } from '../../../controller/reconcile/index.js';
import type { StatusInput } from '../../../controller/status/index.js';
import type { ChangeSet } from '../../../controller/types/change-set.js';
import type { ActionOutcome } from '../../../controller/types/host-client.js';
import type { ValidationResult } from '../../../controller/types/manifest.js';
import type { Action, HostObservation } from '../../../controller/types/plan.js';
import { loadScenario } from '../../fixtures/engine/capture.js';

/** Names of the recorded scenarios. */
export type ScenarioName = 'converged' | 'changes' | 'drift' | 'empty';

/** A source revision for tests. */
export const REVISION = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/** One cycle: what the scenario's manifests and observations give, and what apply did. */
export interface Cycle {
  validation: ValidationResult;
  observed: Record<string, HostObservation>;
  computed: ComputedPlan;
  changeSet: ChangeSet;
  input: StatusInput;
}

/** An action outcome per action: `configured` for updates, `created`/`deleted` by kind, or a failure. */
export type RunAction = (action: Action) => ActionOutcome | Error;

const defaultRun: RunAction = (action) => ({ result: action.destructive ? 'deleted' : action.kind.endsWith('.define') || action.kind.endsWith('.create') ? 'created' : 'configured' });

/** Reads a scenario, plans it against its recorded observations (or `observed`), and applies the plan through hosts that answer with `run`. */
export async function runCycle(name: ScenarioName, options: {
  run?: RunAction; observed?: (observed: Record<string, HostObservation>) => Record<string, HostObservation>; now?: string; manifestsDir?: string;
  policy?: Partial<SafetyPolicy>;
} = {}): Promise<Cycle> {
  const recorded = await loadScenario(name);
  const validation = await readRepo({ dir: options.manifestsDir ?? recorded.manifestsDir });
  const observed = options.observed === undefined ? recorded.observed : options.observed(recorded.observed);
  const computed = computePlan({ manifests: validation.manifests, revision: REVISION, observed, ...(options.policy === undefined ? {} : { policy: options.policy }) });
  const run = options.run ?? defaultRun;
  const changeSet = await applyPlan({
    plan: computed.plan,
    clientFor: (host) => ({
      host,
      observe: () => Promise.reject(new Error('not used')),
      run: async (action) => {
        const outcome = run(action);
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
    }),
  });
  const input: StatusInput = {
    revision: REVISION, validation, desired: computed.desired, observed, plan: computed.plan, changeSet, now: options.now ?? '2026-11-24T10:00:00.000Z',
  };
  return { validation, observed, computed, changeSet, input };
}
