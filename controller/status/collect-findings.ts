/** Gathers, per resource, what the cycle found about it: diagnostics, placement, reachability, plan and apply results. */
import type { ChangeSet, ChangeSetEntry } from '../types/change-set.js';
import type { DesiredState, OwnerRef } from '../types/desired.js';
import type { Diagnostic } from '../types/diagnostic.js';
import type { HostObservation, Plan, SkipReason } from '../types/plan.js';
import { oneLine, shortRevision } from './one-line.js';
import { SKIP_REASONS, type StatusReason } from './reasons.js';
import type { StatusKind } from './status-types.js';

/** One thing the cycle found about a resource. */
export interface Finding {
  reason: StatusReason;
  message: string;
  host?: string;
  /** For Applied: how many changes of each result. */
  result?: ChangeSetEntry['result'];
}

/** Findings keyed by `<Kind>/<name>`. */
export type Findings = Map<string, Finding[]>;

/** The key of a resource in findings and snapshots. */
export function resourceKey(kind: StatusKind, name: string): string {
  return `${kind}/${name}`;
}

/** The resource an owned libvirt object belongs to: the gitvirt pool belongs to its Host. */
export function ownerKey(owner: OwnerRef, host: string): string {
  return owner.kind === 'Pool' ? resourceKey('Host', host) : resourceKey(owner.kind, owner.name);
}

/** Inputs findings are collected from. */
export interface FindingInput {
  revision: string;
  desired?: DesiredState;
  observed: Readonly<Record<string, HostObservation>>;
  plan?: Plan;
  changeSet?: ChangeSet;
}

/** A diagnostic as one message line: `file:line:col /path: message`. */
export function diagnosticMessage(d: Diagnostic): string {
  const path = d.path === '' ? '' : ` ${d.path}`;
  return oneLine(`${d.file}:${d.line}:${d.column}${path}: ${d.message}`);
}

/** Collects the findings of a cycle whose manifests could be compiled. Pure. */
export function collectFindings(input: FindingInput): Findings {
  const findings: Findings = new Map();
  const add = (key: string, finding: Finding): void => {
    const list = findings.get(key);
    if (list === undefined) findings.set(key, [finding]);
    else list.push(finding);
  };
  const { desired } = input;
  for (const d of desired?.diagnostics ?? []) {
    if (d.severity === 'error' && d.resource !== undefined) add(`${d.resource.kind}/${d.resource.name}`, { reason: 'InvalidManifests', message: diagnosticMessage(d) });
  }
  for (const unplaced of desired?.unplaced ?? []) {
    add(resourceKey('VirtualMachine', unplaced.vm), { reason: unplaced.code as StatusReason, message: oneLine(`not placed: ${unplaced.reason}`) });
  }
  for (const [host, state] of Object.entries(desired?.hosts ?? {})) {
    const observation = input.observed[host];
    if (observation === undefined || observation.ok) continue;
    const finding: Finding = { reason: 'HostUnreachable', host, message: oneLine(`host ${host} unreachable: ${observation.error}`) };
    for (const key of [
      resourceKey('Host', host),
      ...state.vms.map((vm) => resourceKey('VirtualMachine', vm.name)),
      ...state.networks.map((n) => resourceKey('Network', n.name)),
      ...state.images.map((i) => resourceKey('Image', i.name)),
    ]) add(key, finding);
  }
  if (input.changeSet !== undefined) collectApplied(input.changeSet, input.revision, add);
  else if (input.plan !== undefined) collectPlanned(input.plan, add);
  return findings;
}

/** What each change result says about its resource. */
const RESULT_REASON: Readonly<Record<ChangeSetEntry['result'], StatusReason | undefined>> = {
  created: 'Applied',
  configured: 'Applied',
  deleted: 'Applied',
  unchanged: 'Unchanged',
  failed: 'ApplyFailed',
  skipped: undefined,
};

function collectApplied(changeSet: ChangeSet, revision: string, add: (key: string, finding: Finding) => void): void {
  for (const entry of changeSet.entries) {
    const key = ownerKey(entry.owner, entry.host);
    const target = entry.target ?? entry.owner.name;
    const reason = RESULT_REASON[entry.result];
    if (entry.result === 'failed') {
      const why = entry.error?.message ?? entry.message ?? 'failed';
      add(key, { reason: 'ApplyFailed', host: entry.host, message: oneLine(`${entry.host}: ${entry.kind} ${target} failed: ${why}`) });
    } else if (reason !== undefined) {
      add(key, { reason, host: entry.host, result: entry.result, message: oneLine(`${reason === 'Applied' ? 'applied' : 'up to date with'} ${shortRevision(revision)}`) });
    } else if (SKIP_REASONS.has(entry.reason as SkipReason)) {
      add(key, { reason: entry.reason as StatusReason, host: entry.host, message: oneLine(`${entry.host}: ${entry.message ?? entry.reason}`) });
    } else {
      const reason: StatusReason = entry.reason.startsWith(HOST_UNAVAILABLE) ? 'HostUnreachable' : 'Progressing';
      add(key, { reason, host: entry.host, message: oneLine(`${entry.host}: ${entry.kind} ${target} not run: ${entry.reason}`) });
    }
  }
  for (const result of changeSet.hosts) {
    const failedAction = changeSet.entries.some((e) => e.host === result.host && e.result === 'failed');
    if (result.ok || result.error === undefined || result.error.code === 'HostUnreachable' || failedAction) continue;
    const reason: StatusReason = result.error.code === 'Cancelled' ? 'Progressing' : 'HostUnreachable';
    add(resourceKey('Host', result.host), { reason, host: result.host, message: oneLine(`${result.host}: ${result.error.message}`) });
  }
}

/** How apply words the skip of every action of a host it could not open. */
const HOST_UNAVAILABLE = 'host unavailable';

function collectPlanned(plan: Plan, add: (key: string, finding: Finding) => void): void {
  for (const host of plan.hosts) {
    for (const action of host.actions) {
      const finding: Finding = plan.brake === undefined
        ? { reason: 'Progressing', host: host.host, message: oneLine(`${host.host}: ${action.kind} planned: ${action.reason}`) }
        : { reason: 'BrakeEngaged', host: host.host, message: oneLine(`not applied, the brake is engaged (${plan.brake.code}): ${plan.brake.message}`) };
      add(ownerKey(action.owner, host.host), finding);
    }
    for (const skip of host.skipped) {
      add(ownerKey(skip.owner, host.host), { reason: skip.reason, host: host.host, message: oneLine(`${host.host}: ${skip.message}`) });
    }
  }
}
