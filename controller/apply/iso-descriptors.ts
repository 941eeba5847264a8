/** ISO 9660 volume descriptors: primary, Joliet supplementary, and the set terminator. */
import { SECTOR, writeBoth16, writeBoth32, writeDescriptorDate, writePadded, writePaddedUcs2, writeUnsetDate } from './iso-encode.js';

/** What a primary or Joliet volume descriptor records. */
export interface VolumeDescriptorInput {
  /** `primary` writes a-/d-character fields; `joliet` writes UCS-2 fields and the level-3 escape sequence. */
  kind: 'primary' | 'joliet';
  volumeId: string;
  volumeSectors: number;
  pathTableSize: number;
  lPathTable: number;
  mPathTable: number;
  /** The 34-byte directory record of the root directory. */
  rootRecord: Buffer;
}

/** Descriptor type codes (ECMA-119 8.1.1). */
const TYPE = { primary: 1, joliet: 2, terminator: 255 } as const;

/** Application identifier recorded in both descriptors. */
const APPLICATION = 'GITVIRT';

/** Writes the standard identifier `CD001` and version 1 after the type byte. */
function header(type: number): Buffer {
  const buf = Buffer.alloc(SECTOR);
  buf[0] = type;
  buf.write('CD001', 1, 'ascii');
  buf[6] = 1;
  return buf;
}

/** Encodes a primary (type 1) or Joliet supplementary (type 2) volume descriptor. */
export function volumeDescriptor(input: VolumeDescriptorInput): Buffer {
  const buf = header(TYPE[input.kind]);
  const text = input.kind === 'joliet' ? writePaddedUcs2 : writePadded;
  text(buf, 8, 32, '');
  text(buf, 40, 32, input.volumeId);
  writeBoth32(buf, 80, input.volumeSectors);
  if (input.kind === 'joliet') buf.set([0x25, 0x2f, 0x45], 88);
  writeBoth16(buf, 120, 1);
  writeBoth16(buf, 124, 1);
  writeBoth16(buf, 128, SECTOR);
  writeBoth32(buf, 132, input.pathTableSize);
  buf.writeUInt32LE(input.lPathTable, 140);
  buf.writeUInt32BE(input.mPathTable, 148);
  input.rootRecord.copy(buf, 156);
  text(buf, 190, 128, '');
  text(buf, 318, 128, '');
  text(buf, 446, 128, '');
  text(buf, 574, 128, APPLICATION);
  text(buf, 702, 37, '');
  text(buf, 739, 37, '');
  text(buf, 776, 37, '');
  writeDescriptorDate(buf, 813);
  writeDescriptorDate(buf, 830);
  writeUnsetDate(buf, 847);
  writeDescriptorDate(buf, 864);
  buf[881] = 1;
  return buf;
}

/** Encodes the volume descriptor set terminator (type 255). */
export function terminatorDescriptor(): Buffer {
  return header(TYPE.terminator);
}
