import { parseArgs } from 'node:util';
import { isGitvirtError } from '../errors/index.js';
import { EXIT } from './command.js';
import type { CliIo, Command, CommandEntry, ExitCode, ParsedArgs } from './command.js';
import { commandHelp, globalHelp } from './help.js';
import { parseArgsOptions } from './options.js';
import { CliUsageError } from './usage-error.js';

/** Arguments of `runCli`: the words after `gitvirt`, the command table, the version and the I/O capabilities. */
export interface RunCliArgs {
  argv: readonly string[];
  commands: readonly CommandEntry[];
  version: string;
  io: CliIo;
}

/** Parses `argv`, dispatches to a command and maps every outcome (including thrown errors) to an exit code. */
export async function runCli({ argv, commands, version, io }: RunCliArgs): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(await allHelp(commands));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(await allHelp(commands));
    return EXIT.ok;
  }
  if (first === '--version') {
    io.stdout.write(`gitvirt ${version}\n`);
    return EXIT.ok;
  }
  if (first === 'help') return help(rest[0], commands, io);
  const command = await findCommand(commands, first);
  if (command === undefined) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    return usageFailure(new CliUsageError(what), await allHelp(commands), io);
  }
  let options: unknown;
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values['help'] === true) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    options = command.parse(args);
  } catch (err) {
    if (err instanceof CliUsageError) return usageFailure(err, commandHelp(command), io);
    throw err;
  }
  try {
    return await command.run(options, io);
  } catch (err) {
    return reportError(err, command, io);
  }
}

/** The command of that name, its module loaded if it is lazy; undefined when there is none. */
async function findCommand(commands: readonly CommandEntry[], name: string): Promise<Command | undefined> {
  const entry = commands.find((c) => c.name === name);
  return entry === undefined || !('load' in entry) ? entry : entry.load();
}

/** The global help, every command loaded for its summary (only help and usage errors pay for that). */
async function allHelp(commands: readonly CommandEntry[]): Promise<string> {
  return globalHelp(await Promise.all(commands.map((c) => ('load' in c ? c.load() : c))));
}

/** `gitvirt help [command]`. */
async function help(name: string | undefined, commands: readonly CommandEntry[], io: CliIo): Promise<ExitCode> {
  if (name === undefined) {
    io.stdout.write(await allHelp(commands));
    return EXIT.ok;
  }
  const command = await findCommand(commands, name);
  if (command === undefined) return usageFailure(new CliUsageError(`unknown command '${name}'`), await allHelp(commands), io);
  io.stdout.write(commandHelp(command));
  return EXIT.ok;
}

/** Runs `parseArgs` strictly, turning its errors into `CliUsageError`. */
function parseCommandArgs(command: Command, args: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: parseArgsOptions(command.options),
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      throw new CliUsageError(firstLine(err.message).replace(/^./, (c) => c.toLowerCase()), { command: command.name });
    }
    throw err;
  }
}

/** Prints a usage error and the relevant usage text on stderr. */
function usageFailure(err: CliUsageError, usage: string, io: CliIo): ExitCode {
  io.stderr.write(`gitvirt: ${err.message}\n\n${usage}`);
  return EXIT.usage;
}

/** A user error is one clear line; anything else is an internal error and keeps its stack. */
function reportError(err: unknown, command: Command, io: CliIo): ExitCode {
  if (err instanceof CliUsageError) return usageFailure(err, commandHelp(command), io);
  if (isGitvirtError(err) && err.userError) {
    io.stderr.write(`gitvirt ${command.name}: ${firstLine(err.message)}\n`);
    return EXIT.failed;
  }
  const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  io.stderr.write(`gitvirt ${command.name}: internal error\n${stack}\n`);
  return EXIT.failed;
}

/** The first line of a possibly multi-line message. */
function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
