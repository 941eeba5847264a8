import type { Unplaced } from '../types/desired.js';
import type { Catalog } from './catalog.js';
import type { CompileUnplacedCode } from './types.js';
import type { VmUnit } from './vm-unit.js';

/** The first missing Image or Network a VM refers to, as a reason, or undefined when all exist. */
function missingReference(unit: VmUnit, catalog: Catalog): string | undefined {
  for (const disk of unit.spec.disks ?? []) {
    if (disk.image !== undefined && !catalog.images.has(disk.image)) {
      return `disk ${disk.name} refers to image ${disk.image}, which does not exist`;
    }
  }
  for (const [index, nic] of (unit.spec.interfaces ?? []).entries()) {
    if (!catalog.networks.has(nic.network)) return `interface ${index} refers to network ${nic.network}, which does not exist`;
  }
  return undefined;
}

/** Splits VMs into those whose references resolve and unplaced ones (`InvalidReference`). */
export function checkReferences(units: readonly VmUnit[], catalog: Catalog): { valid: VmUnit[]; unplaced: Unplaced[] } {
  const valid: VmUnit[] = [];
  const unplaced: Unplaced[] = [];
  for (const unit of units) {
    const reason = missingReference(unit, catalog);
    if (reason === undefined) valid.push(unit);
    else unplaced.push({ vm: unit.name, owner: { ...unit.owner }, code: 'InvalidReference' satisfies CompileUnplacedCode, reason });
  }
  return { valid, unplaced };
}
