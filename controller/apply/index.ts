/**
 * Apply: runs a plan through each host's client — hosts in parallel with a bound, each host's
 * actions in order — and records what happened as a change set; also writes cloud-init seed ISOs.
 */
export { buildSeedIso, type SeedIsoOptions } from './seed-iso.js';
export { SeedIsoInputError, type SeedIsoInputData } from './seed-iso-errors.js';
export { SEED_FILE_NAME, SEED_VOLUME_ID } from './seed-iso-names.js';
