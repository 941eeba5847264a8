import { resolve } from 'node:path';
import { ConfigInvalidError, loadSecrets, readConfig, type ControllerConfig } from '../config/index.js';
import { runController, type ControllerSummary } from '../reconcile/controller-loop.js';
import { startControllerRuntime, type StartControllerRuntimeArgs } from '../reconcile/controller-runtime.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { booleanOption, positionals, stringOption } from './options.js';
import { SshCredentialsMissingError } from './ssh-options.js';
import { CliUsageError } from './usage-error.js';

/** Typed options of `gitvirt run`. */
export interface RunOptions {
  config: string;
  once: boolean;
}

/** Environment variable naming the configuration file when `--config` is not given. */
export const CONFIG_ENV = 'GITVIRT_CONFIG';

/** What `run` needs from the outside, injectable for tests. */
export interface RunDeps {
  /** Replaces parts of the runtime (transport, status writer). */
  runtime?: Pick<StartControllerRuntimeArgs, 'createTransport' | 'createStatusWriter' | 'processMetrics'>;
  /** Aborted to stop the controller; default: the io's signal, else SIGTERM and SIGINT. */
  signal?: AbortSignal;
  /** Subscribes to the process's termination signals; returns the unsubscribe function. */
  onShutdownSignal?: (stop: () => void) => () => void;
}

/** SIGTERM and SIGINT stop the controller gracefully; a second one kills the process (the handlers are once). */
function processShutdownSignals(stop: () => void): () => void {
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  };
}

/** The SSH agent of the environment when the configuration names no credentials. */
function withAgentFallback(config: ControllerConfig, env: CliIo['env']): ControllerConfig {
  if (config.ssh.identityFile !== undefined || config.ssh.agentSocket !== undefined) return config;
  const agent = env['SSH_AUTH_SOCK'];
  if (agent === undefined || agent === '') throw new SshCredentialsMissingError();
  return { ...config, ssh: { ...config.ssh, agentSocket: agent } };
}

/** Exit status: 0 after a shutdown; with `--once`, 0 only when the cycle converged. */
export function runExitCode(summary: ControllerSummary, once: boolean): ExitCode {
  if (!once) return EXIT.ok;
  return summary.lastReport?.outcome === 'converged' ? EXIT.ok : EXIT.failed;
}

/** Runs `gitvirt run`. */
async function runRun(deps: RunDeps, o: RunOptions, io: CliIo): Promise<ExitCode> {
  const read = await readConfig(resolve(io.cwd, o.config));
  if (read.errors !== undefined) {
    io.stderr.write(`${new ConfigInvalidError({ file: o.config, errors: read.errors }).message}\n`);
    return EXIT.failed;
  }
  const config = withAgentFallback(read.config, io.env);
  const secrets = await loadSecrets({ config, env: io.env });
  const runtime = await startControllerRuntime({ config, secrets, write: (line) => io.stdout.write(line), ...deps.runtime });
  for (const warning of read.warnings) runtime.logger.warn('configuration warning', { detail: warning });
  const controller = new AbortController();
  const given = deps.signal ?? (io as CliIo & { signal?: AbortSignal }).signal;
  const stop = () => {
    if (!controller.signal.aborted) runtime.logger.info('shutdown requested: finishing the running action, then stopping');
    controller.abort();
  };
  given?.addEventListener('abort', stop, { once: true });
  if (given?.aborted === true) stop();
  const unsubscribe = given === undefined ? (deps.onShutdownSignal ?? processShutdownSignals)(stop) : () => undefined;
  try {
    const summary = await runController({ config, deps: runtime.deps, signal: controller.signal, once: o.once });
    return runExitCode(summary, o.once);
  } finally {
    unsubscribe();
    given?.removeEventListener('abort', stop);
    await runtime.close();
  }
}

/** Builds the `run` command; `deps` replace the signal or parts of the runtime in tests. */
export function createRunCommand(deps: RunDeps = {}): Command<RunOptions> {
  return {
    name: 'run',
    summary: 'run the controller: reconcile the hosts with the repository, cycle after cycle',
    usage: '--config <file> [--once]',
    description: [
      'Follows the source in the configuration file (a git repository or a local directory) and, every',
      'interval or at once on a webhook push or a file change: fetches, validates, compiles, observes the',
      'hosts over SSH, plans, applies, and records status on the status branch and a git note on the',
      'source commit. Serves /metrics, /healthz, /readyz and /webhook on the configured address and logs',
      'JSON lines on stdout. SIGTERM or SIGINT stops it after the running action; exit status 0.',
      'With --once: one cycle, then exit 0 when everything converged, else 1.',
    ].join('\n'),
    options: [
      { name: 'config', short: 'c', type: 'string', value: '<file>', description: `configuration file (default: $${CONFIG_ENV})` },
      { name: 'once', type: 'boolean', description: 'run one cycle, then exit' },
    ],
    parse(args) {
      positionals(args, 0);
      const config = stringOption(args, 'config');
      return { config: config ?? '', once: booleanOption(args, 'once') };
    },
    run: (options, io) => {
      const config = options.config !== '' ? options.config : (io.env[CONFIG_ENV] ?? '');
      if (config === '') throw new CliUsageError(`give --config <file> (or set ${CONFIG_ENV})`, { command: 'run' });
      return runRun(deps, { ...options, config }, io);
    },
  };
}

/** The `run` command over real hosts. */
export const runCommand = createRunCommand();
