/** Which resources get a status document, and the details (placement, addresses, members) each records. */
import type { RolloutStatus } from '../rollout/index.js';
import type { DesiredState, DesiredVm } from '../types/desired.js';
import { clusterRollout, rolloutVerdict, withRolloutProgress } from './cluster-rollout.js';
import { resourceKey, type Finding, type Findings } from './collect-findings.js';
import type { StatusInput } from './compute-status.js';
import { oneLine } from './one-line.js';
import { REASON_RULES, reasonRank } from './reasons.js';
import type { Verdict } from './resource-status.js';
import { parseStatusPath, safeStatusName } from './status-paths.js';
import { STATUS_KINDS, type ClusterMember, type IpAddress, type ResourceStatus, type StatusKind } from './status-types.js';

/** A resource to write a status document for; `fallback` is its verdict when the cycle found nothing about it. */
export interface ResourceRef {
  kind: StatusKind;
  name: string;
  fallback?: Verdict;
}

/** Hosts (in name order) holding each Network, Image and VM. */
function placements(desired: DesiredState | undefined): Map<string, string[]> {
  const hosts = new Map<string, string[]>();
  const add = (key: string, host: string) => hosts.set(key, [...(hosts.get(key) ?? []), host]);
  for (const host of Object.keys(desired?.hosts ?? {}).sort()) {
    const state = desired!.hosts[host]!;
    for (const vm of state.vms) add(resourceKey('VirtualMachine', vm.name), host);
    for (const network of state.networks) add(resourceKey('Network', network.name), host);
    for (const image of state.images) add(resourceKey('Image', image.name), host);
  }
  return hosts;
}

/** The resources compile produced, when the manifests themselves are not at hand. */
function desiredRefs(desired: DesiredState | undefined): { kind: string; name: string }[] {
  const refs: { kind: string; name: string }[] = [];
  for (const state of Object.values(desired?.hosts ?? {})) {
    refs.push({ kind: 'Host', name: state.host.name });
    for (const vm of state.vms) {
      if (vm.cluster === undefined) refs.push({ kind: 'VirtualMachine', name: vm.name });
      else refs.push({ kind: 'Cluster', name: vm.cluster.name });
    }
    for (const network of state.networks) refs.push({ kind: 'Network', name: network.name });
    for (const image of state.images) refs.push({ kind: 'Image', name: image.name });
  }
  for (const unplaced of desired?.unplaced ?? []) {
    refs.push(unplaced.owner.cluster === undefined ? { kind: 'VirtualMachine', name: unplaced.vm } : { kind: 'Cluster', name: unplaced.owner.cluster });
  }
  return refs;
}

/**
 * The resources of a cycle, sorted by kind then name: those of the manifests (or of the desired
 * state); a blocked cycle adds those of the previous status, so a typo does not erase them; a
 * reconciled one adds objects removed from the manifests that still exist and are not Ready
 * (deletion protected, held by the brake, failed to delete).
 */
