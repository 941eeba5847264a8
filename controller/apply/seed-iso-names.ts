/** File names of a seed ISO: validation, and the ISO 9660 level-2 identifiers the primary tree carries. */
import { SeedIsoInputError } from './seed-iso-errors.js';

/** File names a seed ISO accepts: lowercase letters, digits, `.`, `_`, `-`; not starting or ending with `.`; at most 64 (the Joliet limit). */
export const SEED_FILE_NAME = /^[a-z0-9_-](?:[a-z0-9._-]{0,62}[a-z0-9_-])?$/;

/** Volume identifiers a seed ISO accepts: at most 16 characters (the Joliet limit) of `[A-Za-z0-9_-]`. */
export const SEED_VOLUME_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** Refuses a file name that is not safe and exact in every tree. */
export function checkSeedFileName(name: string): void {
  if (!SEED_FILE_NAME.test(name)) {
    throw new SeedIsoInputError(
      { field: 'fileName', value: printable(name) },
      `file name "${printable(name)}" must be 1 to 64 characters of [a-z0-9._-], not starting or ending with "."`,
    );
  }
}

/** Refuses a volume identifier that is not safe in both descriptors. */
export function checkVolumeId(volumeId: string): void {
  if (!SEED_VOLUME_ID.test(volumeId)) {
    throw new SeedIsoInputError(
      { field: 'volumeId', value: printable(volumeId) },
      `volume id "${printable(volumeId)}" must be 1 to 16 characters of [A-Za-z0-9_-]`,
    );
  }
}

/** A level-2 identifier split into the parts ECMA-119 9.3 sorts by. */
export interface PrimaryName {
  base: string;
  extension: string;
  /** `BASE.EXT;1` */
  identifier: string;
}

/** Longest base plus extension in a level-2 identifier. */
const MAX_LEVEL2 = 30;
/** Longest extension kept from the file name. */
const MAX_EXTENSION = 8;

/** Maps file names to unique level-2 identifiers (`META_DATA.;1`), in input order. */
export function primaryNames(names: readonly string[]): PrimaryName[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const extension = dChars(dot > 0 ? name.slice(dot + 1) : '').slice(0, MAX_EXTENSION);
    const base = dChars(dot > 0 ? name.slice(0, dot) : name).slice(0, MAX_LEVEL2 - extension.length);
    let candidate = base;
    for (let n = 1; taken.has(`${candidate}.${extension}`); n += 1) {
      const suffix = `_${n}`;
      candidate = base.slice(0, MAX_LEVEL2 - extension.length - suffix.length) + suffix;
    }
    taken.add(`${candidate}.${extension}`);
    return { base: candidate, extension, identifier: `${candidate}.${extension};1` };
  });
}

/** ECMA-119 9.3 order: by base, then extension, each compared as if padded with spaces. */
export function comparePrimaryNames(a: PrimaryName, b: PrimaryName): number {
  return comparePadded(a.base, b.base) || comparePadded(a.extension, b.extension);
}

/** Compares two strings byte by byte, the shorter padded with spaces. */
function comparePadded(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  const x = a.padEnd(length, ' ');
  const y = b.padEnd(length, ' ');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Uppercases and replaces everything outside the d-characters `[A-Z0-9_]` with `_`. */
function dChars(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** Shows a refused name without control characters, shortened. */
function printable(text: string): string {
  const shown = JSON.stringify(text).slice(1, -1);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
