import { parse, stringify } from 'yaml';
import type { DesiredSeed } from '../types/desired.js';
import { isPlainMap, mergeCloudConfig, type PlainMap } from './merge-cloud-config.js';
import { sha256Hex } from './spec-hash.js';

/** The cloud-init fields of a VM spec (after defaults). */
export interface SeedCloudInit {
  hostname?: string;
  users?: { name: string; sshAuthorizedKeys?: string[]; sudo?: string; groups?: string[]; shell?: string }[];
  sshAuthorizedKeys?: string[];
  userData?: string;
  networkConfig?: Record<string, unknown>;
}

/** Why `userData` could not be merged. */
export type SeedProblem = { kind: 'user-data-syntax'; message: string } | { kind: 'user-data-not-a-mapping'; message: string };

/** The seed and any problem with the user's raw cloud-config. */
export interface BuiltSeed {
  seed: DesiredSeed;
  problems: SeedProblem[];
}

const YAML_OPTIONS = { lineWidth: 0 } as const;

/** Parses the raw `userData`; a `#cloud-config` header is allowed; an empty document is an empty mapping. */
function parseUserData(text: string): { map: PlainMap; problems: SeedProblem[] } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    return { map: {}, problems: [{ kind: 'user-data-syntax', message: (err as Error).message.split('\n')[0] ?? '' }] };
  }
  if (value === null || value === undefined) return { map: {}, problems: [] };
  if (!isPlainMap(value)) {
    return { map: {}, problems: [{ kind: 'user-data-not-a-mapping', message: 'userData must be a YAML mapping' }] };
  }
  return { map: value, problems: [] };
}

/** Builds the `#cloud-config` mapping: hostname, users, top-level keys, then `userData` merged last. */
function cloudConfig(hostname: string, init: SeedCloudInit): { map: PlainMap; problems: SeedProblem[] } {
  const map: PlainMap = { hostname };
  if (init.users !== undefined && init.users.length > 0) {
    map['users'] = init.users.map((user) => {
      const entry: PlainMap = { name: user.name };
      if (user.sshAuthorizedKeys !== undefined) entry['ssh_authorized_keys'] = [...user.sshAuthorizedKeys];
      if (user.sudo !== undefined) entry['sudo'] = user.sudo;
      if (user.groups !== undefined) entry['groups'] = [...user.groups];
      if (user.shell !== undefined) entry['shell'] = user.shell;
      return entry;
    });
  }
  if (init.sshAuthorizedKeys !== undefined && init.sshAuthorizedKeys.length > 0) {
    map['ssh_authorized_keys'] = [...init.sshAuthorizedKeys];
  }
  if (init.userData === undefined) return { map, problems: [] };
  const user = parseUserData(init.userData);
  return { map: mergeCloudConfig(map, user.map), problems: user.problems };
}

/** Builds the NoCloud seed of a VM: meta-data, user-data, network-config; named after its content hash. */
export function buildSeed(args: { vm: string; pool: string; cloudInit: SeedCloudInit }): BuiltSeed {
  const { vm, pool, cloudInit } = args;
  const hostname = cloudInit.hostname ?? vm;
  const config = cloudConfig(hostname, cloudInit);
  const userData = `#cloud-config\n${stringify(config.map, YAML_OPTIONS)}`;
  const networkConfig = cloudInit.networkConfig === undefined ? undefined : stringify(cloudInit.networkConfig, YAML_OPTIONS);
  const contentHash = sha256Hex([hostname, userData, networkConfig ?? ''].join('\0'));
  const metaData = stringify({ 'instance-id': `${vm}-${contentHash.slice(0, 8)}`, 'local-hostname': hostname }, YAML_OPTIONS);
  const files: Record<string, string> = { 'meta-data': metaData, 'user-data': userData };
  if (networkConfig !== undefined) files['network-config'] = networkConfig;
  const hash = sha256Hex(
    Object.keys(files)
      .sort()
      .map((name) => `${name}\0${files[name]}\0`)
      .join(''),
  );
  return { seed: { pool, volume: `${vm}-seed-${hash.slice(0, 12)}.iso`, hash, files }, problems: config.problems };
}
