import { joinPointer } from '../create-locator.js';
import { at, list, num, str } from './fields.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** One network interface as written in a VirtualMachine or a Cluster template. */
export interface InterfaceRef {
  entry: Entry;
  /** JSON pointer of the interface object. */
  pointer: string;
  network: string;
  ip?: string;
  mac?: string;
  /** How many guests get this exact interface: 1 for a VM, the total replicas for a Cluster template. */
  copies: number;
}

/** Total replicas over a Cluster's zones. */
export function clusterReplicas(cluster: Entry): number {
  return list(at(cluster.value, 'spec', 'zones')).reduce<number>((sum, zone) => sum + (num(at(zone, 'replicas')) ?? 0), 0);
}

/** Every interface of every valid VirtualMachine and Cluster template, in document order. */
export function interfaceList(ctx: SemanticContext): InterfaceRef[] {
  const out: InterfaceRef[] = [];
  const collect = (entry: Entry, base: readonly string[], copies: number) => {
    list(at(entry.value, ...base, 'interfaces')).forEach((iface, i) => {
      const network = str(at(iface, 'network'));
      if (network === undefined) return;
      const ref: InterfaceRef = { entry, pointer: joinPointer(...base, 'interfaces', i), network, copies };
      const ip = str(at(iface, 'ip'));
      const mac = str(at(iface, 'mac'));
      if (ip !== undefined) ref.ip = ip;
      if (mac !== undefined) ref.mac = mac.toLowerCase();
      out.push(ref);
    });
  };
  for (const vm of ctx.valid.VirtualMachine) collect(vm, ['spec'], 1);
  for (const cluster of ctx.valid.Cluster) collect(cluster, ['spec', 'template', 'spec'], clusterReplicas(cluster));
  return out;
}
