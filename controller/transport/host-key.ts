import { createHash } from 'node:crypto';
import { InvalidHostKeyError } from './transport-errors.js';

/** A parsed `spec.hostKey`: a whole public key, or only its SHA-256 fingerprint. */
export type HostKeyPin =
  | { kind: 'key'; type: HostKeyType; blob: Buffer; fingerprint: string }
  | { kind: 'fingerprint'; fingerprint: string };

/** Host key types that may be pinned. */
export type HostKeyType = 'ssh-ed25519' | 'ecdsa-sha2-nistp256' | 'ecdsa-sha2-nistp384' | 'ecdsa-sha2-nistp521' | 'ssh-rsa';

/** Host key algorithms to offer per pinned key type, so the server presents the pinned key and not another of its keys. */
const ALGORITHMS_BY_TYPE: Record<HostKeyType, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

const FINGERPRINT = /^SHA256:([A-Za-z0-9+/]{43})=?$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The OpenSSH SHA-256 fingerprint of a public key blob: `SHA256:` + unpadded base64, as `ssh-keygen -l` prints. */
export function fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (its first length-prefixed string), or undefined if malformed. */
export function keyBlobType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return undefined;
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** Parses a pin without throwing: the pin, or why it is not one. */
export function validateHostKeyPin(text: string): { pin: HostKeyPin } | { error: string } {
  const trimmed = text.trim();
  const fp = FINGERPRINT.exec(trimmed);
  if (fp) return { pin: { kind: 'fingerprint', fingerprint: `SHA256:${fp[1]}` } };
  if (trimmed.startsWith('SHA256:')) return { error: 'a SHA256 fingerprint is 43 base64 characters after "SHA256:"' };
  const [type, data] = trimmed.split(/\s+/);
  if (type === undefined || data === undefined) return { error: 'expected "<type> <base64> [comment]"' };
  if (!Object.hasOwn(ALGORITHMS_BY_TYPE, type)) {
    return { error: `unsupported key type ${JSON.stringify(type.slice(0, 40))}; use ${Object.keys(ALGORITHMS_BY_TYPE).join(', ')}` };
  }
  if (!BASE64.test(data)) return { error: 'the key data is not base64' };
  const blob = Buffer.from(data, 'base64');
  const inner = keyBlobType(blob);
  if (inner !== type) return { error: `the key data does not hold a ${type} key` };
  return { pin: { kind: 'key', type: type as HostKeyType, blob, fingerprint: fingerprint(blob) } };
}

/** Parses a pin; throws InvalidHostKeyError (naming `host`) when it is not one. */
export function parseHostKeyPin(text: string, host?: string): HostKeyPin {
  const result = validateHostKeyPin(text);
  if ('error' in result) throw new InvalidHostKeyError({ ...(host === undefined ? {} : { host }), reason: result.error });
  return result.pin;
}

/** True when the presented key blob is the pinned key. */
export function hostKeyMatches(pin: HostKeyPin, presented: Buffer): boolean {
  if (pin.kind === 'key') return pin.blob.equals(presented);
  return fingerprint(presented) === pin.fingerprint;
}

/** Host key algorithms to negotiate for a pin; undefined (library default, ed25519 first) for a fingerprint pin. */
export function hostKeyAlgorithms(pin: HostKeyPin): string[] | undefined {
  return pin.kind === 'key' ? [...ALGORITHMS_BY_TYPE[pin.type]] : undefined;
}
