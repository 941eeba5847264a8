/**
 * Apply: runs a plan through each host's client — hosts in parallel with a bound, each host's
 * actions in order — and records what happened as a change set; also writes cloud-init seed ISOs.
 * A `domain.migrate` runs with the clients of both its hosts (cold migration, volumes copied through here).
 */
export { buildSeedIso, type SeedIsoOptions } from './seed-iso.js';
export { SeedIsoInputError, type SeedIsoInputData } from './seed-iso-errors.js';
export { SEED_FILE_NAME, SEED_VOLUME_ID } from './seed-iso-names.js';
export { applyPlan, DEFAULT_APPLY_CONCURRENCY, type ApplyPlanArgs } from './apply-plan.js';
export { CANCELLED } from './apply-host.js';
export { actionTarget } from './action-target.js';
export { errorInfo, INTERNAL_ERROR } from './error-info.js';
export { skippedKind } from './change-set-entry.js';
export { runMigration, type RunMigrationArgs } from './run-migration.js';
export { copyVolume, COPY_CHUNK_BYTES, type CopyEnds, type CopyResult } from './copy-volume.js';
export { MigrationFailedError, type MigrationFailedData, type MigrationRefusal } from './migration-errors.js';
export { summarizeChangeSet, changeSetFailed, type ChangeSetSummary, type ChangeCounts } from './summarize-change-set.js';
export { formatApplyEvent, formatEntry, formatChangeSetSummary, formatDuration, type ProgressFormatOptions } from './format-progress.js';
export {
  CHANGE_RESULTS, type ApplyEvent, type ChangeResult, type ChangeSet, type ChangeSetEntry, type ErrorInfo, type HostApplyResult,
} from '../types/change-set.js';
export type { ActionOutcome, HostClient } from '../types/host-client.js';
