/** planFromStatus: a plan of the manifests against the inventory recorded on the status branch — no host is reached. */
import { readRepo as defaultReadRepo } from '../manifests/index.js';
import type { SafetyPolicy } from '../plan/index.js';
import { computePlan, hostTargets, readRevision, type ReconcileResult } from '../reconcile/index.js';
import type { ValidationResult } from '../types/manifest.js';
import type { HostObservation } from '../types/plan.js';
import { readRecordedInventory, type ReadRecordedInventoryArgs } from './recorded-inventory.js';

/** Arguments of planFromStatus. */
export interface PlanFromStatusArgs {
  /** Directory of manifests (e.g. the merge request's checkout). */
  dir: string;
  /** Where the status branch is; default: the repository holding `dir`, branch `gitvirt/status`. */
  status?: ReadRecordedInventoryArgs;
  policy?: Partial<SafetyPolicy>;
  hosts?: readonly string[];
  /** Source revision; default: read from the git repository holding `dir`. */
  revision?: string;
  readRepo?: (args: { dir: string }) => Promise<ValidationResult>;
  readInventory?: (args: ReadRecordedInventoryArgs) => Promise<Record<string, HostObservation>>;
  now?: () => number;
}

/**
 * Reads the manifests, reads each host's recorded inventory from the status branch, and computes
 * the plan as `gitvirt plan` would against live hosts (outcome `planned`, or `invalid`). A Host of
 * the manifests with no recorded inventory is reported unreachable. Needs no credentials to any host.
 */
export async function planFromStatus(args: PlanFromStatusArgs): Promise<ReconcileResult> {
  const now = args.now ?? Date.now;
  const durations = { read: 0, observe: 0, plan: 0, apply: 0 };
  let started = now();
  const validation = await (args.readRepo ?? defaultReadRepo)({ dir: args.dir });
  const revision = args.revision ?? (await readRevision({ dir: args.dir }));
  durations.read = now() - started;
  const base = { revision, diagnostics: validation.diagnostics, notices: validation.notices, observed: {}, durations };
  if (validation.diagnostics.some((d) => d.severity === 'error')) return { ...base, outcome: 'invalid', reason: 'the manifests have errors' };
  const targets = hostTargets(validation.manifests.map((m) => m.resource));
  const unknown = (args.hosts ?? []).filter((name) => !targets.some((t) => t.name === name));
  if (unknown.length > 0) {
    const known = targets.map((t) => t.name).join(', ') || 'none';
    return { ...base, outcome: 'invalid', reason: `no Host named ${unknown.join(', ')} in the repository (hosts: ${known})` };
  }
  started = now();
  const recorded = await (args.readInventory ?? readRecordedInventory)(args.status ?? { dir: args.dir });
  const observed: Record<string, HostObservation> = {};
  for (const target of targets) {
    observed[target.name] = recorded[target.name] ?? { ok: false, error: `no inventory of ${target.name} on the status branch`, code: 'NoRecordedInventory' };
  }
  durations.observe = now() - started;
  started = now();
  const computed = computePlan({
    manifests: validation.manifests, revision, observed,
    ...(args.policy === undefined ? {} : { policy: args.policy }),
    ...(args.hosts === undefined ? {} : { hosts: args.hosts }),
  });
  durations.plan = now() - started;
  return { ...base, outcome: 'planned', observed, computed, diagnostics: [...validation.diagnostics, ...computed.desired.diagnostics] };
}
