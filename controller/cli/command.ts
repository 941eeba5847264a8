import type { Writable } from 'node:stream';

/** A sink for command output; `isTTY` decides colour and source excerpts. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** The capabilities every command receives instead of touching `process`. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory relative paths on the command line are resolved against. */
  cwd: string;
  /** The environment, read once by `main.ts`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user asks to stop (SIGINT, SIGTERM): long commands finish the running step and stop. */
  signal?: AbortSignal;
}

/** Process exit status: 0 ok, 1 invalid or failed, 2 usage error. */
export type ExitCode = 0 | 1 | 2;

/** Named exit statuses. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const satisfies Record<string, ExitCode>;

/** One command-line option; the parser configuration and the help text are both derived from it. */
export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help for string options, e.g. `<file>`. */
  value?: string;
  description: string;
  /** Allowed values of a string option, shown in help and checked by `parseChoice`. */
  choices?: readonly string[];
  /** Default shown in help. */
  default?: string;
  /** The option may be given more than once; its value is then a list. */
  multiple?: boolean;
}

/** Raw values from `node:util` `parseArgs`, before a command turns them into typed options. */
export interface ParsedArgs {
  values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  positionals: readonly string[];
}

/**
 * A command of the `gitvirt` CLI. Add one by writing `controller/cli/<name>.ts` exporting a
 * `Command` and listing it in `COMMANDS` (`controller/cli/commands.ts`).
 */
export interface Command<O = unknown> {
  /** The word after `gitvirt`. */
  name: string;
  /** One line for the global help. */
  summary: string;
  /** Synopsis after the command name, e.g. `[options] [dir]`. */
  usage: string;
  /** Longer help text printed under the synopsis. */
  description?: string;
  options: readonly OptionSpec[];
  /** Turns raw arguments into typed options; throws `CliUsageError` on bad values. */
  parse(args: ParsedArgs): O;
  /** Runs the command; resolves to the exit code. */
  run(options: O, io: CliIo): Promise<ExitCode>;
}

/** A command in the table by name, its module loaded only when it runs (or help lists it). */
export interface LazyCommand {
  name: string;
  load(): Promise<Command>;
}

/** What a command table holds: a command, or one loaded on first use. */
export type CommandEntry = Command | LazyCommand;

/** Adapts a Node writable stream (e.g. `process.stdout`) to an `OutputStream`. */
export function streamOutput(stream: Writable & { isTTY?: boolean }): OutputStream {
  return { write: (chunk: string) => stream.write(chunk), isTTY: stream.isTTY === true };
}
