import type { DesiredHostState, DesiredVm, HostTarget } from '../types/desired.js';
import type { SeedProblem } from './build-seed.js';
import type { Catalog } from './catalog.js';
import { compileImage } from './compile-image.js';
import { compileNetwork, MODE_HAS_ADDRESS, networkBridge, type Reservation } from './compile-network.js';
import { compileVm } from './compile-vm.js';
import { hostSelected } from './host-selected.js';
import type { VmUnit } from './vm-unit.js';

/** What one host's state is built from. */
export interface HostInput {
  target: HostTarget;
  /** VMs placed on the host, in name order. */
  units: readonly VmUnit[];
  catalog: Catalog;
  macs: ReadonlyMap<string, readonly string[]>;
  bridges: ReadonlyMap<string, string>;
  /** Called once per VM whose cloud-init could not be fully used. */
  onSeedProblem: (unit: VmUnit, problem: SeedProblem) => void;
}

/** Names needed by the VMs plus those whose `hosts` selection picks the host, in name order. */
function neededNames<T extends { spec: { hosts?: Parameters<typeof hostSelected>[0] } }>(
  all: ReadonlyMap<string, T>,
  needed: ReadonlySet<string>,
  host: HostTarget,
): string[] {
  const names = new Set(needed);
  for (const [name, resource] of all) {
    if (resource.spec.hosts !== undefined && hostSelected(resource.spec.hosts, host)) names.add(name);
  }
  return [...names].filter((name) => all.has(name)).sort();
}

/** DHCP reservations of the static IPs of VMs on this host, per network that serves DHCP. */
function reservationsByNetwork(vms: readonly DesiredVm[], catalog: Catalog): Map<string, Reservation[]> {
  const out = new Map<string, Reservation[]>();
  for (const vm of vms) {
    for (const nic of vm.interfaces) {
      const network = catalog.networks.get(nic.network);
      if (nic.ip === undefined || network === undefined || !MODE_HAS_ADDRESS[network.spec.mode] || network.spec.dhcp === undefined) continue;
      const list = out.get(nic.network) ?? [];
      list.push({ mac: nic.mac, ip: nic.ip, name: vm.name });
      out.set(nic.network, list);
    }
  }
  return out;
}

/** Builds everything gitvirt wants on one host: pool, networks and images its VMs need (or that select it), VMs. */
export function assembleHost(input: HostInput): DesiredHostState {
  const { target, catalog } = input;
  const pool = target.storagePool.name;
  const vms = input.units.map((unit) => {
    const compiled = compileVm(unit, { pool, images: catalog.images, bridges: input.bridges, macs: input.macs.get(unit.name) ?? [] });
    for (const problem of compiled.problems) input.onSeedProblem(unit, problem);
    return compiled.vm;
  });
  const networkNames = neededNames(catalog.networks, new Set(vms.flatMap((vm) => vm.interfaces.map((nic) => nic.network))), target);
  const imageNames = neededNames(
    catalog.images,
    new Set(vms.flatMap((vm) => vm.disks.flatMap((disk) => (disk.source === undefined ? [] : [disk.source.image])))),
    target,
  );
  const reservations = reservationsByNetwork(vms, catalog);
  return {
    host: target,
    pool: { name: pool, path: target.storagePool.path },
    networks: networkNames.map((name) => compileNetwork(catalog.networks.get(name)!, reservations.get(name) ?? [])),
    images: imageNames.map((name) => compileImage(catalog.images.get(name)!, pool)),
    vms,
  };
}

/** Bridge device of every network, by network name. */
export function bridgesOf(catalog: Catalog): Map<string, string> {
  return new Map([...catalog.networks].map(([name, network]) => [name, networkBridge(network)]));
}
