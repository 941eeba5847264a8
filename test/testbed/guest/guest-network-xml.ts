import { xmlEscape as x } from './xml-escape.js';

/** A NAT network for test guests: a /24 with DHCP and fixed addresses per MAC. */
export interface GuestNetworkOptions {
  name: string;
  /** bridge device name, at most 15 characters */
  bridge: string;
  /** first three octets of the /24, e.g. '192.168.177'; the host side is .1 */
  prefix: string;
  /** DHCP reservations */
  hosts?: { mac: string; ip: string; name?: string }[];
}

/** Renders the libvirt network XML of a NAT /24 with a DHCP range .100-.199 and reservations. */
export function renderGuestNetworkXml(options: GuestNetworkOptions): string {
  const p = x(options.prefix);
  return [
    '<network>',
    `  <name>${x(options.name)}</name>`,
    "  <forward mode='nat'/>",
    `  <bridge name='${x(options.bridge)}' stp='off' delay='0'/>`,
    `  <ip address='${p}.1' netmask='255.255.255.0'>`,
    '    <dhcp>',
    `      <range start='${p}.100' end='${p}.199'/>`,
    ...(options.hosts ?? []).map((h) =>
      `      <host mac='${x(h.mac)}'${h.name === undefined ? '' : ` name='${x(h.name)}'`} ip='${x(h.ip)}'/>`),
    '    </dhcp>',
    '  </ip>',
    '</network>',
    '',
  ].join('\n');
}
