import { buildSeedIso } from '../apply/seed-iso.js';
import { unchanged, type ActionExecutor } from './action-context.js';
import { refreshPool } from './pool-actions.js';

/** Volume label cloud-init's NoCloud source looks for. */
export const SEED_VOLUME_ID = 'cidata';

/**
 * `seed.create`: writes a NoCloud seed ISO (label `cidata`; `meta-data`, `user-data`, optional
 * `network-config`) built in process, atomically, into the pool. Seeds are content-addressed, so
 * an existing file is the right one. created | unchanged.
 */
export const createSeed: ActionExecutor<'seed.create'> = async ({ pool, path, files }, { cmd }) => {
  const subject = { operation: 'create', kind: 'seed', name: path };
  const exists = await cmd.exec(['test', '-e', path], subject, { allowFailure: true });
  if (exists.code === 0) return unchanged(`${path} exists`);
  const iso = buildSeedIso(files, { volumeId: SEED_VOLUME_ID });
  await cmd.writeFile(path, iso, 0o644);
  await refreshPool(cmd, pool);
  return { result: 'created', message: `seed with ${Object.keys(files).sort().join(', ')} (${iso.length} bytes)` };
};
