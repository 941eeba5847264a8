import type { Change } from '../types/change.js';
import type { DesiredHostState } from '../types/desired.js';
import type { LiveHostState } from '../types/live.js';
import type { DomainModel, NetworkModel } from '../libvirt/index.js';
import { diffDomains } from './diff-domains.js';
import { diffNetworks } from './diff-networks.js';
import { diffPool, diffVolumes } from './diff-storage.js';

/** Inputs of diffHost. */
export interface DiffHostInput {
  desired: DesiredHostState;
  live: LiveHostState;
  /** Live models already parsed by the caller; anything missing is parsed from the `xml` of the live object. */
  parsedLive?: { domains?: ReadonlyMap<string, DomainModel>; networks?: ReadonlyMap<string, NetworkModel> };
  /** Take an equal spec hash as proof that a domain or network definition is unchanged (no drift detection). */
  trustSpecHash?: boolean;
}

/**
 * Compares desired and live state of one host (pure): the pool, then networks, volumes and domains,
 * each `create | update | delete | unchanged`. Only owned objects are ever deleted or updated.
 */
export function diffHost(input: DiffHostInput): Change[] {
  const { desired, live } = input;
  const host = live.host || desired.host.name;
  const trustSpecHash = input.trustSpecHash ?? false;
  return [
    diffPool(host, desired, live.pools),
    ...diffNetworks({
      host, networks: desired.networks, live: live.networks, trustSpecHash,
      ...(input.parsedLive?.networks === undefined ? {} : { models: input.parsedLive.networks }),
    }),
    ...diffVolumes(host, desired, live.volumes, live.domains),
    ...diffDomains({
      host, vms: desired.vms, domains: live.domains, kvm: live.kvm, poolPath: desired.pool.path, trustSpecHash,
      ...(input.parsedLive?.domains === undefined ? {} : { models: input.parsedLive.domains }),
    }),
  ];
}
