import type { OwnerRef } from '../types/desired.js';
import type { Action, ActionKind, ActionParams } from '../types/plan.js';

/** Kinds that remove something (a migration removes the VM from its old host) and so count against the deletion cap. */
const DESTRUCTIVE: ReadonlySet<ActionKind> = new Set(['domain.delete', 'volume.delete', 'network.delete', 'domain.migrate']);

/** What every action of one host and object shares. */
export interface ActionScope {
  host: string;
  owner: OwnerRef;
  drift?: boolean;
  /** Marks removals that only tidy up regenerable files (old seeds), which the deletion cap does not count. */
  housekeeping?: boolean;
}

/** Builds an action of `kind`, marking it destructive from the kind. */
export function makeAction<K extends ActionKind>(scope: ActionScope, kind: K, reason: string, params: ActionParams[K]): Action {
  return {
    kind,
    host: scope.host,
    owner: scope.owner,
    reason,
    destructive: DESTRUCTIVE.has(kind) && scope.housekeeping !== true,
    drift: scope.drift ?? false,
    params,
  } as Action;
}
