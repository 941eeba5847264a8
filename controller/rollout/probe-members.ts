import { probeMember as defaultProbeMember, type HealthResult } from '../health/index.js';
import { mapBounded } from '../reconcile/map-bounded.js';
import type { HostConnection } from '../transport/index.js';
import type { DesiredState, DesiredVm, HostTarget } from '../types/desired.js';
import type { HostObservation } from '../types/plan.js';
import { RUNNING_STATES } from './cluster-members.js';
import type { MemberHealth } from './rollout-status.js';

/** Opens a connection to a host (the transport's `connect`); the probes close it when done. */
export type ConnectForProbe = (target: HostTarget, options: { signal?: AbortSignal }) => Promise<HostConnection>;

/** Probes one VM from its host (the health module's `probeMember`). */
export type ProbeMember = (args: { connection: HostConnection; uri: string; vm: DesiredVm; signal?: AbortSignal }) => Promise<HealthResult>;

/** Arguments of probeMembers. */
export interface ProbeMembersArgs {
  desired: DesiredState;
  observed: Readonly<Record<string, HostObservation>>;
  connect: ConnectForProbe;
  /** Most hosts probed at once (default 8); a host's members are probed one after another. */
  concurrency?: number;
  signal?: AbortSignal;
  probe?: ProbeMember;
}

/** Default bound on hosts probed at once. */
export const DEFAULT_PROBE_CONCURRENCY = 8;

/**
 * Probes the health check of every running cluster member on a reachable host, from that host,
 * one connection per host. Members without a health check, or not running, are not probed.
 * Never rejects: a host that cannot be reached makes its members `unknown`.
 */
export async function probeMembers(args: ProbeMembersArgs): Promise<Record<string, MemberHealth>> {
  const probe = args.probe ?? defaultProbeMember;
  const signal = args.signal === undefined ? {} : { signal: args.signal };
  const work = Object.keys(args.desired.hosts).sort().flatMap((host) => {
    const observation = args.observed[host];
    if (observation?.ok !== true) return [];
    const running = new Set(observation.live.domains.filter((d) => RUNNING_STATES.has(d.state)).map((d) => d.name));
    const vms = (args.desired.hosts[host]?.vms ?? []).filter((vm) => vm.cluster !== undefined && vm.health !== undefined && running.has(vm.name));
    const target = args.desired.hosts[host]?.host;
    return vms.length === 0 || target === undefined ? [] : [{ target, vms }];
  });
  const results = await mapBounded(work, args.concurrency ?? DEFAULT_PROBE_CONCURRENCY, async ({ target, vms }) => {
    let connection: HostConnection;
    try {
      connection = await args.connect(target, signal);
    } catch (err) {
      const reason = `cannot probe from ${target.name}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
      return vms.map((vm) => [vm.name, { status: 'unknown', reason }] as const);
    }
    try {
      const found: (readonly [string, MemberHealth])[] = [];
      for (const vm of vms) found.push([vm.name, await probe({ connection, uri: target.uri, vm, ...signal })]);
      return found;
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
  return Object.fromEntries(results.flat());
}
