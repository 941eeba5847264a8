/** The host document: reachability, capacity and the observed inventory, recorded for `plan --from-status`. */
import { canonicalJson } from '../compile/index.js';
import type { DesiredHostState } from '../types/desired.js';
import type { LiveHostState } from '../types/live.js';
import type { HostObservation } from '../types/plan.js';
import { oneLine } from './one-line.js';
import { sanitizeLibvirtXml } from './sanitize-xml.js';
import { STATUS_API_VERSION, type HostStatusDoc, type RecordedInventory } from './status-types.js';

/** The inventory to record from a live state: unowned objects lose their XML, owned XML loses foreign metadata. Pure. */
export function recordInventory(live: LiveHostState, since: string): RecordedInventory {
  const byName = <T extends { name: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareText(a.name, b.name));
  const xmlOf = (object: { owner: unknown; xml?: string }) => (object.owner !== null && object.xml !== undefined ? { xml: sanitizeLibvirtXml(object.xml) } : {});
  return {
    since,
    node: { cpus: live.node.cpus, memoryMiB: live.node.memoryMiB, ...(live.node.cpuModel === undefined ? {} : { cpuModel: live.node.cpuModel }) },
    kvm: live.kvm,
    domains: byName(live.domains).map((d) => ({ name: d.name, uuid: d.uuid, state: d.state, autostart: d.autostart, owner: d.owner, ...xmlOf(d) })),
    networks: byName(live.networks).map((n) => ({ name: n.name, active: n.active, autostart: n.autostart, owner: n.owner, ...xmlOf(n) })),
    pools: byName(live.pools).map((p) => ({ name: p.name, active: p.active, autostart: p.autostart, ...(p.path === undefined ? {} : { path: p.path }) })),
    volumes: [...live.volumes]
      .sort((a, b) => compareText(a.pool, b.pool) || compareText(a.name, b.name))
      .map((v) => ({ pool: v.pool, name: v.name, path: v.path, capacityBytes: v.capacityBytes, ...(v.format === undefined ? {} : { format: v.format }) })),
  };
}

/** Code-point order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when two inventories are the same apart from `since`. */
function sameInventory(a: RecordedInventory, b: RecordedInventory): boolean {
  return canonicalJson({ ...a, since: '' }) === canonicalJson({ ...b, since: '' });
}

/**
 * The document of one host. Reachable: the inventory as observed now (its `since` kept from the
 * previous document when nothing changed). Unreachable: the error, and the last inventory recorded. Pure.
 */
export function hostStatusOf(args: {
  host: string;
  observation: HostObservation | undefined;
  desired: DesiredHostState | undefined;
  previous: HostStatusDoc | undefined;
  now: string;
}): HostStatusDoc {
  const { observation, desired, previous } = args;
  const before = previous?.status.inventory;
  let inventory: RecordedInventory | undefined;
  if (observation?.ok === true) {
    const current = recordInventory(observation.live, observation.live.observedAt || args.now);
    inventory = before !== undefined && sameInventory(before, current) ? before : current;
  } else {
    inventory = before;
  }
  const vms = desired?.vms ?? [];
  return {
    apiVersion: STATUS_API_VERSION,
    kind: 'HostInventory',
    metadata: { name: args.host },
    status: {
      reachable: observation?.ok === true,
      ...(observation === undefined ? { error: 'not observed' } : observation.ok ? {} : { error: oneLine(observation.error) }),
      ...(desired === undefined ? {} : {
        zone: desired.host.zone,
        cordoned: desired.host.cordoned,
        allocated: { cpus: vms.reduce((n, vm) => n + vm.cpus, 0), memoryMiB: vms.reduce((n, vm) => n + vm.memoryMiB, 0), vms: vms.length },
      }),
      ...(inventory === undefined ? {} : { inventory }),
    },
  };
}

/** The live state a recorded inventory stands for: what `plan --from-status` plans against. Pure. */
export function liveFromInventory(host: string, inventory: RecordedInventory): LiveHostState {
  return {
    host,
    observedAt: inventory.since,
    node: { ...inventory.node },
    kvm: inventory.kvm,
    domains: inventory.domains.map((d) => ({ ...d })),
    networks: inventory.networks.map((n) => ({ ...n })),
    pools: inventory.pools.map((p) => ({ ...p })),
    volumes: inventory.volumes.map((v) => ({ ...v })),
  };
}
