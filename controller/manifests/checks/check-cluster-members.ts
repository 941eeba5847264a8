import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { where } from '../make-diagnostic.js';
import { at, list, num, str } from './fields.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** Longest name a VM (and so a cluster member) may have: a DNS label. */
export const MAX_NAME_LENGTH = 63;

/** Name of member `ordinal` of zone `zone` of cluster `cluster`. */
export function memberName(cluster: string, zone: string, ordinal: number): string {
  return `${cluster}-${zone}-${ordinal}`;
}

/** Cluster members (`<cluster>-<zone>-<n>`) need names of at most 63 characters that no VM or other member has. */
export function checkClusterMembers(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const taken = new Map<string, { entry: Entry; pointer: string }>();
  for (const vm of ctx.valid.VirtualMachine) if (!taken.has(vm.name)) taken.set(vm.name, { entry: vm, pointer: '/metadata/name' });
  for (const cluster of ctx.valid.Cluster) {
    list(at(cluster.value, 'spec', 'zones')).forEach((zone, i) => {
      const zoneName = str(at(zone, 'name'));
      const replicas = Math.min(num(at(zone, 'replicas')) ?? 0, 100_000);
      if (zoneName === undefined || replicas < 1) return;
      const pointer = joinPointer('spec', 'zones', i, 'name');
      const longest = memberName(cluster.name, zoneName, replicas - 1);
      if (longest.length > MAX_NAME_LENGTH) {
        out.push(report(cluster, pointer, {
          severity: 'error',
          code: 'member-name-too-long',
          message: `member name "${longest}" is ${longest.length} characters; VM names may have at most ${MAX_NAME_LENGTH}`,
          hint: 'shorten the cluster or zone name',
        }));
        return;
      }
      for (let n = 0; n < replicas; n++) {
        const name = memberName(cluster.name, zoneName, n);
        const first = taken.get(name);
        if (first === undefined) {
          taken.set(name, { entry: cluster, pointer });
          continue;
        }
        if (first.entry === cluster) break;
        const other = first.entry.kind === 'VirtualMachine'
          ? `VirtualMachine "${name}"`
          : `a member of Cluster "${first.entry.name}"`;
        out.push(report(cluster, pointer, {
          severity: 'error',
          code: 'name-collision',
          message: `member "${name}" has the same name as ${other} (${where(first.entry.locate(first.pointer))})`,
          hint: 'rename the VirtualMachine, the cluster or the zone so that names stay unique',
        }));
        break;
      }
    });
  }
  return out;
}
