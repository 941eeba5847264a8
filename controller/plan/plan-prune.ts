import type { DesiredHostState } from '../types/desired.js';
import type { LiveHostState, OwnerMeta } from '../types/live.js';
import type { Action, SkippedChange } from '../types/plan.js';
import { makeAction } from './make-action.js';

/** Default time a removed domain gets to shut down before it is forced off. */
export const PRUNE_SHUTDOWN_TIMEOUT_SECONDS = 60;

/** Deletes for owned domains and networks that the desired state no longer has; never anything unowned. */
export function planPrune(desired: DesiredHostState, live: LiveHostState): { actions: Action[]; skipped: SkippedChange[] } {
  const host = desired.host.name;
  const actions: Action[] = [];
  const skipped: SkippedChange[] = [];
  const wantedDomains = new Set(desired.vms.map((vm) => vm.name));
  for (const domain of live.domains) {
    if (domain.owner === null || wantedDomains.has(domain.name)) continue;
    const owner = ownerRef(domain.owner, 'VirtualMachine');
    if (domain.owner.deletionProtection === true) {
      skipped.push({ host, owner, reason: 'DeletionProtected', message: `${domain.name} is no longer in the repository but has deletionProtection; remove it by hand or turn protection off first` });
      continue;
    }
    actions.push(makeAction({ host, owner }, 'domain.delete', 'no longer in the repository', {
      name: domain.name, timeoutSeconds: PRUNE_SHUTDOWN_TIMEOUT_SECONDS,
    }));
    for (const volume of domain.owner.deleteVolumes ?? []) {
      actions.push(makeAction({ host, owner }, 'volume.delete', 'disk has deleteOnRemove', {
        pool: desired.pool.name, volume, path: `${desired.pool.path}/${volume}`,
      }));
    }
  }
  const wantedNetworks = new Set(desired.networks.map((network) => network.name));
  for (const network of live.networks) {
    if (network.owner === null || wantedNetworks.has(network.name)) continue;
    actions.push(makeAction({ host, owner: ownerRef(network.owner, 'Network') }, 'network.delete', 'no longer wanted on this host', {
      name: network.name,
    }));
  }
  return { actions, skipped };
}

/** The owner reference recorded in a libvirt object's metadata. */
function ownerRef(meta: OwnerMeta, fallback: 'VirtualMachine' | 'Network'): { kind: 'VirtualMachine' | 'Network'; name: string } {
  const kind = meta.kind === 'VirtualMachine' || meta.kind === 'Network' ? meta.kind : fallback;
  return { kind, name: meta.name };
}
