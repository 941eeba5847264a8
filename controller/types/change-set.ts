/** What applying a plan did: one entry per planned action or skipped change, and each host's result. */
import type { OwnerRef } from './desired.js';
import type { Action, ActionKind, Brake } from './plan.js';

/** The outcome of one action or change. Closed set. */
export type ChangeResult = 'created' | 'configured' | 'unchanged' | 'deleted' | 'skipped' | 'failed';

/** Every change result, in the order summaries list them. */
export const CHANGE_RESULTS: readonly ChangeResult[] = ['created', 'configured', 'deleted', 'unchanged', 'skipped', 'failed'];

/** A failure, as recorded: the GitvirtError code (or `InternalError`) and its message. */
export interface ErrorInfo {
  code: string;
  message: string;
}

/** One action (or plan-skipped change) and what came of it. */
export interface ChangeSetEntry {
  host: string;
  kind: ActionKind;
  owner: OwnerRef;
  /** Why the action was planned; for a skipped one, why it did not run. */
  reason: string;
  drift: boolean;
  result: ChangeResult;
  message?: string;
  error?: ErrorInfo;
  durationMs: number;
  /** The libvirt object the action touched (domain, network, volume or pool name), when it is one. */
  target?: string;
}

/** Whether every action of a host ran, and if not, why. */
export interface HostApplyResult {
  host: string;
  ok: boolean;
  error?: ErrorInfo;
}

/** The record of one apply: entries in plan order (host by host), host results, and the plan's brake. */
export interface ChangeSet {
  revision: string;
  entries: ChangeSetEntry[];
  hosts: HostApplyResult[];
  brake?: Brake;
}

/** Progress of an apply, in the order things happen on each host. */
export type ApplyEvent =
  /** A host's turn begins; `actions` is the number of planned actions. */
  | { type: 'host-start'; host: string; actions: number }
  /** An action is about to run. */
  | { type: 'action-start'; host: string; action: Action }
  /** An entry was recorded: an action ran or was skipped (`action` set), or a plan-skipped change (no `action`). */
  | { type: 'action-end'; host: string; action?: Action; entry: ChangeSetEntry }
  /** A host is done; `entries` are its entries in order. */
  | { type: 'host-end'; host: string; result: HostApplyResult; entries: ChangeSetEntry[] };
