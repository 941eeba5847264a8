/**
 * Reconcile: one pass of the GitOps loop, as a short list of steps — read the manifests, observe
 * every host (I/O, bounded in parallel, a failing host never stops the others), compute the plan
 * (pure: compile with live placement and capacities, diff, plan), and optionally apply it.
 */
export { reconcileOnce, type ApplyPlan, type ReconcileEvent, type ReconcileOnceArgs, type ReconcileOutcome, type ReconcileResult } from './reconcile-once.js';
export { computePlan, type ComputedPlan, type ComputePlanInput, type PlanSource } from './compute-plan.js';
export { observeHosts, failedObservation, DEFAULT_OBSERVE_CONCURRENCY, type ConnectHost, type ObserveEvent, type ObserveHostsArgs } from './observe-hosts.js';
export { openHostClients, type CreateHostClient, type HostClients } from './host-clients.js';
export { hostTargets } from './host-targets.js';
export { livePlacement, observedCapacities } from './live-placement.js';
export { readRevision, LOCAL_REVISION, DIRTY_SUFFIX } from './read-revision.js';
export { mapBounded } from './map-bounded.js';
export { ObserveAbortedError, UnknownHostError } from './errors.js';
