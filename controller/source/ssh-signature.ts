import { createHash, verify, type KeyObject } from 'node:crypto';
import type { SshPublicKey } from './ssh-public-key.js';
import { SshReader, sshString, unsignedMpint } from './ssh-wire.js';

/** Why a signature was not accepted. */
export type SignatureProblem = 'unsigned' | 'not-ssh' | 'malformed' | 'wrong-namespace' | 'untrusted-key' | 'unsupported-algorithm' | 'bad-signature';

/** Result of checking a signature against trusted keys. */
export type SignatureCheck = { ok: true; fingerprint: string } | { ok: false; problem: SignatureProblem };

const ARMOR = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/;

/** Message digests allowed inside an SSH signature. */
const HASHES: Record<string, string> = { sha256: 'sha256', sha512: 'sha512' };

/** Per signature format: the digest it signs with, and (ECDSA) the field size of its curve. */
const SIGNATURE_FORMATS: Record<string, { keyType: string; digest: string | null; ecSize?: number }> = {
  'ssh-ed25519': { keyType: 'ssh-ed25519', digest: null },
  'rsa-sha2-512': { keyType: 'ssh-rsa', digest: 'sha512' },
  'rsa-sha2-256': { keyType: 'ssh-rsa', digest: 'sha256' },
  'ecdsa-sha2-nistp256': { keyType: 'ecdsa-sha2-nistp256', digest: 'sha256', ecSize: 32 },
  'ecdsa-sha2-nistp384': { keyType: 'ecdsa-sha2-nistp384', digest: 'sha384', ecSize: 48 },
  'ecdsa-sha2-nistp521': { keyType: 'ecdsa-sha2-nistp521', digest: 'sha512', ecSize: 66 },
};

interface ParsedSignature {
  publicKey: Buffer;
  namespace: string;
  reserved: Buffer;
  hash: string;
  format: string;
  signature: Buffer;
}

function parseArmored(armored: string): ParsedSignature | null {
  const match = ARMOR.exec(armored);
  if (match === null) return null;
  try {
    const reader = new SshReader(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64'));
    if (reader.bytes(6).toString('latin1') !== 'SSHSIG' || reader.uint32() !== 1) return null;
    const publicKey = reader.string();
    const namespace = reader.string().toString('utf8');
    const reserved = reader.string();
    const hash = reader.string().toString('latin1');
    const sig = new SshReader(reader.string());
    const format = sig.string().toString('latin1');
    const signature = sig.string();
    return reader.done() ? { publicKey, namespace, reserved, hash, format, signature } : null;
  } catch {
    return null;
  }
}

function ecdsaToP1363(signature: Buffer, size: number): Buffer {
  const reader = new SshReader(signature);
  const pad = (n: Buffer): Buffer => Buffer.concat([Buffer.alloc(Math.max(0, size - n.length)), n]);
  return Buffer.concat([pad(unsignedMpint(reader.string())), pad(unsignedMpint(reader.string()))]);
}

function verifyRaw(parsed: ParsedSignature, key: KeyObject, signed: Buffer): boolean {
  const format = SIGNATURE_FORMATS[parsed.format];
  if (format === undefined) return false;
  try {
    if (format.ecSize !== undefined) {
      return verify(format.digest, signed, { key, dsaEncoding: 'ieee-p1363' }, ecdsaToP1363(parsed.signature, format.ecSize));
    }
    return verify(format.digest, signed, key, parsed.signature);
  } catch {
    return false;
  }
}

/** Checks an armored SSH signature (`ssh-keygen -Y sign`, as git writes it) of `message` in `namespace` against trusted keys. */
export function checkSshSignature(args: { message: Buffer | string; armored: string | null; namespace: string; trusted: readonly SshPublicKey[] }): SignatureCheck {
  if (args.armored === null || args.armored.trim() === '') return { ok: false, problem: 'unsigned' };
  if (!ARMOR.test(args.armored)) return { ok: false, problem: args.armored.includes('-----BEGIN PGP') ? 'not-ssh' : 'malformed' };
  const parsed = parseArmored(args.armored);
  if (parsed === null) return { ok: false, problem: 'malformed' };
  if (parsed.namespace !== args.namespace) return { ok: false, problem: 'wrong-namespace' };
  const trusted = args.trusted.find((k) => k.blob.equals(parsed.publicKey));
  if (trusted === undefined) return { ok: false, problem: 'untrusted-key' };
  const digest = HASHES[parsed.hash];
  const format = SIGNATURE_FORMATS[parsed.format];
  if (digest === undefined || format === undefined || format.keyType !== trusted.type) return { ok: false, problem: 'unsupported-algorithm' };
  const signed = Buffer.concat([
    Buffer.from('SSHSIG', 'latin1'),
    sshString(parsed.namespace),
    sshString(parsed.reserved),
    sshString(parsed.hash),
    sshString(createHash(digest).update(args.message).digest()),
  ]);
  return verifyRaw(parsed, trusted.key, signed) ? { ok: true, fingerprint: trusted.fingerprint } : { ok: false, problem: 'bad-signature' };
}
