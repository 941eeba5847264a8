import type { HostTarget } from '../types/desired.js';
import type { DefaultedHost } from './defaulted.js';

/** The fully defaulted connection and capacity facts of a Host. */
export function hostTarget(host: DefaultedHost): HostTarget {
  const { spec } = host;
  const target: HostTarget = {
    name: host.metadata.name,
    address: spec.address,
    port: spec.port,
    user: spec.user,
    hostKey: spec.hostKey,
    uri: spec.uri,
    zone: spec.zone,
    labels: { ...(host.metadata.labels ?? {}) },
    reserved: { cpus: spec.reserved.cpus, memoryMiB: spec.reserved.memoryMiB },
    storagePool: { name: spec.storagePool.name, path: spec.storagePool.path },
    cordoned: spec.cordoned,
  };
  if (spec.drain === true) target.drain = true;
  if (spec.capacity !== undefined) target.capacity = { cpus: spec.capacity.cpus, memoryMiB: spec.capacity.memoryMiB };
  return target;
}
