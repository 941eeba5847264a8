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

/** Fixed sectors of the image; the root directories and file data follow `FIRST_FREE`. */
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

/** One file placed in the image. */
interface PlacedFile {
  name: string;
  primary: PrimaryName;
  data: Buffer;
  extent: number;
}

/** Builds the ISO image of `files` (name → content); equal input gives equal bytes. Throws SeedIsoInputError on a refused name. */
export function buildSeedIso(files: Record<string, string | Buffer>, options: SeedIsoOptions = {}): Buffer {
  const volumeId = options.volumeId ?? 'cidata';
  checkVolumeId(volumeId);
  const names = Object.keys(files).sort();
  names.forEach(checkSeedFileName);
  const datas = names.map((name) => toBuffer(name, files[name] as string | Buffer));
  const primary = primaryNames(names);

  const rootSystemUse = () => Buffer.concat([spEntry(), ceEntry(LAYOUT.rockRidgeContinuation, 0, erEntry().length), pxEntry(POSIX_MODE.directory, 2)]);
  const primaryLengths = [
    recordLength(1, rootSystemUse().length),
    recordLength(1, pxEntry(POSIX_MODE.directory, 2).length),
    ...names.map((name, i) => recordLength(Buffer.byteLength(primary[i]!.identifier), fileSystemUse(name).length)),
  ];
  const jolietLengths = [recordLength(1, 0), recordLength(1, 0), ...names.map((name) => recordLength(name.length * 2, 0))];
  const primaryRoot = { extent: LAYOUT.firstFree, size: packedSize(primaryLengths) };
  const jolietRoot = { extent: primaryRoot.extent + primaryRoot.size / SECTOR, size: packedSize(jolietLengths) };

  let next = jolietRoot.extent + jolietRoot.size / SECTOR;
  const placed: PlacedFile[] = names.map((name, i) => {
    const data = datas[i]!;
    const extent = data.length === 0 ? 0 : next;
    next += sectorsFor(data.length);
    return { name, primary: primary[i]!, data, extent };
  });
  const volumeSectors = next;

  const dirRecord = (root: { extent: number; size: number }, id: number, systemUse?: Buffer): DirectoryRecord =>
    ({ identifier: Buffer.from([id]), extent: root.extent, size: root.size, directory: true, ...(systemUse ? { systemUse } : {}) });
  const primaryDir = packRecords([
    encodeRecord(dirRecord(primaryRoot, 0, rootSystemUse())),
    encodeRecord(dirRecord(primaryRoot, 1, pxEntry(POSIX_MODE.directory, 2))),
    ...[...placed].sort((a, b) => comparePrimaryNames(a.primary, b.primary)).map((file) => encodeRecord({
      identifier: Buffer.from(file.primary.identifier, 'ascii'), extent: file.extent, size: file.data.length, directory: false,
      systemUse: fileSystemUse(file.name),
    })),
  ]);
  const jolietDir = packRecords([
    encodeRecord(dirRecord(jolietRoot, 0)),
    encodeRecord(dirRecord(jolietRoot, 1)),
    ...placed.map((file) => encodeRecord({ identifier: ucs2be(file.name), extent: file.extent, size: file.data.length, directory: false })),
  ]);

  const image = Buffer.alloc(volumeSectors * SECTOR);
  const put = (sector: number, bytes: Buffer) => bytes.copy(image, sector * SECTOR);
  const descriptor = (kind: 'primary' | 'joliet', root: { extent: number; size: number }, l: number, m: number) =>
    volumeDescriptor({ kind, volumeId, volumeSectors, pathTableSize: 10, lPathTable: l, mPathTable: m, rootRecord: encodeRecord(dirRecord(root, 0)) });
  put(LAYOUT.primaryDescriptor, descriptor('primary', primaryRoot, LAYOUT.primaryLPathTable, LAYOUT.primaryMPathTable));
  put(LAYOUT.jolietDescriptor, descriptor('joliet', jolietRoot, LAYOUT.jolietLPathTable, LAYOUT.jolietMPathTable));
  put(LAYOUT.terminator, terminatorDescriptor());
  put(LAYOUT.primaryLPathTable, rootPathTable(primaryRoot.extent, 'L'));
  put(LAYOUT.primaryMPathTable, rootPathTable(primaryRoot.extent, 'M'));
  put(LAYOUT.jolietLPathTable, rootPathTable(jolietRoot.extent, 'L'));
  put(LAYOUT.jolietMPathTable, rootPathTable(jolietRoot.extent, 'M'));
  put(LAYOUT.rockRidgeContinuation, erEntry());
  put(primaryRoot.extent, primaryDir);
  put(jolietRoot.extent, jolietDir);
  for (const file of placed) if (file.data.length > 0) put(file.extent, file.data);
  return image;
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
