import { applyPlan as defaultApplyPlan, type ApplyEvent, type ApplyPlanArgs, type ChangeSet } from '../apply/index.js';
import type { LivePlacement } from '../compile/index.js';
import { createHostClient } from '../libvirt/index.js';
import { readRepo as defaultReadRepo } from '../manifests/index.js';
import { summarizePlan, type SafetyPolicy } from '../plan/index.js';
import type { Transport } from '../transport/index.js';
import type { Diagnostic } from '../types/diagnostic.js';
import type { ValidationResult } from '../types/manifest.js';
import type { HostObservation } from '../types/plan.js';
import { computePlan, type ComputedPlan } from './compute-plan.js';
import { openHostClients, type CreateHostClient } from './host-clients.js';
import { hostTargets } from './host-targets.js';
import { observeHosts, type ObserveEvent } from './observe-hosts.js';
import { readRevision } from './read-revision.js';
import { planWithRollouts, type HeldMember, type RolloutState, type RolloutStatus } from '../rollout/index.js';

/** How one reconcile ended. */
export type ReconcileOutcome =
  /** Manifests (or the host selection) are invalid: nothing was observed or changed. */
  | 'invalid'
  /** Observed and planned; nothing applied (plan only, or nothing to apply). */
  | 'planned'
  /** The plan was run; see the change set. */
  | 'applied'
  /** Apply was asked for but refused (the brake is engaged, or compile found errors). */
  | 'refused';

/** Progress of a reconcile: each host observed, the plan computed (before anything runs), then apply's events. */
export type ReconcileEvent =
  | ObserveEvent
  | { type: 'planned'; revision: string; observed: Record<string, HostObservation>; computed: ComputedPlan }
  | { type: 'apply'; event: ApplyEvent };

/** Runs a plan through host clients (the apply module's `applyPlan`). */
export type ApplyPlan = (args: ApplyPlanArgs) => Promise<ChangeSet>;

/** Arguments of reconcileOnce; the capabilities after `onEvent` default to the real ones. */
export interface ReconcileOnceArgs {
  /** Directory of manifests. */
  dir: string;
  transport: Transport;
  /** Source revision; default: read from the git repository holding `dir` (`readRevision`). */
  revision?: string;
  policy?: Partial<SafetyPolicy>;
  /** Run the plan (true), or only compute it (false). */
  apply: boolean;
  /** With `apply`: run nothing at all when the brake is engaged (default: run all but the held-back destructive work). */
  refuseOnBrake?: boolean;
  /** Plan and apply only these hosts; every host is still observed, so placement stays right. */
  hosts?: readonly string[];
  /** Where VMs ran when last seen, for hosts that cannot be observed now. */
  placement?: LivePlacement;
  /** The previous cycle's rollout state (health timers of cluster members), when there was one. */
  rolloutState?: RolloutState;
  /** Most hosts observed or applied at once. */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: ReconcileEvent) => void;
  readRepo?: (args: { dir: string }) => Promise<ValidationResult>;
  createClient?: CreateHostClient;
  applyPlan?: ApplyPlan;
  now?: () => number;
}

/** What one reconcile found and did. */
export interface ReconcileResult {
  outcome: ReconcileOutcome;
  /** Why the outcome is `invalid` or `refused`. */
  reason?: string;
  revision: string;
  /** Errors and warnings from reading the manifests, then from compiling them. */
  diagnostics: Diagnostic[];
  /** Skipped documents and other notes from reading the manifests. */
  notices: Diagnostic[];
  /** Per host: its live state or why it could not be read (empty when invalid). */
  observed: Record<string, HostObservation>;
  /** Desired state, diff and plan (absent when the manifests are invalid). */
  computed?: ComputedPlan;
  /** What apply did (only when applied). */
  changeSet?: ChangeSet;
  /** Cluster rollouts: progress per cluster, members held back for their turn, state for the next cycle. */
  rollouts?: { clusters: RolloutStatus[]; held: HeldMember[]; state: RolloutState };
  /** Time spent in each step, in milliseconds. */
  durations: { read: number; observe: number; plan: number; apply: number };
}

