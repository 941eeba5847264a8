/**
 * Compile (pure): turns validated resources into the desired state of every host — schema defaults,
 * cluster expansion, references, stable MACs and bridge names, cloud-init seeds, placement by the
 * scheduler, and spec hashes. No I/O: callers gather live placement and capacities first.
 */
export { compile } from './compile.js';
export { compileManifests } from './compile-manifests.js';
export type { CompileInput, CompileUnplacedCode, HostCapacities, LivePlacement, LocateResource } from './types.js';
export { applyDefaults, MATERIALIZED_OBJECTS, type DefaultedByKind, type DefaultedResource } from './defaults/index.js';
export { canonicalJson } from './canonical-json.js';
export { sha256Hex, specHash } from './spec-hash.js';
export { deriveBridgeName } from './bridge-name.js';
export { deriveMac, MacAllocator, MAC_PREFIX } from './mac-allocator.js';
export { buildSeed, type SeedCloudInit, type SeedProblem } from './build-seed.js';
export { assignDiskTargets, driveLetters } from './disk-target.js';
export { memberName } from './expand-clusters.js';
export { imageVolume } from './compile-image.js';
export { AUTOSTART_BY_RUN_STRATEGY } from './compile-vm.js';
export {
  schedule,
  CPU_OVERCOMMIT_RATIO,
  MEMORY_OVERCOMMIT_RATIO,
  type Capacity,
  type ScheduleInput,
  type ScheduleResult,
  type SchedulerHost,
  type SchedulerVm,
  type UnplacedCode,
} from './scheduler/index.js';
