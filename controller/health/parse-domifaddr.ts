/** One address row of `virsh domifaddr`. */
export interface InterfaceAddress {
  /** Interface name on the host side (`vnet0`), '' when libvirt does not say. */
  name: string;
  mac: string;
  protocol: 'ipv4' | 'ipv6';
  /** Address without its prefix length. */
  address: string;
  prefix?: number;
}

/** A row: name, MAC, protocol, address/prefix (`-` repeats the row above's name and MAC). */
const ROW = /^\s*(\S+)\s+(\S+)\s+(ipv4|ipv6)\s+([0-9A-Fa-f:.]+)(?:\/([0-9]{1,3}))?\s*$/;

/** Reads the table `virsh domifaddr` prints into rows. Pure. */
export function parseDomifaddr(stdout: string): InterfaceAddress[] {
  const rows: InterfaceAddress[] = [];
  let previous = { name: '', mac: '' };
  for (const line of stdout.split('\n')) {
    const match = ROW.exec(line);
    if (match === null) continue;
    const [, name = '', mac = '', protocol, address = '', prefix] = match;
    const current = { name: name === '-' ? previous.name : name, mac: mac === '-' ? previous.mac : mac.toLowerCase() };
    previous = current;
    rows.push({ ...current, protocol: protocol as InterfaceAddress['protocol'], address, ...(prefix === undefined ? {} : { prefix: Number(prefix) }) });
  }
  return rows;
}

/** The address to probe: the first IPv4 of the first listed MAC that has one, else any IPv4, else any address. */
export function pickAddress(rows: readonly InterfaceAddress[], macs: readonly string[]): string | undefined {
  for (const mac of macs) {
    const found = rows.find((row) => row.mac === mac.toLowerCase() && row.protocol === 'ipv4');
    if (found !== undefined) return found.address;
  }
  return (rows.find((row) => row.protocol === 'ipv4') ?? rows[0])?.address;
}
