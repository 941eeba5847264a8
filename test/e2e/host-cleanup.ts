import type { Testbed, TestbedHost } from '../testbed/testbed.js';
import { POOL_DIR, VIRSH } from './fleet-probe.js';

const V = VIRSH.join(' ');

/**
 * Removes every domain and every network gitvirt owns from a host: hosts copy this machine's
 * /etc/libvirt when they come up, so they may carry other runs' definitions.
 */
export async function emptyHost(testbed: Testbed, host: TestbedHost): Promise<void> {
  await testbed.run(host, ['sh', '-c', [
    `for d in $(${V} list --all --name); do ${V} destroy "$d"; ${V} undefine "$d"; done`,
    `for n in $(${V} net-list --all --name); do ${V} net-dumpxml "$n" | grep -q gitvirt.io/xmlns/owner && { ${V} net-destroy "$n"; ${V} net-undefine "$n"; }; done`,
    'true',
  ].join('; ')], { allowFailure: true, timeoutMs: 120_000 });
}

/** What one test left on the hosts: its domains and networks by name, and files besides gitvirt's pool. */
export interface ScenarioLeftovers {
  domains: readonly string[];
  networks: readonly string[];
  paths?: readonly string[];
}

/** Removes a test's domains and networks, gitvirt's pool and its directory (and `paths`) from a host. */
export async function removeScenario(testbed: Testbed, host: TestbedHost, left: ScenarioLeftovers): Promise<void> {
  await testbed.run(host, ['sh', '-c',
    `for d in ${left.domains.join(' ')}; do ${V} destroy $d; ${V} undefine $d; done; ` +
    `for n in ${left.networks.join(' ')}; do ${V} net-destroy $n; ${V} net-undefine $n; done; ` +
    `${V} pool-destroy gitvirt; ${V} pool-undefine gitvirt; rm -rf ${[POOL_DIR, ...(left.paths ?? [])].join(' ')}; true`,
  ], { allowFailure: true, timeoutMs: 120_000 });
}
