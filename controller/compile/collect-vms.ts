import type { Catalog } from './catalog.js';
import type { CompileDiagnostics } from './compile-diagnostics.js';
import { expandCluster } from './expand-clusters.js';
import type { VmUnit } from './vm-unit.js';

/** Compares names in code-point order. */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Reports template interfaces whose fixed MAC or IP every member of a multi-member cluster would share. */
function checkSharedAddresses(catalog: Catalog, diagnostics: CompileDiagnostics): void {
  for (const cluster of catalog.clusters.values()) {
    const replicas = cluster.spec.zones.reduce((sum, zone) => sum + zone.replicas, 0);
    if (replicas < 2) continue;
    (cluster.spec.template.spec.interfaces ?? []).forEach((nic, index) => {
      for (const field of ['mac', 'ip'] as const) {
        if (nic[field] === undefined) continue;
        diagnostics.add({
          severity: 'error',
          code: field === 'mac' ? 'mac-collision' : 'ip-collision',
          message: `every one of the ${replicas} members would get ${field} ${nic[field]}`,
          hint: `remove ${field} from the template interface`,
          resource: { kind: 'Cluster', name: cluster.metadata.name },
          path: `/spec/template/spec/interfaces/${index}/${field}`,
        });
      }
    });
  }
}

/** Every VM to compile, in name order: VirtualMachines, then Cluster members whose name is not taken. */
export function collectVms(catalog: Catalog, diagnostics: CompileDiagnostics): VmUnit[] {
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
  checkSharedAddresses(catalog, diagnostics);
  for (const cluster of catalog.clusters.values()) {
    for (const member of expandCluster(cluster, diagnostics)) {
      const taken = units.get(member.name);
      if (taken === undefined) {
        units.set(member.name, member);
        continue;
      }
      diagnostics.add({
        severity: 'error',
        code: 'duplicate-name',
        message: `member ${member.name} has the name of ${taken.origin.kind} ${taken.origin.name}`,
        hint: 'rename the cluster, the zone or the other VM',
        resource: { kind: 'Cluster', name: cluster.metadata.name },
        path: member.origin.placementPath,
      });
    }
  }
  return [...units.values()].sort(byName);
}
