/** An IPv4 network: first and last address as unsigned 32-bit integers, and the prefix length. */
export interface Ipv4Range {
  start: number;
  end: number;
  prefix: number;
}

const OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted-decimal IPv4 into an unsigned 32-bit integer, or undefined. */
export function parseIpv4(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = OCTETS.exec(text);
  if (m === null) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

/** Formats an unsigned 32-bit integer as dotted-decimal IPv4. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/nn` into the network's address range (host bits cleared), or undefined. */
export function parseCidr(text: unknown): (Ipv4Range & { address: number }) | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const start = address - (address % size);
  return { start, end: start + size - 1, prefix, address };
}

/** Formats a range back as CIDR text. */
export function formatCidr(range: Ipv4Range): string {
  return `${formatIpv4(range.start)}/${range.prefix}`;
}

/** The addresses of a network that a guest may not take: network, broadcast and gateway. */
export function reservedAddresses(range: Ipv4Range, gateway: number | undefined): Map<number, string> {
  const reserved = new Map<number, string>();
  if (range.prefix <= 30) {
    reserved.set(range.start, 'the network address');
    reserved.set(range.end, 'the broadcast address');
  }
  const gw = gateway ?? defaultGateway(range);
  if (gw !== undefined) reserved.set(gw, 'the gateway address');
  return reserved;
}

/** The default gateway: the first host address of the network. */
export function defaultGateway(range: Ipv4Range): number | undefined {
  return range.prefix <= 30 ? range.start + 1 : range.prefix === 31 ? range.start : undefined;
}
