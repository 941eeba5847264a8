/** Parses a dotted IPv4 address to an unsigned 32-bit number, or undefined when malformed. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Formats an unsigned 32-bit number as a dotted IPv4 address. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A parsed IPv4 CIDR. */
export interface Ipv4Cidr {
  network: number;
  prefix: number;
}

/** Parses `a.b.c.d/nn`, normalising to the network address; undefined when malformed. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const [address, prefixText, ...rest] = text.split('/');
  if (address === undefined || prefixText === undefined || rest.length > 0) return undefined;
  if (!/^[0-9]{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const ip = parseIpv4(address);
  if (ip === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { network: ip - (ip % size), prefix };
}

/** First usable host address of a CIDR (the network address itself for /31 and /32). */
export function firstHostAddress(cidr: Ipv4Cidr): string {
  return formatIpv4(cidr.prefix >= 31 ? cidr.network : cidr.network + 1);
}
