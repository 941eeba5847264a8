import { volumePath } from '../libvirt/index.js';
import { DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS } from '../libvirt/owner-metadata.js';
import type { Change } from '../types/change.js';
import type { DesiredHostState } from '../types/desired.js';
import type { LiveHostState } from '../types/live.js';
import type { Action, SkippedChange } from '../types/plan.js';
import { makeAction } from './make-action.js';

/** Time a removed domain gets to shut down before it is forced off when its owner metadata records none. */
export const PRUNE_SHUTDOWN_TIMEOUT_SECONDS = DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS;

/**
 * Removals for owned domains and networks the diff found no longer wanted. A domain recorded with
 * deletionProtection is kept; its disks go with it only when recorded with deleteOnRemove. A removed
 * domain gets the shutdownTimeoutSeconds recorded from its VM, else PRUNE_SHUTDOWN_TIMEOUT_SECONDS.
 */
export function planPrune(desired: DesiredHostState, live: LiveHostState, changes: readonly Change[]): { actions: Action[]; skipped: SkippedChange[] } {
  const host = desired.host.name;
  const actions: Action[] = [];
  const skipped: SkippedChange[] = [];
  const domains = new Map(live.domains.map((domain) => [domain.name, domain]));
  for (const change of changes) {
    if (change.type !== 'delete' || change.owner === undefined) continue;
    const owner = change.owner;
    if (change.object === 'network') {
      actions.push(makeAction({ host, owner }, 'network.delete', 'no longer wanted on this host', { name: change.name }));
      continue;
    }
    if (change.object !== 'domain') continue;
    const meta = domains.get(change.name)?.owner;
    if (meta === null || meta === undefined) continue;
    if (meta.deletionProtection === true) {
      skipped.push({ host, owner, reason: 'DeletionProtected', message: `${change.name} is no longer in the repository but has deletionProtection; turn protection off in a commit first, or remove it by hand` });
      continue;
    }
    const where = meta.name === change.name ? 'no longer in the repository' : `no longer in the repository (was ${meta.kind} ${meta.name})`;
    actions.push(makeAction({ host, owner }, 'domain.delete', where, { name: change.name, timeoutSeconds: meta.shutdownTimeoutSeconds ?? PRUNE_SHUTDOWN_TIMEOUT_SECONDS }));
    for (const volume of meta.deleteVolumes ?? []) {
      actions.push(makeAction({ host, owner }, 'volume.delete', 'disk of a removed VM with deleteOnRemove', {
        pool: desired.pool.name, volume, path: volumePath(desired.pool.path, volume),
      }));
    }
  }
  return { actions, skipped };
}
