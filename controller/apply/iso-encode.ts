/** Field encoders of ISO 9660 (ECMA-119): both-endian integers, padded strings, fixed dates. */

/** Size of one logical block (sector) in bytes. */
export const SECTOR = 2048;

/** Writes `value` as a 16-bit both-endian field (4 bytes: little-endian, then big-endian). */
export function writeBoth16(buf: Buffer, offset: number, value: number): void {
  buf.writeUInt16LE(value, offset);
  buf.writeUInt16BE(value, offset + 2);
}

/** Writes `value` as a 32-bit both-endian field (8 bytes: little-endian, then big-endian). */
export function writeBoth32(buf: Buffer, offset: number, value: number): void {
  buf.writeUInt32LE(value, offset);
  buf.writeUInt32BE(value, offset + 4);
}

/** Writes an ASCII string padded with spaces to `length` bytes. */
export function writePadded(buf: Buffer, offset: number, length: number, text: string): void {
  buf.fill(0x20, offset, offset + length);
  buf.write(text.slice(0, length), offset, 'ascii');
}

/** Encodes text as UCS-2 big-endian (Joliet names); the text must be in the Basic Multilingual Plane. */
export function ucs2be(text: string): Buffer {
  const out = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i += 1) out.writeUInt16BE(text.charCodeAt(i), i * 2);
  return out;
}

/** Writes UCS-2 big-endian text padded with UCS-2 spaces to `length` bytes (Joliet descriptor fields). */
export function writePaddedUcs2(buf: Buffer, offset: number, length: number, text: string): void {
  for (let i = 0; i + 1 < length; i += 2) buf.writeUInt16BE(0x0020, offset + i);
  ucs2be(text.slice(0, Math.floor(length / 2))).copy(buf, offset);
}

/** The fixed instant every timestamp of a seed ISO carries, so equal content gives equal bytes. */
export const FIXED_DATE = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 } as const;

/** Writes the 7-byte directory record date (years since 1900, month, day, h, m, s, GMT offset 0). */
export function writeRecordDate(buf: Buffer, offset: number): void {
  const d = FIXED_DATE;
  buf.set([d.year - 1900, d.month, d.day, d.hour, d.minute, d.second, 0], offset);
}

/** Writes the 17-byte volume descriptor date (`YYYYMMDDHHMMSScc` digits, then GMT offset 0). */
export function writeDescriptorDate(buf: Buffer, offset: number): void {
  const d = FIXED_DATE;
  const two = (n: number) => String(n).padStart(2, '0');
  const digits = `${d.year}${two(d.month)}${two(d.day)}${two(d.hour)}${two(d.minute)}${two(d.second)}00`;
  buf.write(digits, offset, 'ascii');
  buf[offset + 16] = 0;
}

/** Writes the 17-byte "not specified" date (sixteen '0' digits, GMT offset 0). */
export function writeUnsetDate(buf: Buffer, offset: number): void {
  buf.write('0'.repeat(16), offset, 'ascii');
  buf[offset + 16] = 0;
}

/** Number of sectors needed for `bytes`. */
export function sectorsFor(bytes: number): number {
  return Math.ceil(bytes / SECTOR);
}
