import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { at, list, obj } from './fields.js';
import { defaultGateway, formatCidr, formatIpv4, parseCidr, parseIpv4, reservedAddresses } from './ipv4.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** A Network's own addresses (gateway, DHCP range, reservations) must lie inside its CIDR and avoid its reserved addresses. */
export function checkNetworkAddresses(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.valid.Network) checkOne(entry, out);
  return out;
}

function checkOne(entry: Entry, out: Diagnostic[]): void {
  const spec = obj(at(entry.value, 'spec')) ?? {};
  const range = parseCidr(spec.cidr);
  if (range === undefined) return;
  const cidr = formatCidr(range);
  if (range.address !== range.start) {
    out.push(report(entry, '/spec/cidr', {
      severity: 'warning',
      code: 'cidr-host-bits',
      message: `${String(spec.cidr)} has host bits set; the network is ${cidr}`,
      hint: `write the network address: ${cidr}`,
    }));
  }
  const inside = (ip: number) => ip >= range.start && ip <= range.end;
  const outside = (pointer: string, what: string, ip: number) => out.push(report(entry, pointer, {
    severity: 'error',
    code: 'ip-outside-network',
    message: `${what} ${formatIpv4(ip)} is outside the network ${cidr}`,
    hint: `use an address between ${formatIpv4(range.start)} and ${formatIpv4(range.end)}`,
  }));
  const gateway = parseIpv4(spec.gateway);
  if (gateway !== undefined && !inside(gateway)) outside('/spec/gateway', 'gateway', gateway);
  if (gateway !== undefined && inside(gateway) && range.prefix <= 30 && (gateway === range.start || gateway === range.end)) {
    out.push(report(entry, '/spec/gateway', {
      severity: 'error',
      code: 'ip-reserved-address',
      message: `gateway ${formatIpv4(gateway)} is the ${gateway === range.start ? 'network' : 'broadcast'} address of ${cidr}`,
      hint: `use a host address such as ${formatIpv4(range.start + 1)}`,
    }));
  }
  const reserved = reservedAddresses(range, gateway ?? defaultGateway(range));
  const start = parseIpv4(at(spec, 'dhcp', 'start'));
  const end = parseIpv4(at(spec, 'dhcp', 'end'));
  if (start !== undefined && !inside(start)) outside('/spec/dhcp/start', 'DHCP range start', start);
  if (end !== undefined && !inside(end)) outside('/spec/dhcp/end', 'DHCP range end', end);
  if (start !== undefined && end !== undefined && inside(start) && inside(end)) {
    if (start > end) {
      out.push(report(entry, '/spec/dhcp', {
        severity: 'error',
        code: 'dhcp-range-invalid',
        message: `DHCP range start ${formatIpv4(start)} is after its end ${formatIpv4(end)}`,
        hint: 'swap start and end',
      }));
    } else {
      for (const [ip, what] of reserved) {
        if (ip < start || ip > end) continue;
        out.push(report(entry, '/spec/dhcp', {
          severity: 'error',
          code: 'dhcp-range-invalid',
          message: `DHCP range ${formatIpv4(start)}-${formatIpv4(end)} contains ${what} ${formatIpv4(ip)}`,
          hint: 'start the range after the gateway and end it before the broadcast address',
        }));
      }
    }
  }
  list(at(spec, 'dhcp', 'reservations')).forEach((reservation, i) => {
    const ip = parseIpv4(at(reservation, 'ip'));
    const pointer = joinPointer('spec', 'dhcp', 'reservations', i, 'ip');
    if (ip === undefined) return;
    if (!inside(ip)) return void outside(pointer, 'reserved address', ip);
    const what = reserved.get(ip);
    if (what !== undefined) {
      out.push(report(entry, pointer, {
        severity: 'error',
        code: 'ip-reserved-address',
        message: `reserved address ${formatIpv4(ip)} is ${what} of ${cidr}`,
        hint: 'reserve a host address that is not the network, broadcast or gateway address',
      }));
    }
  });
}
