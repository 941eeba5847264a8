import { describe, expect, it } from 'vitest';
import {
  DOMAIN_FIELD_CLASSES, NETWORK_FIELD_CLASSES, classifyField, domainTree, matchFieldPattern, networkTree, worstClass,
} from '../../../controller/diff/index.js';
import { domainModelFromDesired, networkModelFromDesired } from '../../../controller/libvirt/index.js';
import type { FieldChange } from '../../../controller/types/change.js';
import { CTX, NETWORKS, VMS } from '../../fixtures/libvirt/cases.js';

describe('matchFieldPattern', () => {
  it.each([
    ['memoryMiB', 'memoryMiB', true],
    ['memoryMiB', 'maxMemoryMiB', false],
    ['disks[*]', 'disks[vda]', true],
    ['disks[*]', 'disks[vda].bus', false],
    ['disks[*].iotune.*', 'disks[vda].iotune.totalBytesSec', true],
    ['disks[*].iotune.*', 'disks[vda].iotune', false],
    ['interfaces[*].linkState', 'interfaces[52:54:00:aa:00:01].linkState', true],
    ['hosts[*].*', 'hosts[52:54:00:aa:00:01].ip', true],
    ['**', 'anything.at[all]', true],
  ])('%s ~ %s = %s', (pattern, path, expected) => {
    expect(matchFieldPattern(pattern, path)).toBe(expected);
  });
});

describe('change class tables', () => {
  it.each([
    ['autostart', 'live'], ['state', 'live'], ['memoryMiB', 'live'], ['cpuShares', 'live'], ['vcpuPins', 'live'],
    ['disks[vda].iotune.readIopsSec', 'live'], ['interfaces[52:54:00:00:00:01].linkState', 'live'],
    ['vcpus', 'restart'], ['maxMemoryMiB', 'restart'], ['machine', 'restart'], ['kernel', 'restart'], ['initrd', 'restart'],
    ['cmdline', 'restart'], ['disks[vda].bus', 'restart'], ['disks[vdb]', 'restart'], ['interfaces[52:54:00:00:00:01]', 'restart'],
    ['interfaces[52:54:00:00:00:01].model', 'restart'], ['cdroms[sda].source', 'restart'],
    ['disks[vda].source', 'replace'], ['disks[vda].origin', 'replace'], ['type', 'replace'],
  ] as const)('domain %s is %s', (path, klass) => {
    expect(classifyField(DOMAIN_FIELD_CLASSES, path)).toBe(klass);
  });

  it.each([
    ['hosts[52:54:00:00:00:01]', 'live'], ['hosts[52:54:00:00:00:01].ip', 'live'], ['autostart', 'live'], ['active', 'live'],
    ['mtu', 'replace'], ['bridge', 'replace'], ['dhcpRange.start', 'replace'], ['mode', 'replace'], ['address', 'replace'],
  ] as const)('network %s is %s', (path, klass) => {
    expect(classifyField(NETWORK_FIELD_CLASSES, path)).toBe(klass);
  });

  it('classifies every leaf of a domain model by an explicit row, not the fallback', () => {
    const fallback = DOMAIN_FIELD_CLASSES.findIndex((rule) => rule.pattern === '**');
    const paths: string[] = [];
    const walk = (prefix: string, value: unknown): void => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value)) walk(key.startsWith('[') || prefix === '' ? `${prefix}${key}` : `${prefix}.${key}`, child);
      } else paths.push(prefix);
    };
    for (const vm of VMS) walk('', domainTree(domainModelFromDesired(vm, CTX)));
    for (const path of new Set(paths)) {
      const row = DOMAIN_FIELD_CLASSES.findIndex((rule) => matchFieldPattern(rule.pattern, path));
      expect(row, path).toBeLessThan(fallback);
    }
    expect(Object.keys(networkTree(networkModelFromDesired(NETWORKS[0]!, { revision: '' })))).toContain('hosts');
  });
});

describe('worstClass', () => {
  const field = (klass: FieldChange['class']): FieldChange => ({ path: 'x', from: 1, to: 2, class: klass });
  it('orders replace > restart > live', () => {
    expect(worstClass([])).toBeUndefined();
    expect(worstClass([field('live')])).toBe('live');
    expect(worstClass([field('live'), field('restart')])).toBe('restart');
    expect(worstClass([field('restart'), field('replace'), field('live')])).toBe('replace');
  });
});
