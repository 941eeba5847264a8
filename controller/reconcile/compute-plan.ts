import { compile, compileManifests, type LivePlacement } from '../compile/index.js';
import { diffHost } from '../diff/index.js';
import { buildPlan, summarizePlan, type PlanSummary, type SafetyPolicy } from '../plan/index.js';
import type { Change } from '../types/change.js';
import type { DesiredState } from '../types/desired.js';
import type { Manifest } from '../types/manifest.js';
import type { HostObservation, Plan } from '../types/plan.js';
import type { Resource } from '../types/resources.js';
import { livePlacement, observedCapacities } from './live-placement.js';

/** Validated input: manifests (diagnostics get source positions) or bare resources. */
export type PlanSource = { manifests: readonly Manifest[]; resources?: never } | { resources: readonly Resource[]; manifests?: never };

/** Everything a plan is computed from, gathered first. */
export type ComputePlanInput = PlanSource & {
  revision: string;
  /** Per host: its live state, or why it could not be read. */
  observed: Readonly<Record<string, HostObservation>>;
  policy?: Partial<SafetyPolicy>;
  /** Plan only these hosts (all hosts are still scheduled, from every observation). */
  hosts?: readonly string[];
  /** Where VMs ran when last seen (e.g. from the status branch); what is observed now wins. */
  placement?: LivePlacement;
};

/** The outcome of computePlan. */
export interface ComputedPlan {
  desired: DesiredState;
  /** Per reachable, planned host: the diff of desired against live. */
  changes: Record<string, Change[]>;
  plan: Plan;
  summary: PlanSummary;
}

/**
 * Compiles (keeping owned VMs where they run and using observed capacities), diffs every reachable
 * host and builds the policy-checked plan. Pure: same input, same plan.
 */
export function computePlan(input: ComputePlanInput): ComputedPlan {
  const live = { ...input.placement, ...livePlacement(input.observed) };
  const common = { revision: input.revision, live, capacities: observedCapacities(input.observed) };
  const desired = input.manifests !== undefined
    ? compileManifests({ ...common, manifests: input.manifests })
    : compile({ ...common, resources: input.resources });
  const selected = input.hosts === undefined ? Object.keys(desired.hosts) : input.hosts.filter((name) => desired.hosts[name] !== undefined);
  const planned: DesiredState = { ...desired, hosts: Object.fromEntries(selected.map((name) => [name, desired.hosts[name]!])) };
  const changes: Record<string, Change[]> = {};
  for (const name of Object.keys(planned.hosts).sort()) {
    const observation = input.observed[name];
    if (observation?.ok === true) changes[name] = diffHost({ desired: planned.hosts[name]!, live: observation.live });
  }
  const plan = buildPlan({ desired: planned, observed: input.observed, changes, ...(input.policy === undefined ? {} : { policy: input.policy }) });
  return { desired, changes, plan, summary: summarizePlan(plan) };
}
