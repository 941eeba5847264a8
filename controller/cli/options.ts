import type { ParseArgsConfig } from 'node:util';
import type { OptionSpec, ParsedArgs } from './command.js';
import { CliUsageError } from './usage-error.js';

/** The `parseArgs` option table for a command's options plus `--help`. */
export function parseArgsOptions(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const table: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const o of options) {
    table[o.name] = { type: o.type, ...(o.short === undefined ? {} : { short: o.short }), ...(o.multiple === true ? { multiple: true } : {}) };
  }
  return table;
}

/** A string option's value, or `undefined` when absent. Refuses an empty value. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new CliUsageError(`option --${name} needs a value`);
  return v;
}

/** A boolean option's value (absent = false). */
export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A string option restricted to `choices`, or `fallback` when absent. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const v = stringOption(args, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new CliUsageError(`invalid value '${v}' for --${name}: expected one of ${choices.join(', ')}`);
  }
  return v as T;
}

/** At most `max` positional arguments; the first `max` are returned. */
export function positionals(args: ParsedArgs, max: number): readonly string[] {
  if (args.positionals.length > max) {
    const extra = args.positionals.slice(max).map((p) => `'${p}'`).join(', ');
    throw new CliUsageError(`unexpected argument${args.positionals.length - max > 1 ? 's' : ''} ${extra}`);
  }
  return args.positionals;
}
