/**
 * Options and plumbing of the commands that reach hosts over SSH (`plan`, `apply`): credentials,
 * host selection, safety policy and concurrency, parsed once into typed options.
 */
import { resolve } from 'node:path';
import { GitvirtError } from '../errors/gitvirt-error.js';
import { DEFAULT_SAFETY_POLICY, type SafetyPolicy } from '../plan/index.js';
import { DEFAULT_OBSERVE_CONCURRENCY, reconcileOnce, type ReconcileOnceArgs, type ReconcileResult } from '../reconcile/index.js';
import { createSshTransport, type SshTransportOptions, type Transport } from '../transport/index.js';
import { requireDirectory } from './cli-errors.js';
import { COLOR_MODES, type ColorMode } from './color.js';
import type { CliIo, OptionSpec, ParsedArgs } from './command.js';
import { booleanOption, choiceOption, positionals, stringOption } from './options.js';
import { CliUsageError } from './usage-error.js';

/** The credential part of the SSH transport's options. */
export type SshCredentialSource = Pick<SshTransportOptions, 'privateKeyPath' | 'passphrase' | 'agent'>;

/** Environment variables the SSH credentials come from. */
export const SSH_ENV = {
  identity: 'GITVIRT_SSH_IDENTITY',
  passphrase: 'GITVIRT_SSH_PASSPHRASE',
  agent: 'SSH_AUTH_SOCK',
} as const;

/** Typed options shared by `plan` and `apply`. */
export interface HostCommandOptions {
  dir: string;
  /** Private key file from `--identity`. */
  identity?: string;
  /** Only these hosts. */
  hosts?: string[];
  maxDeletions: number;
  allowEmpty: boolean;
  concurrency: number;
  color: ColorMode;
}

/** The options of commands that reach hosts, for their option tables. */
export const HOST_COMMAND_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'identity', short: 'i', type: 'string', value: '<file>',
    description: `SSH private key file (default: $${SSH_ENV.identity}; the ssh-agent at $${SSH_ENV.agent} is offered too)`,
  },
  { name: 'host', type: 'string', multiple: true, value: '<name>', description: 'only these hosts (repeat the option, or separate names with commas)' },
  {
    name: 'max-deletions', type: 'string', value: '<n>', description: 'most deletions one run may make before the brake engages',
    default: String(DEFAULT_SAFETY_POLICY.maxDeletions),
  },
  { name: 'allow-empty', type: 'boolean', description: 'let a repository with no VMs or networks remove everything gitvirt owns' },
  { name: 'concurrency', type: 'string', value: '<n>', description: 'most hosts observed or changed at once', default: String(DEFAULT_OBSERVE_CONCURRENCY) },
  { name: 'color', type: 'string', value: '<when>', description: 'colour the text output', choices: COLOR_MODES, default: 'auto' },
];

/** A whole number option of at least `min`, or `fallback` when absent. */
export function integerOption(args: ParsedArgs, name: string, min: number, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new CliUsageError(`invalid value '${raw}' for --${name}: expected a whole number of at least ${min}`);
  }
  return Number(raw);
}

/** Names given to a repeatable option, each value possibly a comma-separated list; undefined when absent. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const raw = args.values[name] as unknown;
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const names = values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((v) => v.trim()).filter((v) => v !== '');
  if (names.length === 0) throw new CliUsageError(`option --${name} needs a value`);
  return [...new Set(names)];
}

/** Parses the shared options and the optional `[dir]`. */
export function parseHostCommandOptions(args: ParsedArgs): HostCommandOptions {
  const [dir = '.'] = positionals(args, 1);
  const identity = stringOption(args, 'identity');
  const hosts = listOption(args, 'host');
  return {
    dir,
    ...(identity === undefined ? {} : { identity }),
    ...(hosts === undefined ? {} : { hosts }),
    maxDeletions: integerOption(args, 'max-deletions', 0, DEFAULT_SAFETY_POLICY.maxDeletions),
    allowEmpty: booleanOption(args, 'allow-empty'),
    concurrency: integerOption(args, 'concurrency', 1, DEFAULT_OBSERVE_CONCURRENCY),
    color: choiceOption(args, 'color', COLOR_MODES, 'auto'),
  };
}

/** The safety policy the options ask for. */
export function policyOf(o: HostCommandOptions): Partial<SafetyPolicy> {
  return { maxDeletions: o.maxDeletions, allowEmpty: o.allowEmpty };
}

/** No SSH credentials were given in any of the supported ways. */
export class SshCredentialsMissingError extends GitvirtError<'SshCredentialsMissing', Record<string, never>> {
  constructor() {
    super(
      'SshCredentialsMissing',
      `failed to find SSH credentials: give --identity <file>, set ${SSH_ENV.identity} to a private key file, or run an ssh-agent (${SSH_ENV.agent})`,
      {},
      { userError: true },
    );
  }
}

/**
 * Where the SSH credentials come from: the key file of `--identity` (relative to cwd), else of
 * $GITVIRT_SSH_IDENTITY, with $GITVIRT_SSH_PASSPHRASE when set; and the agent of $SSH_AUTH_SOCK.
 * The key itself is read by the transport when it first connects.
 */
export function sshCredentialSource(args: { identity?: string; env: Readonly<Record<string, string | undefined>>; cwd: string }): SshCredentialSource {
  const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const keyFile = nonEmpty(args.identity) ?? nonEmpty(args.env[SSH_ENV.identity]);
  const agent = nonEmpty(args.env[SSH_ENV.agent]);
  const passphrase = nonEmpty(args.env[SSH_ENV.passphrase]);
  if (keyFile === undefined && agent === undefined) throw new SshCredentialsMissingError();
  return {
    ...(keyFile === undefined ? {} : { privateKeyPath: resolve(args.cwd, keyFile) }),
    ...(keyFile === undefined || passphrase === undefined ? {} : { passphrase }),
    ...(agent === undefined ? {} : { agent }),
  };
}

/** What `plan` and `apply` need from the outside, injectable for tests. */
export interface HostCommandDeps {
  reconcile?: (args: ReconcileOnceArgs) => Promise<ReconcileResult>;
  createTransport?: (credentials: SshCredentialSource) => Transport;
}

/** Runs one reconcile with the options: checks the directory, opens the SSH transport, closes it after. */
export async function runReconcile(
  o: HostCommandOptions,
  io: CliIo,
  deps: HostCommandDeps,
  extra: Pick<ReconcileOnceArgs, 'apply' | 'refuseOnBrake' | 'onEvent' | 'signal'>,
): Promise<ReconcileResult> {
  const dir = resolve(io.cwd, o.dir);
  await requireDirectory(dir);
  const credentials = sshCredentialSource({ ...(o.identity === undefined ? {} : { identity: o.identity }), env: io.env, cwd: io.cwd });
  const transport = (deps.createTransport ?? createSshTransport)(credentials);
  try {
    return await (deps.reconcile ?? reconcileOnce)({
      dir, transport, policy: policyOf(o), concurrency: o.concurrency,
      ...(o.hosts === undefined ? {} : { hosts: o.hosts }),
      ...extra,
    });
  } finally {
    await transport.close();
  }
}

