import { actionTarget } from '../../apply/index.js';
import type { PlanSummary } from '../../plan/index.js';
import type { ReconcileOutcome } from '../../reconcile/index.js';
import type { Change, UpdateClass } from '../../types/change.js';
import type { DesiredState, OwnerRef, Unplaced } from '../../types/desired.js';
import type { Diagnostic } from '../../types/diagnostic.js';
import type { Action, ActionKind, Brake, HostObservation, HostPlan, Plan, SkippedChange } from '../../types/plan.js';
import { actionSymbol, objectSymbol, REMOVES_OBJECT, type PlanSymbol } from './plan-symbols.js';

/** One action as shown in a plan. */
export interface PlanReportAction {
  kind: ActionKind;
  symbol: PlanSymbol;
  /** The libvirt object it acts on: domain, network, volume or pool name. */
  target: string;
  reason: string;
  drift: boolean;
  destructive: boolean;
}

/** One changed field of an object, live value → desired value. */
export interface PlanReportField {
  object: Change['object'];
  path: string;
  from: unknown;
  to: unknown;
  class: UpdateClass;
}

/** The actions of one gitvirt object on one host, with the fields that change. */
export interface PlanReportObject {
  owner: OwnerRef;
  symbol: PlanSymbol;
  /** Someone changed it on the host by hand; the plan puts it back. */
  drift: boolean;
  actions: PlanReportAction[];
  fields: PlanReportField[];
}

/** One host of a plan report. */
export interface PlanReportHost {
  host: string;
  reachable: boolean;
  error?: string;
  errorCode?: string;
  objects: PlanReportObject[];
  skipped: SkippedChange[];
  /** Objects to add, change and destroy (a replace counts as one added and one destroyed). */
  counts: ObjectCounts;
}

/** Objects to add, change and destroy. */
export interface ObjectCounts {
  add: number;
  change: number;
  destroy: number;
}

/** What each object symbol counts as, terraform-style. */
export const SYMBOL_COUNTS: Readonly<Record<PlanSymbol, ObjectCounts>> = {
  '+': { add: 1, change: 0, destroy: 0 },
  '~': { add: 0, change: 1, destroy: 0 },
  '↻': { add: 0, change: 1, destroy: 0 },
  '-/+': { add: 1, change: 0, destroy: 1 },
  '-': { add: 0, change: 0, destroy: 1 },
};

/** The brake, with what overrides it. */
export interface PlanReportBrake extends Brake {
  override: string;
}

/** Everything a plan output shows: pure data built from a reconcile result. */
export interface PlanReport {
  revision: string;
  outcome: ReconcileOutcome;
  /** Why the outcome is invalid or refused. */
  reason?: string;
  hosts: PlanReportHost[];
  brake?: PlanReportBrake;
  /** The plan's action counts (`changes` says whether anything would be done). */
  summary: PlanSummary;
  /** Objects to add, change and destroy over every host. */
  counts: ObjectCounts;
  unplaced: Unplaced[];
  diagnostics: Diagnostic[];
}

/** What a plan report is built from (a `ReconcileResult` fits). */
export interface PlanReportInput {
  outcome: ReconcileOutcome;
  reason?: string;
  revision: string;
  diagnostics: readonly Diagnostic[];
  observed: Readonly<Record<string, HostObservation>>;
  computed?: { desired: DesiredState; changes: Readonly<Record<string, readonly Change[]>>; plan: Plan; summary: PlanSummary };
}

/** What overrides each brake. */
export const BRAKE_OVERRIDE: Readonly<Record<Brake['code'], (held: number) => string>> = {
  EmptyDesiredState: () => 'if removing everything gitvirt owns is intended, run again with --allow-empty',
  TooManyDeletions: (held) => `if these deletions are intended, run again with --max-deletions ${Math.max(held, 1)}`,
  TooManyHostsUnreachable: () => 'bring the hosts back, or limit the run to the reachable hosts with --host',
};

