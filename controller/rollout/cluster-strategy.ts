import { applyDefaults } from '../compile/index.js';
import type { Cluster, Resource, UpdateStrategy } from '../types/resources.js';

/** How one cluster rolls out, with defaults applied and the zone order resolved. */
export interface ClusterStrategy {
  name: string;
  /** Zones in the order they are updated. */
  zoneOrder: string[];
  /** Members of one zone that may be unavailable at once. */
  maxUnavailable: number;
  /** Seconds a changed member may take to become healthy before the rollout stalls. */
  healthTimeoutSeconds: number;
}

/** Default order of zones not named in `zoneOrder`: standby zones first, then active ones. */
export const ZONE_ROLE_ORDER: Readonly<Record<'standby' | 'active', number>> = { standby: 0, active: 1 };

/** Zone order: the zones named in `zoneOrder` (known ones, once each), then the rest by role, each in `zones` order. Pure. */
export function resolveZoneOrder(zones: readonly { name: string; role: 'active' | 'standby' }[], zoneOrder: readonly string[] = []): string[] {
  const known = new Set(zones.map((zone) => zone.name));
  const listed = [...new Set(zoneOrder)].filter((name) => known.has(name));
  const rest = zones
    .filter((zone) => !listed.includes(zone.name))
    .map((zone, index) => ({ zone, index }))
    .sort((a, b) => ZONE_ROLE_ORDER[a.zone.role] - ZONE_ROLE_ORDER[b.zone.role] || a.index - b.index)
    .map(({ zone }) => zone.name);
  return [...listed, ...rest];
}

/** The rollout strategy of every Cluster among `resources`, by cluster name (schema defaults applied). Pure. */
export function clusterStrategies(resources: readonly Resource[]): Record<string, ClusterStrategy> {
  const strategies: Record<string, ClusterStrategy> = {};
  for (const resource of resources) {
    if (resource.kind !== 'Cluster') continue;
    const cluster = applyDefaults(resource as Cluster);
    // applyDefaults materialises updateStrategy with every schema default (MATERIALIZED_OBJECTS).
    const strategy = cluster.spec.updateStrategy as Required<Omit<UpdateStrategy, 'zoneOrder'>> & Pick<UpdateStrategy, 'zoneOrder'>;
    strategies[cluster.metadata.name] = {
      name: cluster.metadata.name,
      zoneOrder: resolveZoneOrder(cluster.spec.zones, strategy.zoneOrder),
      maxUnavailable: strategy.maxUnavailable,
      healthTimeoutSeconds: strategy.healthTimeoutSeconds,
    };
  }
  return strategies;
}
