import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';
import type { Host } from '../../controller/types/resources.js';
import { runProcess, type ProcessResult } from './run-process.js';
import { checkTestbedState, TestbedStateInvalidError, type TestbedHostState, type TestbedState } from './testbed-state.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where state.json lives unless told otherwise (same rule as up.sh). */
export function defaultStateDir(): string {
  return process.env.GITVIRT_TESTBED_DIR ?? '/tmp/gitvirt-testbed';
}

/** A host of a running testbed, with what an SSH client needs to reach it. */
export interface TestbedHost extends TestbedHostState {
  /** Private key the host accepts for `user`. */
  clientKeyPath: string;
}

/** Options of Testbed.run. */
export interface TestbedRunOptions {
  stdin?: string | Buffer;
  /** Default 60 s. */
  timeoutMs?: number;
  /** Resolve with the result even when the command exits non-zero (default: reject). */
  allowFailure?: boolean;
}

/** A running testbed. */
export interface Testbed {
  readonly state: TestbedState;
  readonly hosts: TestbedHost[];
  /** The host with this name; throws when there is none. */
  host(name: string): TestbedHost;
  /**
   * Runs a command on a host through nsenter (setup and inspection in tests, not gitvirt's path):
   * an argv array is run as is, a string as an `sh -c` script.
   */
  run(host: TestbedHost | string, command: readonly string[] | string, options?: TestbedRunOptions): Promise<ProcessResult>;
  /** The host as a gitvirt Host resource. */
  hostManifest(host: TestbedHost | string): Host;
}

/** Options of startTestbed, stopTestbed, killStale. */
export interface TestbedOptions {
  /** Number of hosts (default 3). */
  hosts?: number;
  /** State directory (default $GITVIRT_TESTBED_DIR or /tmp/gitvirt-testbed). */
  stateDir?: string;
}

/** up.sh or down.sh failed or ran out of time. */
export class TestbedScriptFailedError extends GitvirtError<'TestbedScriptFailed', { script: string; code: number; output: string }> {
  constructor(data: { script: string; code: number; output: string }) {
    super('TestbedScriptFailed', `failed to run testbed ${data.script}: exit code ${data.code}\n${data.output}`, data);
  }
}

/** A command run on a testbed host exited non-zero. */
export class TestbedCommandFailedError extends GitvirtError<'TestbedCommandFailed', { host: string; command: string; code: number; stdout: string; stderr: string }> {
  constructor(data: { host: string; command: string; code: number; stdout: string; stderr: string }) {
    super('TestbedCommandFailed', `failed to run ${data.command} on ${data.host}: exit code ${data.code}: ${data.stderr.trim()}`, data);
  }
}

async function runScript(script: 'up.sh' | 'down.sh', args: string[], stateDir: string, timeoutMs: number): Promise<void> {
  const result = await runProcess('bash', [join(HERE, script), ...args], {
    env: { ...process.env, GITVIRT_TESTBED_DIR: stateDir },
    timeoutMs,
  });
  if (result.code !== 0) {
    throw new TestbedScriptFailedError({ script, code: result.code, output: (result.stdout + result.stderr).trim().slice(-4000) });
  }
}

/** Brings up a fresh testbed (cleaning up any earlier one) and returns it. */
export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const stateDir = options.stateDir ?? defaultStateDir();
  try {
    await runScript('up.sh', [String(options.hosts ?? 3)], stateDir, 240_000);
  } catch (err) {
    await runScript('down.sh', [], stateDir, 60_000).catch(() => undefined);
    throw err;
  }
  return readTestbed(stateDir);
}

/** Tears the testbed down: hosts, guests, namespaces, links, state dir. Safe when nothing is up. */
export async function stopTestbed(options: Pick<TestbedOptions, 'stateDir'> = {}): Promise<void> {
  await runScript('down.sh', [], options.stateDir ?? defaultStateDir(), 60_000);
}

/** Removes whatever an earlier, possibly killed, run left behind. */
export async function killStale(options: Pick<TestbedOptions, 'stateDir'> = {}): Promise<void> {
  await stopTestbed(options);
}

/** Reads the state.json of a running testbed. */
export async function readTestbed(stateDir: string = defaultStateDir()): Promise<Testbed> {
  const path = join(stateDir, 'state.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new TestbedStateInvalidError({ path, reason: (err as Error).message });
  }
  const reason = checkTestbedState(parsed);
  if (reason !== null) throw new TestbedStateInvalidError({ path, reason });
  return testbedFromState(parsed as TestbedState);
}

/** Builds the Testbed API over plain state (e.g. the state a vitest global setup provided). */
export function testbedFromState(state: TestbedState): Testbed {
  const hosts: TestbedHost[] = state.hosts.map((h) => ({ ...h, clientKeyPath: state.clientKeyPath }));
  const host = (ref: TestbedHost | string): TestbedHost => {
    const name = typeof ref === 'string' ? ref : ref.name;
    const found = hosts.find((h) => h.name === name);
    if (found === undefined) throw new Error(`no testbed host named ${name}`);
    return found;
  };
  return {
    state,
    hosts,
    host,
    async run(ref, command, options = {}) {
      const target = host(ref);
      const argv = typeof command === 'string' ? ['sh', '-c', command] : [...command];
      const result = await runProcess('nsenter', ['-t', String(target.pid), '-m', '-n', '-u', '--wd=/', '--', ...argv], {
        timeoutMs: options.timeoutMs ?? 60_000,
        ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      });
      if (result.code !== 0 && options.allowFailure !== true) {
        const shown = typeof command === 'string' ? command : argv.join(' ');
        throw new TestbedCommandFailedError({ host: target.name, command: shown.slice(0, 200), ...result });
      }
      return result;
    },
    hostManifest(ref) {
      const h = host(ref);
      return {
        apiVersion: 'gitvirt.io/v1alpha1',
        kind: 'Host',
        metadata: { name: h.name },
        spec: { address: h.address, port: h.port, user: h.user, hostKey: h.hostKey, zone: h.zone },
      };
    },
  };
}
