import { sha256Hex } from './spec-hash.js';

/** Prefix of bridge device names gitvirt derives. */
export const BRIDGE_PREFIX = 'gv-';

/** Linux limits interface names to 15 characters. */
export const MAX_IFNAME_LENGTH = 15;

/** Stable bridge device name for a network: `gv-` + 12 hex of sha256(name), 15 characters. */
export function deriveBridgeName(network: string): string {
  return BRIDGE_PREFIX + sha256Hex(network).slice(0, MAX_IFNAME_LENGTH - BRIDGE_PREFIX.length);
}
