import type { HostTarget } from '../types/desired.js';
import type { ActionOutcome } from '../types/host-client.js';
import type { Action, ActionKind, ActionParams } from '../types/plan.js';
import type { HostCommands } from './host-commands.js';
import { ObjectNotOwnedError, type ObjectRef } from './host-client-errors.js';
import type { OwnerMeta } from '../types/live.js';

/** What an action executor gets besides its parameters. */
export interface ActionContext {
  /** The action being run (its owner names the domain a disk belongs to). */
  action: Action;
  cmd: HostCommands;
  target: HostTarget;
  /** Waits, or rejects when the action is aborted. */
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the Unix epoch (injected for tests). */
  now(): number;
}

/** Runs one action kind idempotently and reports what it did. */
export type ActionExecutor<K extends ActionKind> = (params: ActionParams[K], ctx: ActionContext) => Promise<ActionOutcome>;

/** One executor per action kind. */
export type ActionExecutors = { [K in ActionKind]: ActionExecutor<K> };

/** Throws ObjectNotOwnedError unless `owner` is gitvirt's owner metadata (checked on the object just read, right before changing it). */
export function assertOwned(ctx: ActionContext, object: ObjectRef['object'], name: string, owner: OwnerMeta | null): void {
  if (owner === null) throw new ObjectNotOwnedError({ host: ctx.cmd.host, action: ctx.cmd.action as ObjectRef['action'], object, name });
}

/** The outcome `unchanged` with a reason. */
export function unchanged(message: string): ActionOutcome {
  return { result: 'unchanged', message };
}
