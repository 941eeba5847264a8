import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { where } from '../make-diagnostic.js';
import { at, list, str } from './fields.js';
import { defaultGateway, formatCidr, formatIpv4, parseCidr, parseIpv4, reservedAddresses } from './ipv4.js';
import { interfaceList } from './interface-list.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

interface Owner { entry: Entry; pointer: string }

/**
 * Static interface IPs must lie inside their network, avoid its network/broadcast/gateway address,
 * and be unique per network (against other interfaces and DHCP reservations); inside the dynamic
 * DHCP range is a warning; on a `bridge` Network gitvirt cannot reserve them (warning).
 */
export function checkStaticIps(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owners = new Map<string, Owner>();
  const claim = (network: string, ip: number, owner: Owner, what: string) => {
    const key = `${network}\u0000${ip}`;
    const first = owners.get(key);
    if (first === undefined) {
      owners.set(key, owner);
      return;
    }
    const firstName = first.entry.kind === 'Network' ? 'a DHCP reservation' : `${first.entry.kind} "${first.entry.name}"`;
    out.push(report(owner.entry, owner.pointer, {
      severity: 'error',
      code: 'ip-collision',
      message: `${what} ${formatIpv4(ip)} on Network "${network}" is already used by ${firstName} (${where(first.entry.locate(first.pointer))})`,
      hint: 'give every guest interface and reservation its own address',
    }));
  };

  for (const net of ctx.valid.Network) {
    list(at(net.value, 'spec', 'dhcp', 'reservations')).forEach((reservation, i) => {
      const ip = parseIpv4(at(reservation, 'ip'));
      if (ip !== undefined) claim(net.name, ip, { entry: net, pointer: joinPointer('spec', 'dhcp', 'reservations', i, 'ip') }, 'reserved address');
    });
  }

  for (const iface of interfaceList(ctx)) {
    const ip = parseIpv4(iface.ip);
    if (ip === undefined) continue;
    const pointer = `${iface.pointer}/ip`;
    const network = ctx.byName.Network.get(iface.network);
    if (network === undefined || !network.valid) continue;
    const spec = at(network.value, 'spec');
    const finding = (severity: 'error' | 'warning', code: string, message: string, hint: string) =>
      out.push(report(iface.entry, pointer, { severity, code, message, hint }));
    if (str(at(spec, 'mode')) === 'bridge') {
      finding('warning', 'bridge-static-ip', `Network "${iface.network}" is in bridge mode; gitvirt cannot reserve ${formatIpv4(ip)} on it`,
        'configure the address inside the guest (cloudInit.networkConfig) or on the LAN\'s DHCP server, and remove `ip`');
      continue;
    }
    const range = parseCidr(at(spec, 'cidr'));
    if (range === undefined) continue;
    if (ip < range.start || ip > range.end) {
      finding('error', 'ip-outside-network', `${formatIpv4(ip)} is outside the network ${formatCidr(range)} of Network "${iface.network}"`,
        `use an address between ${formatIpv4(range.start)} and ${formatIpv4(range.end)}`);
      continue;
    }
    const reserved = reservedAddresses(range, parseIpv4(at(spec, 'gateway')) ?? defaultGateway(range)).get(ip);
    if (reserved !== undefined) {
      finding('error', 'ip-reserved-address', `${formatIpv4(ip)} is ${reserved} of Network "${iface.network}"`,
        'pick a host address that is not the network, broadcast or gateway address');
      continue;
    }
    const start = parseIpv4(at(spec, 'dhcp', 'start'));
    const end = parseIpv4(at(spec, 'dhcp', 'end'));
    if (start !== undefined && end !== undefined && ip >= start && ip <= end) {
      finding('warning', 'ip-in-dhcp-range', `${formatIpv4(ip)} is inside the DHCP range ${formatIpv4(start)}-${formatIpv4(end)} of Network "${iface.network}"`,
        'pick an address outside the dynamic range so DHCP cannot hand it to another guest');
    }
    if (iface.copies > 1) {
      finding('error', 'ip-collision', `all ${iface.copies} members of Cluster "${iface.entry.name}" would get the same static IP ${formatIpv4(ip)}`,
        'remove `ip` from the cluster template and let DHCP assign addresses');
      continue;
    }
    if (iface.copies === 1) claim(iface.network, ip, { entry: iface.entry, pointer }, 'static IP');
  }
  return out;
}