/** Field paths that only restate the change itself. */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['owner.specHash']);

const EMPTY_SUMMARY: PlanSummary = { add: 0, change: 0, destroy: 0, skipped: 0, unreachable: 0, changes: false };

/** Builds the plan report: per host, actions grouped by the gitvirt object they serve, with field changes. Pure. */
export function buildPlanReport(input: PlanReportInput): PlanReport {
  const computed = input.computed;
  const hosts = computed?.plan.hosts.map((host) => reportHost(host, computed.changes[host.host] ?? [], input.observed[host.host])) ?? [];
  const brake = computed?.plan.brake;
  const held = hosts.reduce((n, h) => n + h.skipped.filter((s) => s.reason === 'BrakeEngaged').length, 0);
  return {
    revision: input.revision,
    outcome: input.outcome,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    hosts,
    ...(brake === undefined ? {} : { brake: { ...brake, override: BRAKE_OVERRIDE[brake.code](held) } }),
    summary: computed?.summary ?? EMPTY_SUMMARY,
    counts: sumCounts(hosts.map((h) => h.counts)),
    unplaced: computed?.desired.unplaced ?? [],
    diagnostics: [...input.diagnostics],
  };
}

/** Adds up object counts. */
export function sumCounts(counts: readonly ObjectCounts[]): ObjectCounts {
  return counts.reduce((sum, c) => ({ add: sum.add + c.add, change: sum.change + c.change, destroy: sum.destroy + c.destroy }), { add: 0, change: 0, destroy: 0 });
}

function reportHost(host: HostPlan, changes: readonly Change[], observation: HostObservation | undefined): PlanReportHost {
  const objects = groupObjects(host.actions, changes);
  const base: PlanReportHost = { host: host.host, reachable: host.reachable, objects, skipped: host.skipped, counts: sumCounts(objects.map((o) => SYMBOL_COUNTS[o.symbol])) };
  if (host.reachable) return base;
  const code = observation?.ok === false ? observation.code : undefined;
  return { ...base, error: host.error ?? 'not observed', ...(code === undefined ? {} : { errorCode: code }) };
}

/** Groups actions by owner, in order of each owner's first action. */
function groupObjects(actions: readonly Action[], changes: readonly Change[]): PlanReportObject[] {
  const groups = new Map<string, { owner: OwnerRef; actions: Action[] }>();
  for (const action of actions) {
    const key = ownerKey(action.owner);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { owner: action.owner, actions: [action] });
    else group.actions.push(action);
  }
  return [...groups.values()].map(({ owner, actions: own }) => {
    const related = changes.filter((c) => c.owner !== undefined && ownerKey(c.owner) === ownerKey(owner));
    const created = new Set(related.filter((c) => c.type === 'create').map((c) => `${c.object}/${c.name}`));
    let removed = false;
    const shown = own.map((action): PlanReportAction => {
      const target = actionTarget(action);
      const creates = removed || created.has(`${action.kind.split('.')[0]}/${target}`);
      if (REMOVES_OBJECT.has(action.kind)) removed = true;
      return { kind: action.kind, symbol: actionSymbol(action, creates), target, reason: action.reason, drift: action.drift, destructive: action.destructive };
    });
    const fields = related
      .filter((c) => c.type === 'update')
      .flatMap((c) => c.fields.filter((f) => !HIDDEN_FIELDS.has(f.path)).map((f) => ({ object: c.object, path: f.path, from: f.from, to: f.to, class: f.class })));
    const drift = shown.some((a) => a.drift) || related.some((c) => c.drift);
    return { owner, symbol: objectSymbol(shown), drift, actions: shown, fields };
  });
}

/** `VirtualMachine/web` (cluster members are named uniquely too). */
function ownerKey(owner: { kind: string; name: string }): string {
  return `${owner.kind}/${owner.name}`;
}
