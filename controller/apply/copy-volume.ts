import type { FileDigest, PoolFiles } from '../types/host-client.js';
import type { MigratedVolume } from '../types/plan.js';
import { partialPath } from '../libvirt/index.js';
import { MigrationFailedError } from './migration-errors.js';

/** Bytes read from the source per round trip (sent gzip-compressed). */
export const COPY_CHUNK_BYTES = 16 * 1024 * 1024;

/** What copying one volume did. */
export type CopyResult = 'copied' | 'present' | 'no-source';

/** Who is copied where: the two hosts' file access and names for errors. */
export interface CopyEnds {
  vm: string;
  from: string;
  to: string;
  source: PoolFiles;
  target: PoolFiles;
  signal?: AbortSignal;
}

/**
 * Copies one volume from the source pool to the target pool: skipped when the target already holds
 * the same bytes; otherwise written to a hidden temporary file in chunks, verified by size and
 * sha256 against the source, pointed at the target's backing image when that path differs, and
 * renamed into place. The source file is never changed.
 */
export async function copyVolume(ends: CopyEnds, volume: MigratedVolume): Promise<{ result: CopyResult; bytes: number }> {
  const options = ends.signal === undefined ? {} : { signal: ends.signal };
  const source = volume.from === undefined ? null : await ends.source.digest(volume.from, options);
  if (source === null || volume.from === undefined) return { result: 'no-source', bytes: 0 };
  const present = await ends.target.digest(volume.to, options);
  if (present !== null && same(present, source)) return { result: 'present', bytes: 0 };
  const tmp = partialPath(volume.to);
  await ends.target.allocate(tmp, source.bytes, options);
  try {
    for (let offset = 0; offset < source.bytes; offset += COPY_CHUNK_BYTES) {
      const chunk = await ends.source.read(volume.from, offset, Math.min(COPY_CHUNK_BYTES, source.bytes - offset), options);
      await ends.target.write(tmp, offset, chunk, options);
    }
    const copied = await ends.target.digest(tmp, options);
    if (copied === null || !same(copied, source)) {
      throw new MigrationFailedError({
        vm: ends.vm, from: ends.from, to: ends.to, refusal: 'copy-mismatch',
        detail: `the copy of ${volume.volume} does not match the source (${describe(copied)} on ${ends.to}, ${describe(source)} on ${ends.from}); the source is kept`,
      });
    }
    await ends.target.install({ from: tmp, to: volume.to, pool: volume.pool, format: volume.format, ...(volume.backing === undefined ? {} : { backing: volume.backing }) }, options);
  } catch (err) {
    await ends.target.remove(tmp).catch(() => undefined);
    throw err;
  }
  return { result: 'copied', bytes: source.bytes };
}

/** Same size and checksum. */
function same(a: FileDigest, b: FileDigest): boolean {
  return a.bytes === b.bytes && a.sha256 === b.sha256;
}

/** `1048576 bytes, sha256 ab12cd34…`. */
function describe(digest: FileDigest | null): string {
  return digest === null ? 'missing' : `${digest.bytes} bytes, sha256 ${digest.sha256.slice(0, 12)}…`;
}
