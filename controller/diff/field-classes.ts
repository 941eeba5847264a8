import type { UpdateClass } from '../types/change.js';

/** One row of a change-class table: a field path pattern and the class of a change to it. */
export interface FieldClassRule {
  /** Field path; `[*]` matches any key in brackets, a trailing `.*` any sub-path, `**` anything. */
  pattern: string;
  class: UpdateClass;
}

/** Domain field classes, first match wins; unknown fields default to `restart`. */
export const DOMAIN_FIELD_CLASSES: readonly FieldClassRule[] = [
  { pattern: 'autostart', class: 'live' },
  { pattern: 'state', class: 'live' },
  { pattern: 'owner.specHash', class: 'live' },
  { pattern: 'memoryMiB', class: 'live' },
  { pattern: 'cpuShares', class: 'live' },
  { pattern: 'vcpuPins', class: 'live' },
  { pattern: 'disks[*].iotune.*', class: 'live' },
  { pattern: 'interfaces[*].linkState', class: 'live' },
  { pattern: 'type', class: 'replace' },
  { pattern: 'disks[*].source', class: 'replace' },
  { pattern: 'disks[*].format', class: 'replace' },
  { pattern: 'disks[*].origin', class: 'replace' },
  { pattern: 'vcpus', class: 'restart' },
  { pattern: 'maxVcpus', class: 'restart' },
  { pattern: 'maxMemoryMiB', class: 'restart' },
  { pattern: 'machine', class: 'restart' },
  { pattern: 'cpuMode', class: 'restart' },
  { pattern: 'kernel', class: 'restart' },
  { pattern: 'initrd', class: 'restart' },
  { pattern: 'cmdline', class: 'restart' },
  { pattern: 'disks[*]', class: 'restart' },
  { pattern: 'disks[*].*', class: 'restart' },
  { pattern: 'cdroms[*]', class: 'restart' },
  { pattern: 'cdroms[*].*', class: 'restart' },
  { pattern: 'interfaces[*]', class: 'restart' },
  { pattern: 'interfaces[*].*', class: 'restart' },
  { pattern: '**', class: 'restart' },
];

/** Network field classes: DHCP reservations change live (`net-update`); anything else needs the network redefined and restarted. */
export const NETWORK_FIELD_CLASSES: readonly FieldClassRule[] = [
  { pattern: 'autostart', class: 'live' },
  { pattern: 'active', class: 'live' },
  { pattern: 'owner.specHash', class: 'live' },
  { pattern: 'hosts[*]', class: 'live' },
  { pattern: 'hosts[*].*', class: 'live' },
  { pattern: '**', class: 'replace' },
];

/** Storage pool field classes. */
export const POOL_FIELD_CLASSES: readonly FieldClassRule[] = [
  { pattern: 'active', class: 'live' },
  { pattern: 'autostart', class: 'live' },
  { pattern: '**', class: 'replace' },
];

/** Storage volume field classes: growing is live (`vol-resize`), anything else means a new volume. */
export const VOLUME_FIELD_CLASSES: readonly FieldClassRule[] = [
  { pattern: 'capacityBytes', class: 'live' },
  { pattern: '**', class: 'replace' },
];

const compiled = new Map<string, RegExp>();

/** True when `path` matches a FieldClassRule pattern. */
export function matchFieldPattern(pattern: string, path: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    const body = pattern === '**'
      ? '.*'
      : pattern
        .split(/(\[\*\]|\.\*$)/)
        .map((part) => (part === '[*]' ? '\\[[^\\]]+\\]' : part === '.*' ? '\\..+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    regex = new RegExp(`^${body}$`);
    compiled.set(pattern, regex);
  }
  return regex.test(path);
}

/** The class of a change to `path` according to `table` (`restart` when no row matches). */
export function classifyField(table: readonly FieldClassRule[], path: string): UpdateClass {
  return table.find((rule) => matchFieldPattern(rule.pattern, path))?.class ?? 'restart';
}
