import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { SshReader, unsignedMpint } from './ssh-wire.js';

/** An SSH public key trusted to sign commits. */
export interface SshPublicKey {
  type: string;
  /** The wire-format key blob, compared byte for byte with the key inside a signature. */
  blob: Buffer;
  key: KeyObject;
  /** `SHA256:...`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** ECDSA curve names per SSH key type. */
const EC_CURVES: Record<string, { crv: string; size: number }> = {
  'ecdsa-sha2-nistp256': { crv: 'P-256', size: 32 },
  'ecdsa-sha2-nistp384': { crv: 'P-384', size: 48 },
  'ecdsa-sha2-nistp521': { crv: 'P-521', size: 66 },
};

const b64url = (data: Buffer): string => data.toString('base64url');

/** A KeyObject from an SSH public key blob; throws on an unsupported type or a malformed blob. */
export function keyFromBlob(blob: Buffer): { type: string; key: KeyObject } {
  const reader = new SshReader(blob);
  const type = reader.string().toString('latin1');
  if (type === 'ssh-ed25519') {
    const x = reader.string();
    if (x.length !== 32) throw new Error('bad ed25519 key length');
    return { type, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(x) }, format: 'jwk' }) };
  }
  if (type === 'ssh-rsa') {
    const e = unsignedMpint(reader.string());
    const n = unsignedMpint(reader.string());
    return { type, key: createPublicKey({ key: { kty: 'RSA', e: b64url(e), n: b64url(n) }, format: 'jwk' }) };
  }
  const curve = EC_CURVES[type];
  if (curve !== undefined) {
    reader.string();
    const q = reader.string();
    if (q.length !== 1 + 2 * curve.size || q[0] !== 4) throw new Error('bad ecdsa point');
    const x = q.subarray(1, 1 + curve.size);
    const y = q.subarray(1 + curve.size);
    return { type, key: createPublicKey({ key: { kty: 'EC', crv: curve.crv, x: b64url(x), y: b64url(y) }, format: 'jwk' }) };
  }
  throw new Error(`unsupported key type ${JSON.stringify(type.slice(0, 40))}`);
}

/** Parses an OpenSSH public key line (`ssh-ed25519 AAAA... comment`); returns the key or why it is not one. */
export function parseSshPublicKey(line: string): { key: SshPublicKey } | { error: string } {
  const trimmed = line.trim();
  if (trimmed.startsWith('-----BEGIN PGP')) return { error: 'OpenPGP keys are not supported; sign commits with SSH keys (git config gpg.format ssh)' };
  const [type, data] = trimmed.split(/\s+/);
  if (type === undefined || data === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return { error: 'expected an OpenSSH public key line "<type> <base64> [comment]"' };
  const blob = Buffer.from(data, 'base64');
  try {
    const parsed = keyFromBlob(blob);
    if (parsed.type !== type) return { error: `the key data does not hold a ${type} key` };
    const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    return { key: { type, blob, key: parsed.key, fingerprint } };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
