/** A plan: the ordered actions that bring each host from its live state to its desired state. */
import type { DesiredDisk, DesiredImage, DesiredPool, OwnerRef } from './desired.js';
import type { LiveHostState } from './live.js';

/** Block I/O limits of one disk, as set on a running domain. */
export type IoTuneValues = NonNullable<DesiredDisk['iotune']>;

/** Every action apply knows how to run; the order they run in is `ACTION_ORDER` in plan/. */
export type ActionKind =
  | 'pool.ensure'
  | 'network.define'
  | 'network.update-dhcp'
  | 'network.delete'
  | 'image.fetch'
  | 'volume.create'
  | 'volume.resize'
  | 'volume.delete'
  | 'seed.create'
  | 'domain.stop'
  | 'domain.define'
  | 'domain.set-memory'
  | 'domain.set-cpu-shares'
  | 'domain.set-iotune'
  | 'domain.set-autostart'
  | 'domain.restart'
  | 'domain.start'
  | 'domain.delete'
  | 'domain.migrate';

/** A DHCP host reservation as added to or removed from a live network. */
export interface DhcpHostEntry {
  mac: string;
  ip: string;
  name?: string | null;
}

/** Parameters of each action kind. */
export interface ActionParams {
  'pool.ensure': { pool: DesiredPool; xml: string };
  'network.define': { name: string; xml: string; autostart: boolean };
  'network.update-dhcp': { name: string; add: DhcpHostEntry[]; remove: DhcpHostEntry[] };
  'network.delete': { name: string };
  'image.fetch': { image: DesiredImage; path: string };
  'volume.create': {
    pool: string;
    volume: string;
    path: string;
    format: 'qcow2' | 'raw';
    capacityBytes: number;
    /** Where the content comes from: an overlay on, or a copy of, an image volume. */
    from?: { path: string; format: 'qcow2' | 'raw'; mode: 'overlay' | 'copy' };
  };
  'volume.resize': { pool: string; volume: string; path: string; capacityBytes: number };
  'volume.delete': { pool: string; volume: string; path: string };
  'seed.create': { pool: string; volume: string; path: string; files: Record<string, string> };
  'domain.stop': { name: string; timeoutSeconds: number };
  'domain.define': { name: string; xml: string };
  'domain.set-memory': { name: string; memoryMiB: number };
  'domain.set-cpu-shares': { name: string; shares: number };
  'domain.set-iotune': { name: string; target: string; iotune: IoTuneValues };
  'domain.set-autostart': { name: string; enabled: boolean };
  'domain.restart': { name: string; timeoutSeconds: number };
  'domain.start': { name: string };
  'domain.delete': { name: string; timeoutSeconds: number };
  'domain.migrate': MigrateParams;
}

/** One disk volume of a migrating VM: where it is on the source, where it goes, and how to make it when no copy exists. */
export interface MigratedVolume {
  volume: string;
  format: 'qcow2' | 'raw';
  /** Its file on the source host; absent when the source holds no such volume. */
  from?: string;
  /** Its file on the target host. */
  to: string;
  /** The target's pool (refreshed once the file is in place). */
  pool: string;
  /** An overlay's backing image on the target, set on the copy when it names another path. */
  backing?: { path: string; format: 'qcow2' | 'raw' };
  /** How the target creates the volume when neither host has it (or, with `recreate`, always). */
  create: ActionParams['volume.create'];
}

/** A cold migration of one VM from host `from` to the action's host. */
export interface MigrateParams {
  name: string;
  /** The host the VM leaves. */
  from: string;
  /** `copy` moves the VM's volumes; `recreate` makes fresh ones on the target. */
  disks: 'copy' | 'recreate';
  /** Graceful shutdown time on the source before it is forced off. */
  timeoutSeconds: number;
  volumes: MigratedVolume[];
  /** The domain definition on the target. */
  xml: string;
  runStrategy: 'Always' | 'Halted' | 'Manual';
  autostart: boolean;
  /** Source files deleted once the VM runs on the target: its disks and cloud-init seeds there. */
  cleanup: { pool: string; volume: string; path: string }[];
}

/** One step of a plan on one host. */
export type Action = {
  [K in ActionKind]: {
    kind: K;
    host: string;
    /** The gitvirt object this action serves. */
    owner: OwnerRef;
    /** Why this action is needed, one line. */
    reason: string;
    /** True when the action removes something (counted by the deletion cap). */
    destructive: boolean;
    /** True when the action corrects a change made by hand on the host. */
    drift: boolean;
    params: ActionParams[K];
  };
}[ActionKind];

/** Why a change was not planned. CamelCase, closed set. */
export type SkipReason =
  | 'DeletionProtected'
  | 'RestartRequired'
  | 'SelfHealDisabled'
  | 'BrakeEngaged'
  | 'HostUnreachable'
  | 'NotOwned'
  /** A cluster member's update waits for its turn in the rolling update. */
  | 'RolloutPending'
  /** A VM on a draining host waits for its turn to move, or for room elsewhere. */
  | 'DrainPending'
  /** A VM that moves between hosts waits until both hosts can be worked on. */
  | 'MigrationPending';

/** A change that the plan deliberately does not carry out, and why. */
export interface SkippedChange {
  host: string;
  owner: OwnerRef;
  reason: SkipReason;
  message: string;
}

/** What stopped destructive work: too many deletions, too many unreachable hosts, or an empty desired state. */
export interface Brake {
  code: 'TooManyDeletions' | 'TooManyHostsUnreachable' | 'EmptyDesiredState';
  message: string;
}

/** The plan for one host. */
export interface HostPlan {
  host: string;
  reachable: boolean;
  /** Why the host could not be planned, when unreachable. */
  error?: string;
  actions: Action[];
  skipped: SkippedChange[];
}

/** The plan for every host, in host-name order. */
export interface Plan {
  revision: string;
  hosts: HostPlan[];
  /** Set when the safety policy engaged the brake; destructive actions are then in `skipped`, not `actions`. */
  brake?: Brake;
}

/** What observing one host gave: its live state, or why it could not be read. */
export type HostObservation = { ok: true; live: LiveHostState } | { ok: false; error: string; code?: string };
