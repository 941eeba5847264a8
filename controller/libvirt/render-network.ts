import type { DesiredNetwork } from '../types/desired.js';
import { NETWORK_MODE_FEATURES, type NetworkRenderContext } from './network-model.js';
import { renderOwnerMetadata } from './owner-metadata.js';
import { buildXml, type XmlElement } from './xml.js';

/** Renders libvirt network XML for `net` (nat, route, isolated, or bridge to an existing host bridge). */
export function renderNetworkXml(net: DesiredNetwork, ctx: NetworkRenderContext): string {
  const features = NETWORK_MODE_FEATURES[net.mode];
  const hasIp = features.addressing && net.address !== undefined && net.prefix !== undefined;
  return buildXml('network', {
    name: net.name,
    metadata: renderOwnerMetadata({ kind: net.owner.kind, name: net.owner.name, specHash: net.specHash, revision: ctx.revision }),
    forward: features.forward === null ? undefined : { '@_mode': features.forward },
    bridge: features.addressing ? { '@_name': net.bridge, '@_stp': 'on', '@_delay': 0 } : { '@_name': net.bridge },
    mtu: features.addressing && net.mtu !== undefined ? { '@_size': net.mtu } : undefined,
    domain: features.addressing && net.domain !== undefined ? { '@_name': net.domain, '@_localOnly': 'yes' } : undefined,
    ip: hasIp ? renderIp(net) : undefined,
  });
}

function renderIp(net: DesiredNetwork): XmlElement {
  const dhcp = net.dhcp;
  return {
    '@_address': net.address,
    '@_prefix': net.prefix,
    dhcp: dhcp === undefined ? undefined : {
      range: { '@_start': dhcp.start, '@_end': dhcp.end },
      host: dhcp.hosts.length === 0 ? undefined : dhcp.hosts.map(renderDhcpHost),
    },
  };
}

/** The `<host .../>` element of one DHCP reservation, as used by `virsh net-update ... ip-dhcp-host`. */
export function renderDhcpHostXml(host: { mac: string; ip: string; name?: string | null }): string {
  return buildXml('host', renderDhcpHost(host)).trim();
}

function renderDhcpHost(host: { mac: string; ip: string; name?: string | null }): XmlElement {
  return { '@_mac': host.mac.toLowerCase(), '@_name': host.name ?? undefined, '@_ip': host.ip };
}
