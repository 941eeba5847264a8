/** System Use Sharing Protocol (IEEE P1281) and Rock Ridge (IEEE P1282, RRIP 1.10) entries. */
import { writeBoth32 } from './iso-encode.js';

/** Rock Ridge extension identifier, description and source, as recorded in the ER entry. */
const RRIP = {
  id: 'RRIP_1991A',
  description: 'THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS',
  source: 'PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.',
} as const;

/** POSIX modes recorded in PX entries: read-only files, read-and-search directories. */
export const POSIX_MODE = { file: 0o100444, directory: 0o040555 } as const;

/** Starts an entry: two signature bytes, length, version 1. */
function entry(signature: string, body: Buffer): Buffer {
  const head = Buffer.from([signature.charCodeAt(0), signature.charCodeAt(1), 4 + body.length, 1]);
  return Buffer.concat([head, body]);
}

/** SP: marks the root directory as using SUSP (check bytes BE EF, nothing skipped). */
export function spEntry(): Buffer {
  return entry('SP', Buffer.from([0xbe, 0xef, 0]));
}

/** CE: points to a continuation area holding more entries. */
export function ceEntry(block: number, offset: number, length: number): Buffer {
  const body = Buffer.alloc(24);
  writeBoth32(body, 0, block);
  writeBoth32(body, 8, offset);
  writeBoth32(body, 16, length);
  return entry('CE', body);
}

/** ER: declares the Rock Ridge extension (goes in the root's continuation area). */
export function erEntry(): Buffer {
  const id = Buffer.from(RRIP.id, 'ascii');
  const description = Buffer.from(RRIP.description, 'ascii');
  const source = Buffer.from(RRIP.source, 'ascii');
  const head = Buffer.from([id.length, description.length, source.length, 1]);
  return entry('ER', Buffer.concat([head, id, description, source]));
}

/** PX: POSIX mode, link count, owner root:root (RRIP 1.10 form, 36 bytes). */
export function pxEntry(mode: number, links: number): Buffer {
  const body = Buffer.alloc(32);
  writeBoth32(body, 0, mode);
  writeBoth32(body, 8, links);
  writeBoth32(body, 16, 0);
  writeBoth32(body, 24, 0);
  return entry('PX', body);
}

/** NM: the file's POSIX name, whole in one entry (no continuation flags). */
export function nmEntry(name: string): Buffer {
  return entry('NM', Buffer.concat([Buffer.from([0]), Buffer.from(name, 'ascii')]));
}
