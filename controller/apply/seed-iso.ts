/**
 * A deterministic, in-process ISO 9660 writer for cloud-init NoCloud seeds: one flat root directory,
 * seen through Rock Ridge (NM + PX) and Joliet with the exact lowercase file names.
 */
import { encodeRecord, packRecords, packedSize, recordLength, rootPathTable, type DirectoryRecord } from './iso-directory.js';
import { terminatorDescriptor, volumeDescriptor } from './iso-descriptors.js';
import { SECTOR, sectorsFor, ucs2be } from './iso-encode.js';
import { ceEntry, erEntry, nmEntry, POSIX_MODE, pxEntry, spEntry } from './rock-ridge.js';
import { SeedIsoInputError } from './seed-iso-errors.js';
import { checkSeedFileName, checkVolumeId, comparePrimaryNames, primaryNames, type PrimaryName } from './seed-iso-names.js';

/** Options of `buildSeedIso`. */
export interface SeedIsoOptions {
  /** Volume label; NoCloud looks for `cidata`. */
  volumeId?: string;
}

/**
 * Fixed sectors of the image (0-15 are the empty system area). The primary root directory starts
 * at `firstFree`, the Joliet root directory follows it, then each file's data from a sector boundary.
 */
const LAYOUT = {
  primaryDescriptor: 16,
  jolietDescriptor: 17,
  terminator: 18,
  primaryLPathTable: 19,
  primaryMPathTable: 20,
  jolietLPathTable: 21,
  jolietMPathTable: 22,
  rockRidgeContinuation: 23,
  firstFree: 24,
} as const;

/** Largest file an ISO 9660 directory record can describe (32-bit size). */
const MAX_FILE_BYTES = 0xffff_ffff;

/** One file placed in the image; empty files get extent 0. */
interface PlacedFile {
  name: string;
  primary: PrimaryName;
  data: Buffer;
  extent: number;
}

/** Where a directory is and how many bytes (whole sectors) it takes. */
interface Extent {
  extent: number;
  size: number;
}

/** Builds the ISO image of `files` (name → content); equal input gives equal bytes. Throws SeedIsoInputError on a refused name. */
export function buildSeedIso(files: Record<string, string | Buffer>, options: SeedIsoOptions = {}): Buffer {
  const volumeId = options.volumeId ?? 'cidata';
  checkVolumeId(volumeId);
  const names = Object.keys(files).sort();
  names.forEach(checkSeedFileName);
  const primary = primaryNames(names);
  const datas = names.map((name) => toBuffer(name, files[name] as string | Buffer));

  const primaryRoot: Extent = {
    extent: LAYOUT.firstFree,
    size: packedSize([
      recordLength(1, rootSystemUse().length),
      recordLength(1, parentSystemUse().length),
      ...names.map((name, i) => recordLength(primary[i]!.identifier.length, fileSystemUse(name).length)),
    ]),
  };
  const jolietRoot: Extent = {
    extent: primaryRoot.extent + primaryRoot.size / SECTOR,
    size: packedSize([recordLength(1, 0), recordLength(1, 0), ...names.map((name) => recordLength(name.length * 2, 0))]),
  };
  let next = jolietRoot.extent + jolietRoot.size / SECTOR;
  const placed: PlacedFile[] = names.map((name, i) => {
    const data = datas[i]!;
    const extent = data.length === 0 ? 0 : next;
    next += sectorsFor(data.length);
    return { name, primary: primary[i]!, data, extent };
  });
  return writeImage({ volumeId, volumeSectors: next, primaryRoot, jolietRoot, placed });
}

/** Writes every structure at its sector. */
function writeImage(layout: { volumeId: string; volumeSectors: number; primaryRoot: Extent; jolietRoot: Extent; placed: PlacedFile[] }): Buffer {
  const { volumeId, volumeSectors, primaryRoot, jolietRoot, placed } = layout;
  const image = Buffer.alloc(volumeSectors * SECTOR);
  const put = (sector: number, bytes: Buffer) => bytes.copy(image, sector * SECTOR);
  const descriptor = (kind: 'primary' | 'joliet', root: Extent, l: number, m: number) =>
    volumeDescriptor({ kind, volumeId, volumeSectors, pathTableSize: 10, lPathTable: l, mPathTable: m, rootRecord: encodeRecord(dirRecord(root, 0)) });

  put(LAYOUT.primaryDescriptor, descriptor('primary', primaryRoot, LAYOUT.primaryLPathTable, LAYOUT.primaryMPathTable));
  put(LAYOUT.jolietDescriptor, descriptor('joliet', jolietRoot, LAYOUT.jolietLPathTable, LAYOUT.jolietMPathTable));
  put(LAYOUT.terminator, terminatorDescriptor());
  put(LAYOUT.primaryLPathTable, rootPathTable(primaryRoot.extent, 'L'));
  put(LAYOUT.primaryMPathTable, rootPathTable(primaryRoot.extent, 'M'));
  put(LAYOUT.jolietLPathTable, rootPathTable(jolietRoot.extent, 'L'));
  put(LAYOUT.jolietMPathTable, rootPathTable(jolietRoot.extent, 'M'));
  put(LAYOUT.rockRidgeContinuation, erEntry());
  put(primaryRoot.extent, packRecords([
    encodeRecord(dirRecord(primaryRoot, 0, rootSystemUse())),
    encodeRecord(dirRecord(primaryRoot, 1, parentSystemUse())),
    ...[...placed].sort((a, b) => comparePrimaryNames(a.primary, b.primary)).map((file) => encodeRecord({
      identifier: Buffer.from(file.primary.identifier, 'ascii'), extent: file.extent, size: file.data.length, directory: false,
      systemUse: fileSystemUse(file.name),
    })),
  ]));
  put(jolietRoot.extent, packRecords([
    encodeRecord(dirRecord(jolietRoot, 0)),
    encodeRecord(dirRecord(jolietRoot, 1)),
    ...placed.map((file) => encodeRecord({ identifier: ucs2be(file.name), extent: file.extent, size: file.data.length, directory: false })),
  ]));
  for (const file of placed) if (file.data.length > 0) put(file.extent, file.data);
  return image;
}

/** The "." (0) or ".." (1) record of a root directory. */
function dirRecord(root: Extent, id: 0 | 1, systemUse?: Buffer): DirectoryRecord {
  return { identifier: Buffer.from([id]), extent: root.extent, size: root.size, directory: true, ...(systemUse ? { systemUse } : {}) };
}

/** SUSP entries of the root's "." record: SP first, the CE holding ER (which turns Rock Ridge on), and PX. */
function rootSystemUse(): Buffer {
  return Buffer.concat([spEntry(), ceEntry(LAYOUT.rockRidgeContinuation, 0, erEntry().length), pxEntry(POSIX_MODE.directory, 2)]);
}

/** Rock Ridge entries of the root's ".." record. */
function parentSystemUse(): Buffer {
  return pxEntry(POSIX_MODE.directory, 2);
}

/** Rock Ridge entries of a file's record: its POSIX mode and exact name. */
function fileSystemUse(name: string): Buffer {
  return Buffer.concat([pxEntry(POSIX_MODE.file, 1), nmEntry(name)]);
}

/** File content as bytes (strings as UTF-8), refusing what a 32-bit size cannot describe. */
function toBuffer(name: string, content: string | Buffer): Buffer {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  if (data.length > MAX_FILE_BYTES) {
    throw new SeedIsoInputError({ field: 'size', value: name }, `file "${name}" has ${data.length} bytes, more than ISO 9660 allows`);
  }
  return data;
}
