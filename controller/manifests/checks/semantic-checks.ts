import type { Diagnostic } from '../../types/diagnostic.js';
import { checkCidrOverlap } from './check-cidr-overlap.js';
import { checkClusterMembers } from './check-cluster-members.js';
import { checkClusterZones } from './check-cluster-zones.js';
import { checkDuplicateNames } from './check-duplicate-names.js';
import { checkHostCapacity } from './check-host-capacity.js';
import { checkHostKeys } from './check-host-keys.js';
import { checkMacCollisions } from './check-mac-collisions.js';
import { checkNetworkAddresses } from './check-network-addresses.js';
import { checkPlacementTargets } from './check-placement-targets.js';
import { checkReferences } from './check-references.js';
import { checkStaticIps } from './check-static-ips.js';
import { createSemanticContext } from './semantic-context.js';
import type { Entry, SemanticCheck } from './semantic-context.js';

/** Every semantic check, in the order their findings are gathered. */
export const SEMANTIC_CHECKS: readonly { name: string; check: SemanticCheck }[] = [
  { name: 'duplicate-names', check: checkDuplicateNames },
  { name: 'host-keys', check: checkHostKeys },
  { name: 'references', check: checkReferences },
  { name: 'cluster-zones', check: checkClusterZones },
  { name: 'placement-targets', check: checkPlacementTargets },
  { name: 'cidr-overlap', check: checkCidrOverlap },
  { name: 'network-addresses', check: checkNetworkAddresses },
  { name: 'static-ips', check: checkStaticIps },
  { name: 'mac-collisions', check: checkMacCollisions },
  { name: 'host-capacity', check: checkHostCapacity },
  { name: 'cluster-members', check: checkClusterMembers },
];

/** Runs every semantic check over the entries and returns their findings. */
export function runSemanticChecks(options: { entries: readonly Entry[]; checks?: readonly { check: SemanticCheck }[] }): Diagnostic[] {
  const ctx = createSemanticContext(options.entries);
  return (options.checks ?? SEMANTIC_CHECKS).flatMap(({ check }) => check(ctx));
}