/**
 * One reconcile: read the manifests → (invalid: stop) → observe every host → compute the plan →
 * (apply: run it) → result. Keeps no state between calls; the caller owns the transport.
 */
export async function reconcileOnce(args: ReconcileOnceArgs): Promise<ReconcileResult> {
  const now = args.now ?? Date.now;
  const durations = { read: 0, observe: 0, plan: 0, apply: 0 };
  const timed = async <T>(step: keyof typeof durations, work: () => Promise<T> | T): Promise<T> => {
    const started = now();
    try {
      return await work();
    } finally {
      durations[step] += now() - started;
    }
  };
  const emit = (event: ReconcileEvent): void => {
    try {
      args.onEvent?.(event);
    } catch {
      // a progress listener must not break a reconcile
    }
  };
  const signal = args.signal === undefined ? {} : { signal: args.signal };
  const concurrency = args.concurrency === undefined ? {} : { concurrency: args.concurrency };

  const validation = await timed('read', () => (args.readRepo ?? defaultReadRepo)({ dir: args.dir }));
  const revision = args.revision ?? (await timed('read', () => readRevision({ dir: args.dir })));
  const base = { revision, diagnostics: validation.diagnostics, notices: validation.notices, observed: {}, durations };
  if (validation.diagnostics.some((d) => d.severity === 'error')) {
    return { ...base, outcome: 'invalid', reason: 'the manifests have errors' };
  }
  const targets = hostTargets(validation.manifests.map((m) => m.resource));
  const unknown = (args.hosts ?? []).filter((name) => !targets.some((t) => t.name === name));
  if (unknown.length > 0) {
    const known = targets.map((t) => t.name).join(', ') || 'none';
    return { ...base, outcome: 'invalid', reason: `no Host named ${unknown.join(', ')} in the repository (hosts: ${known})` };
  }

  const clients = openHostClients({ transport: args.transport, targets, createClient: args.createClient ?? createHostClient });
  try {
    const observed = await timed('observe', () => observeHosts({ targets, connect: clients.connect, ...concurrency, ...signal, onEvent: emit, now }));
    const ungated = await timed('plan', () => computePlan({
      manifests: validation.manifests, revision, observed,
      ...(args.policy === undefined ? {} : { policy: args.policy }),
      ...(args.hosts === undefined ? {} : { hosts: args.hosts }),
      ...(args.placement === undefined ? {} : { placement: args.placement }),
    }));
    const rollout = await timed('plan', () => planWithRollouts({
      resources: validation.manifests.map((m) => m.resource), computed: ungated, observed,
      connect: (target, options) => args.transport.connect(target, options),
      ...(args.rolloutState === undefined ? {} : { previous: args.rolloutState }), ...signal, ...concurrency,
    }));
    const computed: ComputedPlan = rollout.plan === ungated.plan ? ungated : { ...ungated, plan: rollout.plan, summary: summarizePlan(rollout.plan) };
    const rollouts = { clusters: rollout.rollouts, held: rollout.held, state: rollout.state };
    const result = { ...base, observed, computed, rollouts, diagnostics: [...validation.diagnostics, ...computed.desired.diagnostics] };
    emit({ type: 'planned', revision, observed, computed });
    if (!args.apply) return { ...result, outcome: 'planned' };
    const refusal = refusalReason(computed, args.refuseOnBrake === true);
    if (refusal !== undefined) return { ...result, outcome: 'refused', reason: refusal };
    const changeSet = await timed('apply', () => (args.applyPlan ?? defaultApplyPlan)({
      plan: computed.plan, clientFor: (host) => clients.clientFor(host), ...concurrency, ...signal,
      onEvent: (event: ApplyEvent) => emit({ type: 'apply', event }),
    }));
    return { ...result, outcome: 'applied', changeSet };
  } finally {
    await clients.close();
  }
}

/** Why a computed plan must not be applied, or undefined. */
function refusalReason(computed: ComputedPlan, refuseOnBrake: boolean): string | undefined {
  if (computed.desired.diagnostics.some((d) => d.severity === 'error')) return 'compiling the manifests found errors';
  if (refuseOnBrake && computed.plan.brake !== undefined) return `the brake is engaged (${computed.plan.brake.code}): ${computed.plan.brake.message}`;
  return undefined;
}
