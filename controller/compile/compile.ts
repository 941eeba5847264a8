import type { DesiredHostState, DesiredState } from '../types/desired.js';
import { allocateMacs } from './allocate-macs.js';
import { assembleHost, bridgesOf } from './assemble-host.js';
import type { SeedProblem } from './build-seed.js';
import { buildCatalog } from './catalog.js';
import { checkReferences } from './check-references.js';
import { collectVms } from './collect-vms.js';
import { CompileDiagnostics } from './compile-diagnostics.js';
import { hostTarget } from './host-target.js';
import { placeVms } from './place-vms.js';
import type { CompileInput } from './types.js';
import type { VmUnit } from './vm-unit.js';

/** Compares names in code-point order. */
function byName(a: { vm: string }, b: { vm: string }): number {
  return a.vm < b.vm ? -1 : a.vm > b.vm ? 1 : 0;
}

/**
 * Compiles validated resources into the desired state of every host: applies schema defaults,
 * expands clusters, resolves references and MACs, places VMs, and builds networks, images, disks
 * and cloud-init seeds per host. Pure and deterministic; bad input becomes diagnostics or `unplaced`.
 */
export function compile(input: CompileInput): DesiredState {
  const diagnostics = new CompileDiagnostics(input.locate);
  const catalog = buildCatalog(input.resources);
  const targets = [...catalog.hosts.values()].map(hostTarget);
  const { valid, unplaced: invalid } = checkReferences(collectVms(catalog), catalog);
  const macs = allocateMacs(valid, catalog);
  const placed = placeVms({ units: valid, hosts: targets, live: input.live, capacities: input.capacities, diagnostics });
  const unitsByHost = new Map<string, VmUnit[]>();
  for (const unit of valid) {
    const host = placed.placements.get(unit.name);
    if (host === undefined) continue;
    const list = unitsByHost.get(host);
    if (list === undefined) unitsByHost.set(host, [unit]);
    else list.push(unit);
  }
  const reported = new Set<string>();
  const onSeedProblem = (unit: VmUnit, problem: SeedProblem): void => {
    const key = `${unit.origin.kind}/${unit.origin.name}/${problem.kind}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.add({
      severity: 'error',
      code: 'cloud-init-user-data',
      message: `userData is not usable and was left out of the seed: ${problem.message}`,
      hint: 'write userData as a YAML mapping of cloud-config keys',
      resource: { kind: unit.origin.kind, name: unit.origin.name },
      path: `${unit.origin.specPath}/cloudInit/userData`,
    });
  };
  const bridges = bridgesOf(catalog);
  const hosts: Record<string, DesiredHostState> = {};
  for (const target of targets) {
    const units = unitsByHost.get(target.name) ?? [];
    hosts[target.name] = assembleHost({ target, units, catalog, macs, bridges, onSeedProblem });
  }
  return {
    revision: input.revision,
    hosts,
    unplaced: [...invalid, ...placed.unplaced].sort(byName),
    ...(placed.drains.length === 0 ? {} : { drains: placed.drains }),
    diagnostics: diagnostics.list,
  };
}
