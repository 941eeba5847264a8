import type { HostConnection } from '../transport/index.js';
import type { DesiredVm } from '../types/desired.js';
import { probeOf, type HealthResult } from './health-result.js';
import { memberAddress } from './member-address.js';
import { probeFromHost } from './probe-from-host.js';

/** Arguments of probeMember. */
export interface ProbeMemberArgs {
  connection: HostConnection;
  /** libvirt URI on the member's host. */
  uri: string;
  vm: Pick<DesiredVm, 'name' | 'interfaces' | 'health'>;
  signal?: AbortSignal;
}

/**
 * Probes one VM from its host by its health check: finds its address (static IP, DHCP lease or ARP),
 * then runs the HTTP or TCP probe there. A VM without a health check is `unknown`. Never throws.
 */
export async function probeMember(args: ProbeMemberArgs): Promise<HealthResult> {
  const check = args.vm.health;
  const probe = check === undefined ? undefined : probeOf(check);
  if (check === undefined || probe === undefined) return { status: 'unknown', reason: `${args.vm.name} has no health check` };
  const signal = args.signal === undefined ? {} : { signal: args.signal };
  const found = await memberAddress({ connection: args.connection, uri: args.uri, vm: args.vm, ...signal });
  if (!found.ok) return { status: 'unknown', reason: found.reason };
  return probeFromHost({ connection: args.connection, probe, address: found.address, timeoutSeconds: check.timeoutSeconds, ...signal });
}
