import { CPU_OVERCOMMIT_RATIO as SCHEDULER_CPU_OVERCOMMIT_RATIO } from '../../compile/scheduler/constants.js';
import { vmReservation } from '../../compile/scheduler/vm-reservation.js';
import type { Capacity } from '../../compile/scheduler/types.js';
import type { Diagnostic } from '../../types/diagnostic.js';
import { at, num, str } from './fields.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** vCPUs per physical CPU that pinned VMs may add up to (the scheduler's ratio); memory is never overcommitted. */
export const CPU_OVERCOMMIT_RATIO = SCHEDULER_CPU_OVERCOMMIT_RATIO;

/** Memory a Host keeps for itself when `reserved.memoryMiB` is not given. */
export const DEFAULT_RESERVED_MEMORY_MIB = 1024;

interface Resource { field: keyof Capacity; unit: string; counted: string; ratio: number; reservedDefault: number }

/** The two resources checked, as a table. */
const RESOURCES: readonly Resource[] = [
  { field: 'cpus', unit: 'vCPUs', counted: 'Halted VMs included', ratio: CPU_OVERCOMMIT_RATIO, reservedDefault: 0 },
  {
    field: 'memoryMiB', unit: 'MiB of memory', counted: 'at maximum memory (maxMemoryMiB), Halted VMs included',
    ratio: 1, reservedDefault: DEFAULT_RESERVED_MEMORY_MIB,
  },
];

/**
 * VMs pinned to a Host (`placement.host`) must fit its declared `capacity` minus `reserved`
 * (CPUs may be overcommitted up to CPU_OVERCOMMIT_RATIO, memory not). Each VM counts what
 * vmReservation says, the scheduler's rule: vCPUs and maximum memory, Halted VMs included.
 * Hosts without `capacity` are checked by the scheduler against live node info instead.
 */
export function checkHostCapacity(ctx: SemanticContext): Diagnostic[] {
  const pinned = new Map<string, Entry[]>();
  for (const vm of ctx.valid.VirtualMachine) {
    const host = str(at(vm.value, 'spec', 'placement', 'host'));
    if (host === undefined) continue;
    const list = pinned.get(host);
    if (list === undefined) pinned.set(host, [vm]);
    else list.push(vm);
  }
  const out: Diagnostic[] = [];
  for (const [hostName, vms] of pinned) {
    const host = ctx.byName.Host.get(hostName);
    if (host === undefined || !host.valid) continue;
    for (const resource of RESOURCES) {
      const capacity = num(at(host.value, 'spec', 'capacity', resource.field));
      if (capacity === undefined) continue;
      const reserved = num(at(host.value, 'spec', 'reserved', resource.field)) ?? resource.reservedDefault;
      const available = Math.max(0, capacity - reserved) * resource.ratio;
      let used = 0;
      let overflow: Entry | undefined;
      for (const vm of vms) {
        used += reservationOf(vm)[resource.field];
        if (overflow === undefined && used > available) overflow = vm;
      }
      if (overflow === undefined) continue;
      const names = vms.map((v) => v.name);
      const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
      const formula = resource.ratio === 1
        ? `${capacity} - ${reserved} reserved`
        : `(${capacity} - ${reserved} reserved) x ${resource.ratio} overcommit`;
      out.push(report(overflow, '/spec/placement/host', {
        severity: 'error',
        code: 'host-overcommitted',
        message: `Host "${hostName}" has ${available} ${resource.unit} for pinned VMs (${formula}), but the VMs pinned to it reserve ${used}, ${resource.counted} (${shown})`,
        hint: 'pin fewer or smaller VMs to this host, place some by zone or selector instead, or raise its capacity',
      }));
    }
  }
  return out;
}

/** What a pinned VM reserves, read from its (schema-valid) spec. */
function reservationOf(vm: Entry): Capacity {
  const spec = (field: string) => num(at(vm.value, 'spec', field));
  return vmReservation({ cpus: spec('cpus') ?? 0, memoryMiB: spec('memoryMiB') ?? 0, maxMemoryMiB: spec('maxMemoryMiB') });
}
