import { describe, expect, it } from 'vitest';
import { clusterStrategies, resolveZoneOrder } from '../../../controller/rollout/index.js';
import { cluster } from './rollout-fixtures.js';

describe('resolveZoneOrder', () => {
  const zones = [
    { name: 'a', role: 'active' as const }, { name: 'b', role: 'standby' as const },
    { name: 'c', role: 'active' as const }, { name: 'd', role: 'standby' as const },
  ];

  it('puts standby zones first, then active ones, each in the order given', () => {
    expect(resolveZoneOrder(zones)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('takes the zones zoneOrder names first, once each, ignoring unknown ones', () => {
    expect(resolveZoneOrder(zones, ['c', 'x', 'c', 'b'])).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('clusterStrategies', () => {
  it('reads each Cluster with the schema defaults', () => {
    expect(clusterStrategies([cluster(1)])).toEqual({
      web: { name: 'web', zoneOrder: ['zone-a', 'zone-b'], maxUnavailable: 1, healthTimeoutSeconds: 300 },
    });
    expect(clusterStrategies([cluster(1, { updateStrategy: { maxUnavailable: 3, healthTimeoutSeconds: 30, zoneOrder: ['zone-b'] } })])['web'])
      .toEqual({ name: 'web', zoneOrder: ['zone-b', 'zone-a'], maxUnavailable: 3, healthTimeoutSeconds: 30 });
  });
});
