import { MAX_REASON_HOSTS } from './constants.js';
import { membersOn, slotMatches, type HostSlot } from './host-slot.js';
import type { PlacementConstraint, SchedulerVm, UnplacedCode, UnplacedVm } from './types.js';

/** Why one host could not take the VM. */
type Refusal = 'resources' | 'anti-affinity' | 'unknown-capacity' | 'cordoned';

/** Unplaced code by the refusals seen, most actionable first. */
const CODE_BY_REFUSAL: readonly (readonly [Refusal, UnplacedCode])[] = [
  ['resources', 'InsufficientCapacity'],
  ['anti-affinity', 'AntiAffinity'],
  ['unknown-capacity', 'CapacityUnknown'],
  ['cordoned', 'HostCordoned'],
];

/** Formats a vCPU count with its unit, e.g. `1 vCPU`, `2.5 vCPUs`. */
export function vcpus(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} vCPU${rounded === 1 ? '' : 's'}`;
}

/** What the VM asks for, e.g. `2 vCPUs and 4096 MiB memory`. */
export function describeNeed(vm: Pick<SchedulerVm, 'cpus' | 'memoryMiB'>): string {
  return `${vcpus(vm.cpus)} and ${vm.memoryMiB} MiB memory`;
}

/** Describes a placement constraint, e.g. `zone "a" and selector disk=ssd`. */
export function describeConstraint(constraint: PlacementConstraint): string {
  const parts: string[] = [];
  if (constraint.zone !== undefined) parts.push(`zone "${constraint.zone}"`);
  const selector = Object.entries(constraint.selector ?? {}).map(([k, v]) => `${k}=${v}`);
  if (selector.length > 0) parts.push(`selector ${selector.sort().join(',')}`);
  return parts.length === 0 ? 'any host' : parts.join(' and ');
}

/** Why `slot` refused the VM, with the clause naming what ran out. */
function refusal(slot: HostSlot, vm: SchedulerVm): { refusal: Refusal; text: string } | undefined {
  if (slot.cordoned) return { refusal: 'cordoned', text: `${slot.name} is ${slot.draining ? 'draining' : 'cordoned'}` };
  if (!slot.known) return { refusal: 'unknown-capacity', text: `${slot.name} has unknown capacity` };
  if (vm.group?.antiAffinity === 'required') {
    const member = membersOn(slot, vm.group.name)[0];
    if (member !== undefined) {
      return { refusal: 'anti-affinity', text: `${slot.name} hosts cluster member ${member} (anti-affinity)` };
    }
  }
  const cpuShort = slot.freeCpus < vm.cpus;
  const memoryShort = slot.freeMemoryMiB < vm.memoryMiB;
  if (!cpuShort && !memoryShort) return undefined;
  const free = [cpuShort ? vcpus(Math.max(0, slot.freeCpus)) : '', memoryShort ? `${Math.max(0, slot.freeMemoryMiB)} MiB` : '']
    .filter((s) => s !== '')
    .join(' and ');
  return { refusal: 'resources', text: `${slot.name} has ${free} free` };
}

/** Explains why no host in scope took the VM: what it needs and, per host, what ran out. */
export function explainUnplaced(vm: SchedulerVm, slots: readonly HostSlot[]): UnplacedVm {
  const scope = slots.filter((slot) => slotMatches(slot, vm.placement));
  if (scope.length === 0) {
    return { vm: vm.name, code: 'NoMatchingHost', reason: `no host matches ${describeConstraint(vm.placement)}` };
  }
  const seen = new Set<Refusal>();
  const clauses: string[] = [];
  for (const slot of scope) {
    const why = refusal(slot, vm);
    if (why === undefined) continue;
    seen.add(why.refusal);
    clauses.push(why.text);
  }
  const listed = clauses.slice(0, MAX_REASON_HOSTS);
  if (clauses.length > listed.length) listed.push(`and ${clauses.length - listed.length} more hosts`);
  const code = CODE_BY_REFUSAL.find(([r]) => seen.has(r))?.[1] ?? 'InsufficientCapacity';
  return { vm: vm.name, code, reason: `needs ${describeNeed(vm)}; ${listed.join(', ')}` };
}
