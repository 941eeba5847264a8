import type { Testbed } from '../../test/testbed/testbed.js';
import type { HostArtifacts } from './fleet-artifacts.js';
import { stateScript } from './virsh-scripts.js';

/** The lines stateScript should print on a converged host, sorted. */
export function expectedState(h: HostArtifacts): string[] {
  return [
    `pool ${h.pool.pool.name} running yes`,
    ...h.networks.map((n) => `network ${n.name} yes ${n.autostart ? 'yes' : 'no'}`),
    ...h.domains.map((d) => `domain ${d.name} running ${d.autostart ? 'enable' : 'disable'} ${d.memoryMiB * 1024}`),
    ...h.volumes.map((v) => `volume ${v.volume}`),
  ].sort();
}

/**
 * Reads every host's pools, networks, domains (state, autostart, persistent memory) and volume
 * files, and returns what differs from the converged state of `artifacts` (empty: all as wanted).
 */
export async function verifyHosts(testbed: Testbed, artifacts: readonly HostArtifacts[]): Promise<string[]> {
  const problems = await Promise.all(artifacts.map(async (h) => {
    const result = await testbed.run(h.host, stateScript(h.pool.pool.path), { timeoutMs: 120_000 });
    const seen = new Set(result.stdout.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== ''));
    const want = expectedState(h);
    const missing = want.filter((l) => !seen.has(l)).map((l) => `${h.host}: missing or different: ${l}`);
    const extra = [...seen].filter((l) => !want.includes(l)).map((l) => `${h.host}: unexpected: ${l}`);
    return [...missing, ...extra];
  }));
  return problems.flat();
}