export function resourceRefs(input: StatusInput, blocked: boolean, findings: Findings): ResourceRef[] {
  const found = input.validation.manifests?.map((m) => ({ kind: m.resource.kind, name: m.resource.metadata.name })) ?? desiredRefs(input.desired);
  const refs = new Map<string, ResourceRef>();
  const add = (kind: string, name: string, fallback?: Verdict) => {
    if (!(STATUS_KINDS as readonly string[]).includes(kind) || !safeStatusName(name)) return;
    const key = resourceKey(kind as StatusKind, name);
    if (!refs.has(key)) refs.set(key, { kind: kind as StatusKind, name, ...(fallback === undefined ? {} : { fallback }) });
  };
  const placed = placements(input.desired);
  for (const { kind, name } of found) {
    const unneeded = (kind === 'Network' || kind === 'Image') && !placed.has(resourceKey(kind, name));
    add(kind, name, unneeded ? { reason: 'Unchanged', message: 'not needed on any host' } : undefined);
  }
  if (blocked) {
    for (const path of input.previous?.resources.keys() ?? []) {
      const parsed = parseStatusPath(path);
      if (parsed?.type === 'resource') add(parsed.kind, parsed.name);
    }
  } else {
    for (const [key, list] of findings) {
      const [kind = '', name = ''] = key.split('/');
      if (kind !== 'Host' && kind !== 'Cluster' && list.some((f) => !REASON_RULES[f.reason].ready)) add(kind, name);
    }
  }
  const kindRank = (kind: StatusKind) => STATUS_KINDS.indexOf(kind);
  return [...refs.values()].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A VM's static addresses, from its interfaces. */
function ipAddresses(vm: DesiredVm): IpAddress[] {
  return vm.interfaces.flatMap((nic) => (nic.ip === undefined ? [] : [{ ip: nic.ip, network: nic.network, mac: nic.mac, source: 'static' as const }]));
}

/** The VMs of a cluster, by name, with the host each is placed on. */
function clusterMembers(name: string, desired: DesiredState | undefined): { name: string; host?: string; vm?: DesiredVm }[] {
  const members = new Map<string, { name: string; host?: string; vm?: DesiredVm }>();
  for (const host of Object.keys(desired?.hosts ?? {}).sort()) {
    for (const vm of desired!.hosts[host]!.vms) if (vm.cluster?.name === name) members.set(vm.name, { name: vm.name, host, vm });
  }
  for (const unplaced of desired?.unplaced ?? []) if (unplaced.owner.cluster === name) members.set(unplaced.vm, { name: unplaced.vm });
  return [...members.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The verdict of a VM by name (cluster members have no document of their own). */
export type VmVerdict = (name: string) => Verdict;

/** The details a resource's status records in a reconciled cycle. */
export function resourceDetails(ref: ResourceRef, input: StatusInput, vmVerdict: VmVerdict): Omit<ResourceStatus, 'conditions' | 'observedRevision' | 'lastError'> {
  const key = resourceKey(ref.kind, ref.name);
  const hosts = placements(input.desired).get(key) ?? [];
  switch (ref.kind) {
    case 'Host':
      return { reachable: input.observed[ref.name]?.ok === true };
    case 'VirtualMachine': {
      const vm = hosts[0] === undefined ? undefined : input.desired?.hosts[hosts[0]]?.vms.find((v) => v.name === ref.name);
      const addresses = vm === undefined ? [] : ipAddresses(vm);
      return { ...(hosts[0] === undefined ? {} : { host: hosts[0] }), ...(addresses.length === 0 ? {} : { ipAddresses: addresses }) };
    }
    case 'Cluster': {
      const rollout = input.rollouts?.find((r) => r.cluster === ref.name);
      const members: ClusterMember[] = clusterMembers(ref.name, input.desired).map((m) => {
        const { reason } = vmVerdict(m.name);
        const addresses = m.vm === undefined ? [] : ipAddresses(m.vm);
        return withRolloutProgress({
          name: m.name, ...(m.host === undefined ? {} : { host: m.host }), ready: REASON_RULES[reason].ready, reason,
          ...(addresses.length === 0 ? {} : { ipAddresses: addresses }),
        }, rollout);
      });
      const hosts = [...new Set(members.flatMap((m) => (m.host === undefined ? [] : [m.host])))].sort();
      return { hosts, members, ...(rollout === undefined ? {} : { rollout: clusterRollout(rollout) }) };
    }
    default:
      return { hosts };
  }
}

/**
 * A cluster's verdict from its members' and its rolling update: the worst member's reason, with how
 * many members are Ready, unless the rollout (RollingUpdate, RolloutStalled) is worse; the cluster's
 * own findings (its diagnostics) win.
 */
export function clusterVerdict(name: string, desired: DesiredState | undefined, own: readonly Finding[], vmVerdict: VmVerdict, rollout?: RolloutStatus): Verdict {
  const members = clusterMembers(name, desired).map((m) => ({ name: m.name, verdict: vmVerdict(m.name) }));
  const worstOwn = [...own].sort((a, b) => reasonRank(a.reason) - reasonRank(b.reason))[0];
  if (worstOwn !== undefined && !REASON_RULES[worstOwn.reason].ready) return { reason: worstOwn.reason, message: worstOwn.message };
  const ready = members.filter((m) => REASON_RULES[m.verdict.reason].ready).length;
  const count = `${ready}/${members.length} members ready`;
  const worst = [...members].sort((a, b) => reasonRank(a.verdict.reason) - reasonRank(b.verdict.reason))[0];
  const rolling = rolloutVerdict(rollout);
  if (rolling !== undefined && (worst === undefined || reasonRank(rolling.reason) <= reasonRank(worst.verdict.reason))) return rolling;
  if (worst === undefined) return { reason: 'Unchanged', message: 'no members' };
  if (!REASON_RULES[worst.verdict.reason].ready) return { reason: worst.verdict.reason, message: oneLine(`${count}; ${worst.name}: ${worst.verdict.message}`) };
  return { reason: worst.verdict.reason, message: count };
}
