import { sortNetworkModel, type DhcpHostModel, type NetworkModel } from './network-model.js';
import { parseOwnerMetadata } from './owner-metadata.js';
import { attr, child, children, childText, parseXmlRoot, toInt, type XmlNode } from './xml.js';

/**
 * Parses libvirt network XML into the normalised NetworkModel (first IPv4 address only; uuid, MAC,
 * NAT port range and other libvirt defaults ignored). Only text that is not XML throws.
 */
export function parseNetworkXml(xml: string): NetworkModel {
  const root = parseXmlRoot(xml, 'network', 'network');
  const forward = child(root, 'forward');
  const ip = children(root, 'ip').find((node) => (attr(node, 'family') ?? 'ipv4') === 'ipv4');
  const dhcp = child(ip, 'dhcp');
  const range = child(dhcp, 'range');
  const start = attr(range, 'start');
  const end = attr(range, 'end');
  const hosts: DhcpHostModel[] = children(dhcp, 'host').flatMap((host) => {
    const mac = attr(host, 'mac');
    const address = attr(host, 'ip');
    return mac === undefined || address === undefined ? [] : [{ mac: mac.toLowerCase(), ip: address, name: attr(host, 'name') ?? null }];
  });
  const address = attr(ip, 'address') ?? null;
  return sortNetworkModel({
    name: childText(root, 'name') ?? '',
    mode: forward === undefined ? 'isolated' : (attr(forward, 'mode') ?? 'nat'),
    bridge: attr(child(root, 'bridge'), 'name') ?? null,
    mtu: toInt(attr(child(root, 'mtu'), 'size')) ?? null,
    domain: attr(child(root, 'domain'), 'name') ?? null,
    address,
    prefix: address === null ? null : ipPrefix(ip),
    dhcpRange: start !== undefined && end !== undefined ? { start, end } : null,
    hosts,
    owner: parseOwnerMetadata(child(root, 'metadata')),
  });
}

function ipPrefix(ip: XmlNode | undefined): number | null {
  const prefix = toInt(attr(ip, 'prefix'));
  if (prefix !== undefined) return prefix;
  const netmask = attr(ip, 'netmask');
  if (netmask === undefined) return null;
  const octets = netmask.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return null;
  return octets.reduce((bits, octet) => bits + (octet.toString(2).match(/1/g)?.length ?? 0), 0);
}
