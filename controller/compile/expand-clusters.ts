import type { DefaultedCluster, DefaultedVmSpec } from './defaulted.js';
import type { VmUnit } from './vm-unit.js';

/** Longest DNS label, and so the longest member name. */
export const MAX_NAME_LENGTH = 63;

/** Name of member `ordinal` of `cluster` in `zone`. */
export function memberName(cluster: string, zone: string, ordinal: number): string {
  return `${cluster}-${zone}-${ordinal}`;
}

/**
 * Expands one Cluster into its members `<cluster>-<zone>-<n>`, placed by zone (and the zone's selector).
 * Members whose name would not be a DNS label are left out (the manifest checks report `member-name-too-long`).
 */
export function expandCluster(cluster: DefaultedCluster): VmUnit[] {
  const { template, zones, antiAffinity } = cluster.spec;
  const labels = { ...(cluster.metadata.labels ?? {}), ...(template.metadata?.labels ?? {}) };
  const members: VmUnit[] = [];
  zones.forEach((zone, zoneIndex) => {
    for (let ordinal = 0; ordinal < zone.replicas; ordinal += 1) {
      const name = memberName(cluster.metadata.name, zone.name, ordinal);
      if (name.length > MAX_NAME_LENGTH) break;
      const placement = zone.selector === undefined ? { zone: zone.name } : { zone: zone.name, selector: { ...zone.selector } };
      const spec = { ...structuredClone(template.spec), placement } as DefaultedVmSpec;
      members.push({
        name,
        spec,
        labels: { ...labels },
        owner: { kind: 'VirtualMachine', name, cluster: cluster.metadata.name },
        cluster: { name: cluster.metadata.name, zone: zone.name, role: zone.role, ordinal },
        antiAffinity,
        origin: {
          kind: 'Cluster',
          name: cluster.metadata.name,
          specPath: '/spec/template/spec',
          placementPath: `/spec/zones/${zoneIndex}`,
        },
      });
    }
  });
  return members;
}
