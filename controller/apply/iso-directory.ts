/** ISO 9660 directory records and path tables, packed into sectors. */
import { SECTOR, writeBoth16, writeBoth32, writeRecordDate } from './iso-encode.js';

/** One directory record to write. */
export interface DirectoryRecord {
  /** File identifier bytes; `[0]` is "." and `[1]` is "..". */
  identifier: Buffer;
  extent: number;
  size: number;
  directory: boolean;
  /** System use area (SUSP / Rock Ridge entries). */
  systemUse?: Buffer;
}

/** Flag bit of a directory record that marks a directory. */
const FLAG_DIRECTORY = 0x02;

/** Length of a record with the given identifier and system use lengths (always even). */
export function recordLength(identifierLength: number, systemUseLength: number): number {
  const base = 33 + identifierLength + (identifierLength % 2 === 0 ? 1 : 0);
  const total = base + systemUseLength;
  return total + (total % 2);
}

/** Encodes one directory record (ECMA-119 9.1). */
export function encodeRecord(record: DirectoryRecord): Buffer {
  const systemUse = record.systemUse ?? Buffer.alloc(0);
  const length = recordLength(record.identifier.length, systemUse.length);
  if (length > 255) throw new RangeError(`directory record of ${length} bytes exceeds 255`);
  const buf = Buffer.alloc(length);
  buf[0] = length;
  buf[1] = 0;
  writeBoth32(buf, 2, record.extent);
  writeBoth32(buf, 10, record.size);
  writeRecordDate(buf, 18);
  buf[25] = record.directory ? FLAG_DIRECTORY : 0;
  buf[26] = 0;
  buf[27] = 0;
  writeBoth16(buf, 28, 1);
  buf[32] = record.identifier.length;
  record.identifier.copy(buf, 33);
  const systemUseAt = 33 + record.identifier.length + (record.identifier.length % 2 === 0 ? 1 : 0);
  systemUse.copy(buf, systemUseAt);
  return buf;
}

/** Bytes that records of these lengths occupy, none crossing a sector boundary (a whole number of sectors). */
export function packedSize(lengths: readonly number[]): number {
  let sectors = 1;
  let used = 0;
  for (const length of lengths) {
    if (used + length > SECTOR) {
      sectors += 1;
      used = 0;
    }
    used += length;
  }
  return sectors * SECTOR;
}

/** Packs encoded records into sectors, none crossing a sector boundary; zero padding fills the rest. */
export function packRecords(records: readonly Buffer[]): Buffer {
  const out = Buffer.alloc(packedSize(records.map((r) => r.length)));
  let sector = 0;
  let used = 0;
  for (const record of records) {
    if (used + record.length > SECTOR) {
      sector += 1;
      used = 0;
    }
    record.copy(out, sector * SECTOR + used);
    used += record.length;
  }
  return out;
}

/** A path table holding only the root directory (10 bytes), little-endian (L) or big-endian (M). */
export function rootPathTable(rootExtent: number, endian: 'L' | 'M'): Buffer {
  const buf = Buffer.alloc(10);
  buf[0] = 1;
  buf[1] = 0;
  if (endian === 'L') {
    buf.writeUInt32LE(rootExtent, 2);
    buf.writeUInt16LE(1, 6);
  } else {
    buf.writeUInt32BE(rootExtent, 2);
    buf.writeUInt16BE(1, 6);
  }
  buf[8] = 0;
  return buf;
}
