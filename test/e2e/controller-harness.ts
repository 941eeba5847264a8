/**
 * Runs `gitvirt run` for end-to-end tests: writes a configuration that follows a repository on the
 * test git server, starts the controller in this process or as its own process (to be killed), and
 * collects its JSON log lines so tests can wait for the cycles they expect.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../controller/cli/index.js';
import { createRunCommand } from '../../controller/cli/run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One JSON log line of the controller. */
export type LogLine = Record<string, unknown> & { msg: string; level: string };

/** The log of a controller run, as it arrives. */
export interface ControllerLog {
  readonly lines: LogLine[];
  /** Takes a chunk of stdout (whole lines). */
  take(chunk: string): void;
  /** Lines from index `from` on with this message. */
  linesOf(msg: string, from?: number): LogLine[];
  /** Waits for the first line from index `from` on that `accept` takes; returns it and its index. */
  waitFor(from: number, accept: (line: LogLine) => boolean, timeoutMs?: number): Promise<{ line: LogLine; index: number }>;
  /** Waits for the first `cycle finished` line from index `from` on that `accept` takes. */
  cycleAfter(from: number, accept?: (line: LogLine) => boolean, timeoutMs?: number): Promise<{ line: LogLine; index: number }>;
  /** Set when the controller fails (stderr output, an exit): waits then throw with it. */
  failure: string;
}

/** Default time a test waits for a cycle. */
export const CYCLE_TIMEOUT_MS = 90_000;

/** A log that collects JSON lines (partial lines are kept until their newline arrives). */
export function createControllerLog(): ControllerLog {
  let pending = '';
  const log: ControllerLog = {
    lines: [],
    failure: '',
    take(chunk) {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts.filter((p) => p.trim() !== '')) log.lines.push(JSON.parse(part) as LogLine);
    },
    linesOf: (msg, from = 0) => log.lines.slice(from).filter((l) => l.msg === msg),
    async waitFor(from, accept, timeoutMs = CYCLE_TIMEOUT_MS) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const index = log.lines.findIndex((l, i) => i >= from && accept(l));
        if (index !== -1) return { line: log.lines[index]!, index };
        if (log.failure !== '') throw new Error(`the controller failed: ${log.failure}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const recent = log.lines.slice(-15).map((l) => JSON.stringify(l)).join('\n');
      throw new Error(`no matching log line within ${timeoutMs} ms; recent log lines:\n${recent}`);
    },
    cycleAfter: (from, accept = () => true, timeoutMs = CYCLE_TIMEOUT_MS) => log.waitFor(from, (l) => l.msg === 'cycle finished' && accept(l), timeoutMs),
  };
  return log;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Arguments of writeControllerConfig. */
export interface ControllerConfigArgs {
  /** Directory of config.yaml, its secret files and the state dir. */
  work: string;
  gitUrl: string;
  git: { username: string; password: string };
  webhookSecret: string;
  identityFile: string;
  intervalSeconds: number;
  /** The `safety` mapping, as YAML flow text (e.g. `{ maxDeletions: 3 }`). */
  safety?: string;
}

/** Writes config.yaml (and the git and webhook secret files) into `work`; returns the metrics base URL. */
export async function writeControllerConfig(args: ControllerConfigArgs): Promise<{ metricsUrl: string }> {
  const { work } = args;
  await writeFile(join(work, 'git-username'), `${args.git.username}\n`);
  await writeFile(join(work, 'git-password'), `${args.git.password}\n`);
  await writeFile(join(work, 'webhook-secret'), `${args.webhookSecret}\n`);
  const port = await freePort();
  await writeFile(join(work, 'config.yaml'), [
    'source:',
    '  git:',
    `    url: ${args.gitUrl}`,
    '    branch: main',
    '    usernameFile: git-username',
    '    passwordFile: git-password',
    `interval: ${args.intervalSeconds}s`,
    'webhook: { secretFile: webhook-secret }',
    `ssh: { identityFile: ${args.identityFile} }`,
    `listen: "127.0.0.1:${port}"`,
    'concurrency: 4',
    'stateDir: state',
    'log: { level: info }',
    ...(args.safety === undefined ? [] : [`safety: ${args.safety}`]),
    '',
  ].join('\n'));
  return { metricsUrl: `http://127.0.0.1:${port}` };
}

/** A controller started in this process. */
export interface InProcessController {
  /** Aborts it (as SIGTERM does) and resolves with its exit status. */
  stop(): Promise<number>;
  readonly running: Promise<number>;
}

/** Runs `gitvirt run --config config.yaml` in this process, in `work`, logging into `log`. */
export function startControllerInProcess(args: { work: string; log: ControllerLog }): InProcessController {
  const stop = new AbortController();
  const io = {
    stdout: { write: (chunk: string) => (args.log.take(chunk), true) },
    stderr: { write: (chunk: string) => ((args.log.failure += chunk), true) },
    cwd: args.work,
    env: {},
  };
  const running = runCli({ argv: ['run', '--config', 'config.yaml'], commands: [createRunCommand({ signal: stop.signal })], version: 'e2e', io });
  return {
    running,
    stop: () => {
      stop.abort();
      return running;
    },
  };
}

/** A controller running as its own process. */
export interface ControllerProcess {
  readonly pid: number;
  /** Resolves when the process ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote on stderr so far. */
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `gitvirt run --config config.yaml` as a process of its own (node with the tsx loader), in `work`. */
export function spawnController(args: { work: string; log: ControllerLog }): ControllerProcess {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'controller', 'main.ts'), 'run', '--config', 'config.yaml'], {
    cwd: args.work,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: args.work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => args.log.take(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { pid: child.pid!, exited, stderr: () => stderr, kill: (signal) => child.kill(signal) };
}
