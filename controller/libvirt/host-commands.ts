import { randomBytes } from 'node:crypto';
import type { ExecOptions, ExecResult, HostConnection } from '../transport/transport.js';
import type { ActionKind } from '../types/plan.js';
import { LibvirtCommandError } from './host-client-errors.js';
import { redactUrl } from './redact-url.js';
import type { LibvirtErrorContext } from './errors.js';

/** What a command works on, for error messages: `{ operation: 'start', kind: 'domain', name: 'web' }`. */
export type CommandSubject = Omit<LibvirtErrorContext, 'host'>;

/** Options of one command. */
export interface CommandOptions {
  stdin?: string | Buffer;
  /** Resolve with the result whatever the exit code (default: throw LibvirtCommandError on non-zero). */
  allowFailure?: boolean;
}

/** Output of a virsh command string, split per command. */
export interface VirshBatchResult {
  /** Standard output of each command, in order ('' when it printed nothing or failed). */
  outputs: string[];
  stderr: string;
  /** True when virsh ran every command (the closing marker was printed). */
  complete: boolean;
  /** The argv that ran. */
  command: string[];
}

/** The commands of one action on one host: every call is an argv, every failure a LibvirtCommandError. */
export interface HostCommands {
  readonly host: string;
  readonly uri: string;
  readonly action: ActionKind | 'observe';
  readonly signal: AbortSignal | undefined;
  /** Runs `argv` on the host. */
  exec(argv: readonly string[], subject: CommandSubject, options?: CommandOptions): Promise<ExecResult>;
  /** Runs `virsh -c <uri> <args...>` (argv form: virsh does not re-parse the words). */
  virsh(args: readonly string[], subject: CommandSubject, options?: CommandOptions): Promise<ExecResult>;
  /**
   * Runs `virsh -c <uri> <args...>` with `input` on a pipe as its standard input (name the file
   * `/dev/stdin` in `args`): the transport's stdin may be a socket, which /dev/stdin cannot open.
   */
  virshWithInput(args: readonly string[], input: string | Buffer, subject: CommandSubject): Promise<ExecResult>;
  /** Runs a constant sh script with positional arguments: `sh -c <script> gitvirt <args...>`. */
  script(script: string, args: readonly string[], subject: CommandSubject, options?: CommandOptions): Promise<ExecResult>;
  /** Runs several virsh commands (each already quoted with virshQuote) in one invocation; never throws for a failed command. */
  virshBatch(commands: readonly string[]): Promise<VirshBatchResult>;
  /** Writes a file on the host. */
  writeFile(path: string, data: string | Buffer, mode?: number): Promise<void>;
  /** Reports one line of progress. */
  progress(line: string): void;
}

/** Inputs of createHostCommands. */
export interface HostCommandsInput {
  connection: HostConnection;
  host: string;
  uri: string;
  action: ActionKind | 'observe';
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
}

/** Pipes standard input through `cat` into `virsh -c "$1" "$2"...`. */
const PIPE_TO_VIRSH = 'u=$1; shift; cat | virsh -c "$u" "$@"';

/** A fresh, unguessable section marker for virsh output (`@@gv` + 12 hex digits). */
export function newSectionMarker(): string {
  return `@@gv${randomBytes(6).toString('hex')}`;
}

/** Creates the command runner of one action. */
export function createHostCommands(input: HostCommandsInput): HostCommands {
  const { connection, host, uri, action, signal } = input;
  const execOptions = (options: CommandOptions): ExecOptions => ({
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(signal === undefined ? {} : { signal }),
  });
  const check = (argv: readonly string[], result: ExecResult, subject: CommandSubject, options: CommandOptions): ExecResult => {
    if (result.code === 0 || options.allowFailure === true) return result;
    const text = result.stderr.trim() !== '' ? result.stderr : result.stdout;
    throw new LibvirtCommandError(redactUrl(text), { ...subject, host, action, command: argv.map(redactUrl), exitCode: result.code });
  };
  const exec = async (argv: readonly string[], subject: CommandSubject, options: CommandOptions = {}) =>
    check(argv, await connection.exec(argv, execOptions(options)), subject, options);
  return {
    host, uri, action, signal,
    exec,
    virsh: (args, subject, options) => exec(['virsh', '-c', uri, ...args], subject, options),
    script: (script, args, subject, options) => exec(['sh', '-c', script, 'gitvirt', ...args], subject, options),
    virshWithInput: (args, input, subject) => exec(['sh', '-c', PIPE_TO_VIRSH, 'gitvirt', uri, ...args], subject, { stdin: input }),
    async virshBatch(commands) {
      const marker = newSectionMarker();
      const line = [...commands.map((command, index) => `echo ${marker} ${index}; ${command}`), `echo ${marker} end`].join('; ');
      const command = ['virsh', '-c', uri, line];
      const result = await connection.exec(command, execOptions({}));
      return { ...splitBatch(result.stdout, marker, commands.length), stderr: result.stderr, command };
    },
    writeFile: (path, data, mode) => connection.writeFile(path, data, {
      ...(mode === undefined ? {} : { mode }),
      ...(signal === undefined ? {} : { signal }),
    }),
    progress: (line) => input.onProgress?.(line),
  };
}

/** Splits virsh batch output at `<marker> <index>` lines. */
export function splitBatch(stdout: string, marker: string, count: number): Pick<VirshBatchResult, 'outputs' | 'complete'> {
  const outputs: string[] = Array.from({ length: count }, () => '');
  let index = -1;
  let complete = false;
  const prefix = `${marker} `;
  const current: string[] = [];
  const flush = () => {
    if (index >= 0 && index < count) outputs[index] = current.join('\n').trim();
    current.length = 0;
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(prefix)) {
      flush();
      const tag = line.slice(prefix.length);
      if (tag === 'end') { complete = true; index = -1; continue; }
      index = Number.parseInt(tag, 10);
    } else if (index >= 0) current.push(line);
  }
  flush();
  return { outputs, complete };
}
