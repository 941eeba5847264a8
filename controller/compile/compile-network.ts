import type { DesiredNetwork } from '../types/desired.js';
import { deriveBridgeName } from './bridge-name.js';
import type { DefaultedNetwork } from './defaulted.js';
import { firstHostAddress, parseCidr, parseIpv4 } from './ipv4.js';
import { withSpecHash } from './spec-hash.js';

/** A DHCP host entry: a MAC bound to an IP, with an optional host name. */
export interface Reservation {
  mac: string;
  ip: string;
  name?: string;
}

/** Whether libvirt gives the host an address on the network (and so can serve DHCP), by mode. */
export const MODE_HAS_ADDRESS: Readonly<Record<DefaultedNetwork['spec']['mode'], boolean>> = {
  nat: true,
  isolated: true,
  route: true,
  bridge: false,
};

/** The bridge device of a network: the given one, else `gv-<hash>` of its name. */
export function networkBridge(network: DefaultedNetwork): string {
  return network.spec.bridge ?? deriveBridgeName(network.metadata.name);
}

/** Orders reservations by IP (numerically), then MAC. */
function byAddress(a: Reservation, b: Reservation): number {
  const diff = (parseIpv4(a.ip) ?? 0) - (parseIpv4(b.ip) ?? 0);
  return diff !== 0 ? diff : a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0;
}

/** The desired libvirt network on one host, with the spec's reservations plus those of VMs placed there. */
export function compileNetwork(network: DefaultedNetwork, vmReservations: readonly Reservation[]): DesiredNetwork {
  const { spec } = network;
  const out: Omit<DesiredNetwork, 'specHash'> = {
    name: network.metadata.name,
    owner: { kind: 'Network', name: network.metadata.name },
    mode: spec.mode,
    bridge: networkBridge(network),
    autostart: spec.autostart,
  };
  if (spec.cidr !== undefined) out.cidr = spec.cidr;
  const cidr = spec.cidr === undefined ? undefined : parseCidr(spec.cidr);
  if (MODE_HAS_ADDRESS[spec.mode] && cidr !== undefined) {
    out.address = spec.gateway ?? firstHostAddress(cidr);
    out.prefix = cidr.prefix;
  }
  if (MODE_HAS_ADDRESS[spec.mode] && spec.dhcp !== undefined) {
    const given: Reservation[] = (spec.dhcp.reservations ?? []).map((r) =>
      r.hostname === undefined ? { mac: r.mac, ip: r.ip } : { mac: r.mac, ip: r.ip, name: r.hostname },
    );
    const seen = new Set(given.map((r) => `${r.mac}/${r.ip}`));
    const extra = vmReservations.filter((r) => !seen.has(`${r.mac}/${r.ip}`));
    out.dhcp = { start: spec.dhcp.start, end: spec.dhcp.end, hosts: [...given, ...extra].sort(byAddress) };
  }
  if (spec.mtu !== undefined) out.mtu = spec.mtu;
  if (spec.domain !== undefined) out.domain = spec.domain;
  return withSpecHash<DesiredNetwork>(out);
}
