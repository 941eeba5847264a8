/** computeStatus: the whole status tree of one cycle, from everything the cycle gathered. Pure. */
import type { RolloutStatus } from '../rollout/index.js';
import type { ChangeSet } from '../types/change-set.js';
import type { DesiredState } from '../types/desired.js';
import type { Diagnostic } from '../types/diagnostic.js';
import type { HostObservation, Plan } from '../types/plan.js';
import { collectFindings, diagnosticMessage, resourceKey, type Finding, type Findings } from './collect-findings.js';
import { hostStatusOf } from './host-status.js';
import { oneLine, shortRevision } from './one-line.js';
import { REASON_RULES } from './reasons.js';
import { resourceStatusOf, verdictOf, type Verdict } from './resource-status.js';
import { clusterVerdict, resourceDetails, resourceRefs, type ResourceRef, type VmVerdict } from './status-resources.js';
import { hostPath, resourcePath, safeStatusName } from './status-paths.js';
import { STATUS_API_VERSION, type HostStatusDoc, type ResourceStatusDoc, type StatusSnapshot } from './status-types.js';

/** Everything one cycle gathered; only `revision`, `validation`, `observed` and `now` are required. */
export interface StatusInput {
  /** Source revision of the cycle. */
  revision: string;
  /** The manifests read (their resources name the status files) and their diagnostics. */
  validation: { diagnostics: readonly Diagnostic[]; manifests?: readonly { resource: { kind: string; metadata: { name: string } } }[] };
  desired?: DesiredState;
  observed: Readonly<Record<string, HostObservation>>;
  plan?: Plan;
  changeSet?: ChangeSet;
  now: Date | string;
  /** The status last written, for transition times, last errors and the inventory of unreachable hosts. */
  previous?: StatusSnapshot;
  /** Cluster rollouts of the cycle (the reconcile's `rollouts.clusters`): conditions and progress of each Cluster. */
  rollouts?: readonly RolloutStatus[];
}

/** Why nothing was reconciled this cycle, or undefined when the manifests compiled. */
function blockedReason(input: StatusInput): string | undefined {
  const errors = input.validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return `the repository has ${errors.length} error${errors.length === 1 ? '' : 's'}, nothing was applied; first: ${diagnosticMessage(errors[0]!)}`;
  if (input.desired === undefined) return 'the manifests were not compiled, nothing was applied';
  const compileErrors = input.desired.diagnostics.filter((d) => d.severity === 'error');
  if (compileErrors.length > 0 && input.changeSet === undefined) {
    return `compiling the manifests found ${compileErrors.length} error${compileErrors.length === 1 ? '' : 's'}, nothing was applied; first: ${diagnosticMessage(compileErrors[0]!)}`;
  }
  return undefined;
}

/** Findings of a blocked cycle: every resource is InvalidManifests, with its own diagnostic when it has one. */
function blockedFindings(input: StatusInput, refs: readonly ResourceRef[], why: string): Findings {
  const own = new Map<string, Diagnostic>();
  for (const d of [...input.validation.diagnostics, ...(input.desired?.diagnostics ?? [])]) {
    if (d.severity !== 'error' || d.resource === undefined) continue;
    const key = `${d.resource.kind}/${d.resource.name}`;
    if (!own.has(key)) own.set(key, d);
  }
  return new Map(refs.map((ref) => {
    const key = resourceKey(ref.kind, ref.name);
    const d = own.get(key);
    const finding: Finding = { reason: 'InvalidManifests', message: d === undefined ? oneLine(why) : diagnosticMessage(d) };
    return [key, [finding]];
  }));
}

/** The time as ISO 8601. */
function isoTime(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

/**
 * The status tree of a cycle: `status/<Kind>/<name>.yaml` per resource (conditions, placement,
 * addresses, last error) and `hosts/<host>.yaml` per host (reachability, capacity, inventory).
 * Never reads seed files, passwords or keys: only names, states, counts and messages. Pure and
 * deterministic: the same input gives the same documents.
 */
export function computeStatus(input: StatusInput): StatusSnapshot {
  const now = isoTime(input.now);
  const blocked = blockedReason(input);
  let findings: Findings = blocked === undefined ? collectFindings(input) : new Map();
  const refs = resourceRefs(input, blocked !== undefined, findings);
  if (blocked !== undefined) findings = blockedFindings(input, refs, blocked);
  const upToDate: Verdict = { reason: 'Unchanged', message: `up to date with ${shortRevision(input.revision)}` };
  const vmVerdict: VmVerdict = (name) => verdictOf(findings.get(resourceKey('VirtualMachine', name)) ?? [], input.revision, upToDate);
  const resources = new Map<string, ResourceStatusDoc>();
  for (const ref of refs) {
    const key = resourceKey(ref.kind, ref.name);
    const path = resourcePath(ref.kind, ref.name);
    const previous = input.previous?.resources.get(path)?.status;
    const own = findings.get(key) ?? [];
    const verdict = ref.kind === 'Cluster' && blocked === undefined
      ? clusterVerdict(ref.name, input.desired, own, vmVerdict, input.rollouts?.find((r) => r.cluster === ref.name))
      : verdictOf(own, input.revision, ref.fallback ?? upToDate);
    const details = blocked === undefined ? resourceDetails(ref, input, vmVerdict) : keptDetails(previous);
    resources.set(path, {
      apiVersion: STATUS_API_VERSION,
      kind: ref.kind,
      metadata: { name: ref.name },
      status: resourceStatusOf({ verdict, previous, revision: input.revision, now, details }),
    });
  }
  return { resources, hosts: hostDocs(input, blocked !== undefined, now) };
}

/** The details of a previous status, for a cycle that could not recompute them. */
function keptDetails(previous: ResourceStatusDoc['status'] | undefined): Omit<ResourceStatusDoc['status'], 'conditions' | 'observedRevision' | 'lastError'> {
  if (previous === undefined) return {};
  const { conditions: _c, observedRevision: _r, lastError: _e, ...details } = previous;
  if (details.members !== undefined) details.members = details.members.map((m) => ({ ...m, ready: false, reason: 'InvalidManifests' }));
  return details;
}

/** Host documents: every Host compiled or observed; a blocked cycle that observed nothing keeps the previous ones. */
function hostDocs(input: StatusInput, blocked: boolean, now: string): Map<string, HostStatusDoc> {
  const names = new Set([...Object.keys(input.desired?.hosts ?? {}), ...Object.keys(input.observed)].filter(safeStatusName));
  if (blocked && names.size === 0) return new Map(input.previous?.hosts ?? []);
  const docs = new Map<string, HostStatusDoc>();
  for (const host of [...names].sort()) {
    const path = hostPath(host);
    docs.set(path, hostStatusOf({
      host, observation: input.observed[host], desired: input.desired?.hosts[host], previous: input.previous?.hosts.get(path), now,
    }));
  }
  return docs;
}

/** True when a resource document says Ready. */
export function isReady(doc: ResourceStatusDoc): boolean {
  const ready = doc.status.conditions.find((c) => c.type === 'Ready');
  return ready?.status === 'True' && (REASON_RULES[ready.reason]?.ready ?? true);
}
