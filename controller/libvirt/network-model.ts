import type { DesiredNetwork } from '../types/desired.js';
import type { OwnerMeta } from '../types/live.js';

/** One DHCP host reservation, keyed by MAC. */
export interface DhcpHostModel {
  mac: string;
  ip: string;
  name: string | null;
}

/** The part of a libvirt network gitvirt manages, normalised so desired and live compare equal. */
export interface NetworkModel {
  name: string;
  /** `nat`, `route`, `bridge`, `isolated` (no forward), or another libvirt forward mode. */
  mode: string;
  bridge: string | null;
  mtu: number | null;
  domain: string | null;
  address: string | null;
  prefix: number | null;
  dhcpRange: { start: string; end: string } | null;
  hosts: DhcpHostModel[];
  owner: OwnerMeta | null;
}

/** What a network's rendering depends on besides the network itself. */
export interface NetworkRenderContext {
  revision: string;
}

/** Which parts of a network each mode carries: bridge mode attaches to an existing bridge and has no addressing. */
export const NETWORK_MODE_FEATURES: Readonly<Record<DesiredNetwork['mode'], { forward: string | null; addressing: boolean }>> = {
  nat: { forward: 'nat', addressing: true },
  route: { forward: 'route', addressing: true },
  isolated: { forward: null, addressing: true },
  bridge: { forward: 'bridge', addressing: false },
};

/** Orders DHCP reservations by MAC. */
export function sortNetworkModel(model: NetworkModel): NetworkModel {
  model.hosts.sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
  return model;
}

/** The model of the network gitvirt would define for `net`: what parsing its live XML should give back. */
export function networkModelFromDesired(net: DesiredNetwork, ctx: NetworkRenderContext): NetworkModel {
  const addressing = NETWORK_MODE_FEATURES[net.mode].addressing;
  const hasIp = addressing && net.address !== undefined && net.prefix !== undefined;
  return sortNetworkModel({
    name: net.name,
    mode: net.mode,
    bridge: net.bridge,
    mtu: addressing ? (net.mtu ?? null) : null,
    domain: addressing ? (net.domain ?? null) : null,
    address: hasIp ? (net.address ?? null) : null,
    prefix: hasIp ? (net.prefix ?? null) : null,
    dhcpRange: hasIp && net.dhcp !== undefined ? { start: net.dhcp.start, end: net.dhcp.end } : null,
    hosts: hasIp && net.dhcp !== undefined
      ? net.dhcp.hosts.map((host) => ({ mac: host.mac.toLowerCase(), ip: host.ip, name: host.name ?? null }))
      : [],
    owner: { kind: net.owner.kind, name: net.owner.name, specHash: net.specHash, revision: ctx.revision },
  });
}
