import type { Catalog } from './catalog.js';
import { MacAllocator } from './mac-allocator.js';
import type { VmUnit } from './vm-unit.js';

/**
 * Resolves the MAC of every interface: given MACs (on interfaces and in DHCP reservations) are
 * reserved first, then the rest are derived in VM-name and interface order, re-hashing on collision.
 */
export function allocateMacs(units: readonly VmUnit[], catalog: Catalog): Map<string, string[]> {
  const allocator = new MacAllocator();
  for (const network of catalog.networks.values()) {
    for (const reservation of network.spec.dhcp?.reservations ?? []) {
      allocator.reserve(reservation.mac, `network ${network.metadata.name}`);
    }
  }
  for (const unit of units) {
    (unit.spec.interfaces ?? []).forEach((nic, index) => {
      if (nic.mac !== undefined) allocator.reserve(nic.mac, `${unit.name}/${index}`);
    });
  }
  const macs = new Map<string, string[]>();
  for (const unit of units) {
    const list = (unit.spec.interfaces ?? []).map((nic, index) => nic.mac?.toLowerCase() ?? allocator.derive(unit.name, index, nic.network));
    macs.set(unit.name, list);
  }
  return macs;
}
