import { GitvirtError } from '../../controller/errors/gitvirt-error.js';

/** One host of the testbed as recorded in state.json by up.sh. */
export interface TestbedHostState {
  /** `hv1`, `hv2`, ... */
  name: string;
  /** `zone-a` for odd host numbers, `zone-b` for even ones. */
  zone: string;
  /** Address sshd listens on (10.77.<i>.2), reachable from the main network namespace. */
  address: string;
  port: number;
  user: string;
  /** The host's OpenSSH public key line (`ssh-ed25519 AAAA...`), generated for this run. */
  hostKey: string;
  /** Pid of the process holding the host's namespaces. */
  pid: number;
  /** The main namespace's end of the host's link (10.77.<i>.1), reachable from inside the host. */
  peerAddress: string;
}

/** The whole testbed as recorded in state.json: plain data, so vitest can hand it to test files. */
export interface TestbedState {
  version: 1;
  stateDir: string;
  /** Private key (OpenSSH format, no passphrase) every host accepts for its `user`. */
  clientKeyPath: string;
  clientPublicKey: string;
  /** known_hosts with every host's key, for the OpenSSH client. */
  knownHostsPath: string;
  /** ssh_config naming the hosts (`ssh -F <path> hv1`). */
  sshConfigPath: string;
  /** Whether the hosts' libvirt offers KVM (else guests must use domain type `qemu`). */
  kvm: boolean;
  hosts: TestbedHostState[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The testbed the e2e global setup brought up. */
    testbed: TestbedState;
  }
}

/** state.json is missing or does not have the expected shape. */
export class TestbedStateInvalidError extends GitvirtError<'TestbedStateInvalid', { path: string; reason: string }> {
  constructor(data: { path: string; reason: string }) {
    super('TestbedStateInvalid', `failed to read testbed state ${data.path}: ${data.reason}`, data);
  }
}

const HOST_FIELDS = { name: 'string', zone: 'string', address: 'string', port: 'number', user: 'string', hostKey: 'string', pid: 'number', peerAddress: 'string' } as const;
const STATE_FIELDS = { stateDir: 'string', clientKeyPath: 'string', clientPublicKey: 'string', knownHostsPath: 'string', sshConfigPath: 'string', kvm: 'boolean' } as const;

/** Checks parsed state.json; returns the reason it is unusable, or null. */
export function checkTestbedState(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const state = value as Record<string, unknown>;
  if (state.version !== 1) return `unsupported version ${String(state.version)}`;
  for (const [field, type] of Object.entries(STATE_FIELDS)) {
    if (typeof state[field] !== type) return `${field} is not a ${type}`;
  }
  if (!Array.isArray(state.hosts) || state.hosts.length === 0) return 'hosts is not a non-empty array';
  for (const [index, host] of (state.hosts as unknown[]).entries()) {
    if (typeof host !== 'object' || host === null) return `hosts[${index}] is not an object`;
    for (const [field, type] of Object.entries(HOST_FIELDS)) {
      if (typeof (host as Record<string, unknown>)[field] !== type) return `hosts[${index}].${field} is not a ${type}`;
    }
  }
  return null;
}
