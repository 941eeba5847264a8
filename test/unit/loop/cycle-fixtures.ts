/** Hand-made reconcile results and cycle reports for loop and metrics tests (our own shapes, no I/O). */
import { summarizePlan } from '../../../controller/plan/index.js';
import { cycleReport, type CycleFacts } from '../../../controller/reconcile/loop-report.js';
import type { CycleReport } from '../../../controller/reconcile/loop-types.js';
import type { ReconcileResult } from '../../../controller/reconcile/index.js';
import type { SourceRevision } from '../../../controller/source/index.js';
import type { ChangeSetEntry, ChangeResult } from '../../../controller/types/change-set.js';
import type { Change } from '../../../controller/types/change.js';
import type { Diagnostic } from '../../../controller/types/diagnostic.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { ActionKind, Brake, HostObservation, Plan } from '../../../controller/types/plan.js';

/** A source revision checked out at `/checkouts/<rev>`. */
export function revisionOf(revision: string, changed = true): SourceRevision {
  return {
    revision, ref: 'refs/heads/main', dir: `/checkouts/${revision}`, gitdir: '/cache/repo.git',
    author: null, committer: null, message: '', timestamp: null, changed, forced: false,
  };
}

/** A reachable host's (empty) live state, with the given owned domains. */
export function live(host: string, domains: string[] = []): LiveHostState {
  return {
    host, observedAt: '2026-01-01T00:00:00.000Z', node: { cpus: 4, memoryMiB: 8192 }, kvm: true,
    domains: domains.map((name) => ({ name, uuid: `uuid-${name}`, state: 'running', autostart: true, owner: { kind: 'VirtualMachine', name, specHash: 'h', revision: 'r' } })),
    networks: [], pools: [], volumes: [],
  };
}

/** An entry of a change set. */
export function entry(host: string, kind: ActionKind, result: ChangeResult, extra: Partial<ChangeSetEntry> = {}): ChangeSetEntry {
  return { host, kind, owner: { kind: 'VirtualMachine', name: 'web' }, reason: 'test', drift: false, result, durationMs: 5, ...extra };
}

/** A drifted domain change on `host`. */
export function driftChange(host: string, name = 'web'): Change {
  return { host, object: 'domain', name, type: 'update', class: 'live', fields: [{ path: '/memoryMiB', from: 256, to: 128, class: 'live' }], drift: true };
}

/** Options of appliedResult. */
export interface AppliedOptions {
  revision?: string;
  entries?: ChangeSetEntry[];
  /** Hosts and whether each answered (default hv1 and hv2 up). */
  hosts?: Record<string, boolean | string[]>;
  changes?: Record<string, Change[]>;
  brake?: Brake;
  unplaced?: number;
}

/** The result of a reconcile whose plan ran. */
export function appliedResult(o: AppliedOptions = {}): ReconcileResult {
  const revision = o.revision ?? 'a'.repeat(40);
  const hosts = o.hosts ?? { hv1: true, hv2: true };
  const observed: Record<string, HostObservation> = Object.fromEntries(Object.entries(hosts).map(([host, up]) => [
    host, up === false ? { ok: false, error: 'connection refused', code: 'HostUnreachable' } : { ok: true, live: live(host, Array.isArray(up) ? up : []) },
  ]));
  const plan: Plan = {
    revision,
    hosts: Object.keys(hosts).map((host) => ({ host, reachable: hosts[host] !== false, actions: [], skipped: [] })),
    ...(o.brake === undefined ? {} : { brake: o.brake }),
  };
  const entries = o.entries ?? [];
  return {
    outcome: 'applied', revision, diagnostics: [], notices: [], observed,
    computed: {
      desired: {
        revision, hosts: {}, diagnostics: [],
        unplaced: Array.from({ length: o.unplaced ?? 0 }, (_, i) => ({ vm: `vm${i}`, owner: { kind: 'VirtualMachine' as const, name: `vm${i}` }, reason: 'no room', code: 'InsufficientCapacity' })),
      },
      changes: o.changes ?? {}, plan, summary: summarizePlan(plan),
    },
    changeSet: {
      revision, entries,
      hosts: Object.keys(hosts).map((host) => (hosts[host] === false
        ? { host, ok: false, error: { code: 'HostUnreachable', message: 'connection refused' } }
        : entries.some((e) => e.host === host && e.result === 'failed')
          ? { host, ok: false, error: entries.find((e) => e.host === host && e.result === 'failed')!.error! }
          : { host, ok: true })),
      ...(o.brake === undefined ? {} : { brake: o.brake }),
    },
    durations: { read: 1, observe: 1, plan: 1, apply: 1 },
  };
}

/** A schema error in `vms/web.yaml`. */
export function schemaError(message = 'must be an integer >= 64'): Diagnostic {
  return { severity: 'error', code: 'schema', message, file: 'vms/web.yaml', line: 7, column: 14, path: '/spec/memoryMiB', resource: { kind: 'VirtualMachine', name: 'web' } };
}

/** The result of a reconcile of invalid manifests. */
export function invalidResult(revision = 'b'.repeat(40)): ReconcileResult {
  return {
    outcome: 'invalid', reason: 'the manifests have errors', revision, diagnostics: [schemaError()], notices: [], observed: {},
    durations: { read: 1, observe: 0, plan: 0, apply: 0 },
  };
}

/** A cycle report built from a result, as the loop builds it. */
export function reportOf(result: ReconcileResult | undefined, facts: Partial<CycleFacts> = {}): CycleReport {
  return cycleReport({
    cycle: 1, wake: 'start', startedAtMs: 1_000_000, finishedAtMs: 1_002_500,
    fetch: { ok: true, durationMs: 120, changed: true },
    source: result === undefined ? null : revisionOf(result.revision),
    previousAppliedRevision: null, aborted: false,
    ...(result === undefined ? {} : { result }),
    ...facts,
  });
}
