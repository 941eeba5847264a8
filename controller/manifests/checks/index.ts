/**
 * Semantic checks: rules across documents that a JSON Schema cannot express (unique names,
 * references, addresses, capacity, cluster member names). Pure; each check is a small function.
 */
export { runSemanticChecks, SEMANTIC_CHECKS } from './semantic-checks.js';
export { createSemanticContext, KINDS, report } from './semantic-context.js';
export type { Entry, Finding, SemanticCheck, SemanticContext } from './semantic-context.js';
export { CPU_OVERCOMMIT_RATIO, DEFAULT_RESERVED_MEMORY_MIB } from './check-host-capacity.js';
export { MAX_NAME_LENGTH, memberName } from './check-cluster-members.js';
export { checkCidrOverlap } from './check-cidr-overlap.js';
export { checkClusterMembers } from './check-cluster-members.js';
export { checkClusterZones } from './check-cluster-zones.js';
export { checkDuplicateNames } from './check-duplicate-names.js';
export { checkHostCapacity } from './check-host-capacity.js';
export { checkHostKeys } from './check-host-keys.js';
export { checkMacCollisions } from './check-mac-collisions.js';
export { checkNetworkAddresses } from './check-network-addresses.js';
export { checkPlacementTargets } from './check-placement-targets.js';
export { checkReferences } from './check-references.js';
export { checkStaticIps } from './check-static-ips.js';
