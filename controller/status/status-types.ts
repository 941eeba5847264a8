/** The documents gitvirt records on the status branch: one per resource, one per host. */
import type { MemberState, RolloutFailure, RolloutPhase, RolloutReason } from '../rollout/index.js';
import type { DomainState, OwnerMeta } from '../types/live.js';
import type { StatusReason } from './reasons.js';

/** apiVersion written into every status document. */
export const STATUS_API_VERSION = 'gitvirt.io/v1alpha1';

/** Kinds that get a status document (`status/<Kind>/<name>.yaml`). */
export type StatusKind = 'Host' | 'Image' | 'Network' | 'VirtualMachine' | 'Cluster';

/** Every status kind, in the order tables list them. */
export const STATUS_KINDS: readonly StatusKind[] = ['Host', 'Network', 'Image', 'VirtualMachine', 'Cluster'];

/** Condition types, kstatus style. */
export type ConditionType = 'Ready' | 'Reconciling' | 'Stalled';

/** Every condition type, in the order documents list them. */
export const CONDITION_TYPES: readonly ConditionType[] = ['Ready', 'Reconciling', 'Stalled'];

/** One condition of a resource. */
export interface Condition {
  type: ConditionType;
  status: 'True' | 'False';
  reason: StatusReason;
  /** One line. */
  message: string;
  /** When `status` or `reason` last changed (ISO 8601). */
  lastTransitionTime: string;
}

/** An address of a VM: a static IP from the manifests, or a DHCP lease when one was observed. */
export interface IpAddress {
  ip: string;
  network: string;
  mac: string;
  source: 'static' | 'dhcp';
}

/** The last error a resource met, kept while the resource is not Ready. */
export interface LastError {
  reason: StatusReason;
  message: string;
  /** When this error was first seen (kept while it stays the same). */
  time: string;
  revision: string;
}

/** One member of a Cluster, as its status lists it. */
export interface ClusterMember {
  name: string;
  host?: string;
  ready: boolean;
  reason: StatusReason;
  ipAddresses?: IpAddress[];
  /** Rolling update: whether its domain runs the current template. */
  updated?: boolean;
  /** Rolling update: pending (waits for its turn), progressing (changed or down, not yet healthy), ready, or unreachable. */
  rollout?: MemberState;
  /** Rolling update: since when it has been unavailable (ISO 8601). */
  since?: string;
}

/** A Cluster's rolling update, as its status records it: phase, where it is, member counts, and what halted it. */
export interface ClusterRollout {
  phase: RolloutPhase;
  reason: RolloutReason;
  /** The zone being updated or waited on. */
  zone?: string;
  zoneOrder: string[];
  /** Members on the current template, members serving, all placed members. */
  updated: number;
  ready: number;
  total: number;
  /** Members whose update ran in the cycle. */
  released?: string[];
  /** Members whose update waits for its turn. */
  waiting?: string[];
  /** The member that halted the rollout, and why. */
  failed?: RolloutFailure;
}

/** The `status` of a resource document. */
export interface ResourceStatus {
  conditions: Condition[];
  observedRevision: string;
  /** Where a VM runs. */
  host?: string;
  /** Where a Network, Image or Cluster is (in host-name order). */
  hosts?: string[];
  /** A Host: whether it could be read in the last cycle. */
  reachable?: boolean;
  ipAddresses?: IpAddress[];
  members?: ClusterMember[];
  /** A Cluster: its rolling update, from the last cycle that planned it. */
  rollout?: ClusterRollout;
  lastError?: LastError;
}

/** `status/<Kind>/<name>.yaml`. */
export interface ResourceStatusDoc {
  apiVersion: typeof STATUS_API_VERSION;
  kind: StatusKind;
  metadata: { name: string };
  status: ResourceStatus;
}

/** A domain as recorded: everything plan needs, XML only for owned domains (foreign metadata removed). */
export interface RecordedDomain {
  name: string;
  uuid: string;
  state: DomainState;
  autostart: boolean;
  owner: OwnerMeta | null;
  xml?: string;
}

/** A network as recorded (XML only for owned networks). */
export interface RecordedNetwork {
  name: string;
  active: boolean;
  autostart: boolean;
  owner: OwnerMeta | null;
  xml?: string;
}

/** What was observed on a host, recorded so `plan --from-status` can plan without reaching it. */
export interface RecordedInventory {
  /** When this inventory was first observed as it is (kept while it does not change). */
  since: string;
  node: { cpus: number; memoryMiB: number; cpuModel?: string };
  kvm: boolean;
  domains: RecordedDomain[];
  networks: RecordedNetwork[];
  pools: { name: string; active: boolean; autostart: boolean; path?: string }[];
  volumes: { pool: string; name: string; path: string; capacityBytes: number; format?: string }[];
}

/** The `status` of a host document. */
export interface HostStatus {
  reachable: boolean;
  /** Why the host could not be read in the last cycle. */
  error?: string;
  zone?: string;
  cordoned?: boolean;
  /** What the VMs placed on the host ask for. */
  allocated?: { cpus: number; memoryMiB: number; vms: number };
  /** The last inventory read (kept while the host is unreachable). */
  inventory?: RecordedInventory;
}

/** `hosts/<host>.yaml`. */
export interface HostStatusDoc {
  apiVersion: typeof STATUS_API_VERSION;
  kind: 'HostInventory';
  metadata: { name: string };
  status: HostStatus;
}

/** The whole status tree: documents keyed by their path on the status branch. */
export interface StatusSnapshot {
  resources: Map<string, ResourceStatusDoc>;
  hosts: Map<string, HostStatusDoc>;
}
