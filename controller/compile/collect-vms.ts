import type { Catalog } from './catalog.js';
import { expandCluster } from './expand-clusters.js';
import type { VmUnit } from './vm-unit.js';

/** Compares names in code-point order. */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Every VM to compile, in name order: VirtualMachines, then Cluster members whose name is free
 * (a taken name keeps its first owner; the manifest checks report the collision as `name-collision`).
 */
export function collectVms(catalog: Catalog): VmUnit[] {
  const units = new Map<string, VmUnit>();
  for (const vm of catalog.vms.values()) {
    units.set(vm.metadata.name, {
      name: vm.metadata.name,
      spec: vm.spec,
      labels: { ...(vm.metadata.labels ?? {}) },
      owner: { kind: 'VirtualMachine', name: vm.metadata.name },
      origin: { kind: 'VirtualMachine', name: vm.metadata.name, specPath: '/spec', placementPath: '/spec/placement' },
    });
  }
  for (const cluster of catalog.clusters.values()) {
    for (const member of expandCluster(cluster)) {
      if (!units.has(member.name)) units.set(member.name, member);
    }
  }
  return [...units.values()].sort(byName);
}
