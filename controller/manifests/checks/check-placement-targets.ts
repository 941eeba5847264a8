import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { at, list, obj, str } from './fields.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** Zone a Host is in when it names none. */
export const DEFAULT_ZONE = 'default';

interface HostIndex { zones: Map<string, Set<string>>; labels: Map<string, Set<string>>; all: Set<string> }

function indexHosts(hosts: readonly Entry[]): HostIndex {
  const index: HostIndex = { zones: new Map(), labels: new Map(), all: new Set() };
  const add = (map: Map<string, Set<string>>, key: string, host: string) => {
    const set = map.get(key);
    if (set === undefined) map.set(key, new Set([host]));
    else set.add(host);
  };
  for (const host of hosts) {
    index.all.add(host.name);
    add(index.zones, str(at(host.value, 'spec', 'zone')) ?? DEFAULT_ZONE, host.name);
    for (const [k, v] of Object.entries(obj(at(host.value, 'metadata', 'labels')) ?? {})) add(index.labels, `${k}=${String(v)}`, host.name);
  }
  return index;
}

/** Whether some host matches every given criterion; `undefined` criteria do not restrict. */
function anyMatching(index: HostIndex, zone: string | undefined, selector: Record<string, unknown> | undefined): boolean {
  const sets: Set<string>[] = [];
  if (zone !== undefined) sets.push(index.zones.get(zone) ?? new Set());
  for (const [k, v] of Object.entries(selector ?? {})) sets.push(index.labels.get(`${k}=${String(v)}`) ?? new Set());
  if (sets.length === 0) return index.all.size > 0;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
  for (const host of smallest) if (rest.every((s) => s.has(host))) return true;
  return false;
}

function describe(zone: string | undefined, selector: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  if (zone !== undefined) parts.push(`in zone "${zone}"`);
  const labels = Object.entries(selector ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  if (labels.length > 0) parts.push(`with labels ${labels.join(', ')}`);
  return parts.join(' ');
}

/**
 * Zones and label selectors that no Host satisfies (VM placement, Cluster zones, Network/Image host
 * selections) are warnings: nothing can be placed there until such a host exists.
 */
export function checkPlacementTargets(ctx: SemanticContext): Diagnostic[] {
  const index = indexHosts(ctx.valid.Host);
  const out: Diagnostic[] = [];
  const check = (entry: Entry, pointer: string, zone: string | undefined, selector: Record<string, unknown> | undefined) => {
    if (zone === undefined && selector === undefined) return;
    if (anyMatching(index, zone, selector)) return;
    const zoneOnly = selector === undefined || Object.keys(selector).length === 0;
    const known = [...index.zones.keys()].sort().join(', ') || '(none)';
    out.push(report(entry, pointer, {
      severity: 'warning',
      code: zoneOnly ? 'zone-without-hosts' : 'no-matching-host',
      message: `no Host ${describe(zone, selector)}`,
      hint: zoneOnly
        ? `add a Host with spec.zone "${zone}", or use an existing zone: ${known}`
        : 'add the labels to a Host (metadata.labels) or change the selector',
    }));
  };
  for (const vm of ctx.valid.VirtualMachine) {
    const placement = obj(at(vm.value, 'spec', 'placement'));
    if (placement === undefined || str(placement.host) !== undefined) continue;
    check(vm, '/spec/placement', str(placement.zone), obj(placement.selector));
  }
  for (const cluster of ctx.valid.Cluster) {
    list(at(cluster.value, 'spec', 'zones')).forEach((zone, i) => {
      check(cluster, joinPointer('spec', 'zones', i), str(at(zone, 'name')), obj(at(zone, 'selector')));
    });
  }
  for (const entry of [...ctx.valid.Network, ...ctx.valid.Image]) {
    list(at(entry.value, 'spec', 'hosts', 'zones')).forEach((zone, i) => {
      check(entry, joinPointer('spec', 'hosts', 'zones', i), str(zone), undefined);
    });
    const selector = obj(at(entry.value, 'spec', 'hosts', 'selector'));
    if (selector !== undefined) check(entry, '/spec/hosts/selector', undefined, selector);
  }
  return out;
}
