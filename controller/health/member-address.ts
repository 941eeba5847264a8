import type { HostConnection } from '../transport/index.js';
import type { DesiredVm } from '../types/desired.js';
import { parseDomifaddr, pickAddress } from './parse-domifaddr.js';

/** Where a member's address came from, or why it is not known. */
export type MemberAddress =
  | { ok: true; address: string; source: 'static' | 'lease' | 'arp' }
  | { ok: false; reason: string };

/** Arguments of memberAddress. */
export interface MemberAddressArgs {
  connection: HostConnection;
  /** libvirt URI on the host (`qemu:///system`). */
  uri: string;
  vm: Pick<DesiredVm, 'name' | 'interfaces'>;
  signal?: AbortSignal;
}

/** Sources asked in turn: the DHCP lease of a libvirt network, then the host's ARP table. */
const SOURCES = ['lease', 'arp'] as const;

/** Time one `virsh domifaddr` may take. */
const DOMIFADDR_TIMEOUT_MS = 15_000;

/**
 * The address to probe a member at: its static IP from the desired interfaces, else what libvirt
 * knows on its host (`virsh domifaddr --source lease`, then `--source arp`). Never throws.
 */
export async function memberAddress(args: MemberAddressArgs): Promise<MemberAddress> {
  const staticIp = args.vm.interfaces.find((nic) => nic.ip !== undefined)?.ip;
  if (staticIp !== undefined) return { ok: true, address: staticIp, source: 'static' };
  if (args.vm.interfaces.length === 0) return { ok: false, reason: `${args.vm.name} has no network interface to probe` };
  const macs = args.vm.interfaces.map((nic) => nic.mac);
  let lastError = '';
  let answered = false;
  for (const source of SOURCES) {
    try {
      const result = await args.connection.exec(['virsh', '-c', args.uri, 'domifaddr', '--domain', args.vm.name, '--source', source], {
        timeoutMs: DOMIFADDR_TIMEOUT_MS,
        ...(args.signal === undefined ? {} : { signal: args.signal }),
      });
      if (result.code !== 0) {
        lastError = result.stderr.trim().split('\n')[0] ?? '';
        continue;
      }
      const address = pickAddress(parseDomifaddr(result.stdout), macs);
      if (address !== undefined) return { ok: true, address, source };
      answered = true;
    } catch (err) {
      lastError = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    }
  }
  const why = answered || lastError === '' ? 'no DHCP lease or ARP entry yet' : lastError;
  return { ok: false, reason: `address of ${args.vm.name} not known: ${why}` };
}
