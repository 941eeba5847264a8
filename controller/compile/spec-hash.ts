import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** Hex sha256 of a string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hex sha256 of the canonical JSON of an object, ignoring its own `specHash` field. */
export function specHash(value: object): string {
  const { specHash: _ignored, ...rest } = value as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

/** Returns the object with its `specHash` computed and set. */
export function withSpecHash<T extends { specHash: string }>(value: Omit<T, 'specHash'>): T {
  return { ...value, specHash: specHash(value) } as T;
}
