/**
 * Scenarios for the rollout gate: a cluster `web` of 2 zones x 2 replicas (zone-b listed first and
 * active, zone-a standby) on four hosts, booted from a kernel (no disks), with an HTTP health check.
 * Template versions differ only in the kernel command line. Live states are built from the compiled
 * desired state: each member's domain carries the spec hash of the version it runs.
 */
import { computePlan, type ComputedPlan } from '../../../controller/reconcile/index.js';
import type { MemberHealth } from '../../../controller/rollout/index.js';
import type { DesiredVm } from '../../../controller/types/desired.js';
import type { DomainState, LiveDomain } from '../../../controller/types/live.js';
import type { HostObservation } from '../../../controller/types/plan.js';
import type { Cluster, ClusterSpec, Host, Network, Resource } from '../../../controller/types/resources.js';

export const MEMBERS = ['web-zone-a-0', 'web-zone-a-1', 'web-zone-b-0', 'web-zone-b-1'] as const;
export type Member = (typeof MEMBERS)[number];
export const T0 = new Date('2026-11-23T12:00:00Z');

const host = (i: number): Host => ({
  apiVersion: 'gitvirt.io/v1alpha1', kind: 'Host', metadata: { name: `hv${i}` },
  spec: { address: `10.77.${i}.2`, hostKey: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${'A'.repeat(42)}${i} hv${i}`, zone: i % 2 === 1 ? 'zone-a' : 'zone-b' },
});
const network: Network = {
  apiVersion: 'gitvirt.io/v1alpha1', kind: 'Network', metadata: { name: 'gvnet' },
  spec: { mode: 'nat', cidr: '192.168.240.0/24', dhcp: { start: '192.168.240.100', end: '192.168.240.199' } },
};

/** The cluster at template `version` (its cmdline), with spec overrides. */
export function cluster(version: number, overrides: Partial<ClusterSpec> = {}, template: Partial<ClusterSpec['template']['spec']> = {}): Cluster {
  return {
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'Cluster', metadata: { name: 'web' },
    spec: {
      template: {
        spec: {
          cpus: 1, memoryMiB: 128, domainType: 'qemu',
          interfaces: [{ network: 'gvnet' }],
          boot: { kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: `console=ttyS0 v=${version}` },
          health: { http: { port: 80, path: '/health' } },
          ...template,
        },
      },
      zones: [{ name: 'zone-b', replicas: 2, role: 'active' }, { name: 'zone-a', replicas: 2, role: 'standby' }],
      ...overrides,
    },
  };
}

/** Hosts hv1..hv4, the network and `theCluster`. */
export function resources(theCluster: Cluster): Resource[] {
  return [host(1), host(2), host(3), host(4), network, theCluster];
}

const emptyLive = (name: string): HostObservation => ({
  ok: true,
  live: { host: name, observedAt: T0.toISOString(), node: { cpus: 8, memoryMiB: 16384 }, kvm: false, domains: [], networks: [], pools: [], volumes: [] },
});

/** Each member's compiled VM and host at template `version` (placement on empty hosts). */
export function desiredAt(theCluster: Cluster): Map<string, { host: string; vm: DesiredVm }> {
  const observed = Object.fromEntries(['hv1', 'hv2', 'hv3', 'hv4'].map((h) => [h, emptyLive(h)]));
  const { desired } = computePlan({ resources: resources(theCluster), revision: 'r', observed });
  const out = new Map<string, { host: string; vm: DesiredVm }>();
  for (const [name, hostState] of Object.entries(desired.hosts)) for (const vm of hostState.vms) out.set(vm.name, { host: name, vm });
  return out;
}

/** How one member's domain looks on its host: which template version it runs, and its run state. */
export interface MemberLive {
  version: number;
  state?: DomainState;
}

/** Observations of the four hosts with the members' domains as given (a member left out has no domain). */
export function observe(members: Partial<Record<Member, MemberLive>>, unreachable: readonly string[] = []): Record<string, HostObservation> {
  const observed: Record<string, HostObservation> = {};
  for (const h of ['hv1', 'hv2', 'hv3', 'hv4']) {
    observed[h] = unreachable.includes(h) ? { ok: false, error: `failed to connect to ${h}: timed out`, code: 'HostUnreachable' } : emptyLive(h);
  }
  for (const [name, member] of Object.entries(members) as [Member, MemberLive][]) {
    const placed = desiredAt(cluster(member.version)).get(name);
    if (placed === undefined) throw new Error(`no member ${name}`);
    const observation = observed[placed.host];
    if (observation?.ok !== true) continue;
    const domain: LiveDomain = {
      name, uuid: `7c2a5b2e-0000-4000-8000-${String(MEMBERS.indexOf(name)).padStart(12, '0')}`,
      state: member.state ?? 'running', autostart: true,
      owner: { kind: 'VirtualMachine', name, specHash: placed.vm.specHash, revision: `r${member.version}` },
    };
    observation.live.domains.push(domain);
  }
  return observed;
}

/** Every member running template `version`. */
export function allAt(version: number): Record<Member, MemberLive> {
  return Object.fromEntries(MEMBERS.map((name) => [name, { version }])) as Record<Member, MemberLive>;
}

/** Health of every member: healthy unless listed otherwise. */
export function health(unhealthy: Partial<Record<Member, string>> = {}, omit: readonly Member[] = []): Record<string, MemberHealth> {
  return Object.fromEntries(MEMBERS.filter((m) => !omit.includes(m)).map((m) => [m, unhealthy[m] === undefined
    ? { status: 'healthy', reason: `http GET http://192.168.240.1${MEMBERS.indexOf(m)}:80/health answered 200` }
    : { status: 'unhealthy', reason: unhealthy[m] }]));
}

/** computePlan of the cluster against the observations. */
export function planFor(theCluster: Cluster, observed: Record<string, HostObservation>): ComputedPlan {
  const placement = Object.fromEntries([...desiredAt(cluster(1)).entries()].map(([name, { host }]) => [name, host]));
  return computePlan({ resources: resources(theCluster), revision: 'r', observed, placement });
}

/** `kind member` of every domain action in a plan, host by host. */
export function domainActions(plan: ComputedPlan['plan']): string[] {
  return plan.hosts.flatMap((h) => h.actions.filter((a) => a.kind.startsWith('domain.')).map((a) => `${a.kind} ${a.owner.name}`));
}
