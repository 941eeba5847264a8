/** Recorded engine scenarios (manifests + live observations from the testbed), ready for computePlan. */
import { readRepo } from '../../../controller/manifests/index.js';
import type { HostCommandDeps } from '../../../controller/cli/ssh-options.js';
import { computePlan, reconcileOnce, type ComputedPlan, type ReconcileOnceArgs, type ReconcileResult } from '../../../controller/reconcile/index.js';
import type { RawHostConnection, Transport } from '../../../controller/transport/index.js';
import type { ActionOutcome, HostClient } from '../../../controller/types/host-client.js';
import type { SafetyPolicy } from '../../../controller/plan/index.js';
import type { Manifest } from '../../../controller/types/manifest.js';
import type { Action, HostObservation } from '../../../controller/types/plan.js';
import { loadScenario } from '../../fixtures/engine/capture.js';

/** Names of the recorded scenarios. */
export type ScenarioName = 'converged' | 'changes' | 'drift' | 'empty';

/** A recorded scenario, its manifests read and validated. */
export interface Scenario {
  manifests: Manifest[];
  revision: string;
  observed: Record<string, HostObservation>;
}

/** Loads a scenario and reads its manifests (they must be valid). */
export async function scenario(name: ScenarioName): Promise<Scenario> {
  const recorded = await loadScenario(name);
  const validation = await readRepo({ dir: recorded.manifestsDir });
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`recorded manifests of ${name} are invalid: ${errors.map((d) => d.message).join('; ')}`);
  return { manifests: validation.manifests, revision: recorded.revision, observed: recorded.observed };
}

/** computePlan on a scenario. */
export async function planScenario(name: ScenarioName, options: { policy?: Partial<SafetyPolicy>; observed?: Record<string, HostObservation> } = {}): Promise<ComputedPlan & Scenario> {
  const s = await scenario(name);
  const observed = options.observed ?? s.observed;
  return { ...s, observed, ...computePlan({ manifests: s.manifests, revision: s.revision, observed, ...(options.policy === undefined ? {} : { policy: options.policy }) }) };
}

/** A `planned` reconcile result of a scenario, as reconcileOnce would return it. */
export async function plannedResult(name: ScenarioName, options: Parameters<typeof planScenario>[1] = {}): Promise<ReconcileResult> {
  const p = await planScenario(name, options);
  const { manifests: _m, observed, revision, ...computed } = p;
  return {
    outcome: 'planned', revision, diagnostics: [...computed.desired.diagnostics], notices: [], observed, computed,
    durations: { read: 0, observe: 0, plan: 0, apply: 0 },
  };
}

/** The scenario's observations with one host unreachable. */
export function withUnreachable(observed: Record<string, HostObservation>, host: string): Record<string, HostObservation> {
  return { ...observed, [host]: { ok: false, error: `failed to connect to ${host} (10.77.3.2:22): connection refused; is sshd running and listening on that port?`, code: 'HostUnreachable' } };
}

/** Replays a recorded scenario through the real reconcileOnce: hosts answer with their recorded state; `run` decides each action's outcome. */
export function recordedEngine(name: ScenarioName, options: {
  run?: (action: Action) => Promise<ActionOutcome>;
  observed?: Record<string, HostObservation>;
} = {}): { deps: HostCommandDeps; calls: ReconcileOnceArgs[]; ran: Action[]; connections: { opened: number; closed: number } } {
  const calls: ReconcileOnceArgs[] = [];
  const ran: Action[] = [];
  const connections = { opened: 0, closed: 0 };
  const transport: Transport = {
    connect: async () => {
      connections.opened += 1;
      return { close: async () => void (connections.closed += 1) } as RawHostConnection;
    },
    close: async () => undefined,
  };
  return {
    calls,
    ran,
    connections,
    deps: {
      createTransport: () => transport,
      reconcile: async (args) => {
        calls.push(args);
        const recorded = await loadScenario(name);
        const observed = options.observed ?? recorded.observed;
        return reconcileOnce({
          ...args, dir: recorded.manifestsDir, revision: recorded.revision,
          createClient: ({ target }): HostClient => ({
            host: target.name,
            observe: async () => {
              const o = observed[target.name];
              if (o === undefined || !o.ok) throw Object.assign(new Error(o?.error ?? 'not recorded'), { code: o?.ok === false ? o.code : 'NotRecorded' });
              return o.live;
            },
            run: async (action) => {
              ran.push(action);
              return (options.run ?? (async () => ({ result: 'configured' as const })))(action);
            },
          }),
        });
      },
    },
  };
}
