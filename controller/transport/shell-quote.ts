import { UnquotableArgumentError } from './transport-errors.js';

/** Words made only of these characters mean themselves to a POSIX shell (no `=`: `a=b` first is an assignment). */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-]+$/;

/** Reserved words of sh and bash: bare, they would be parsed as syntax when they come first. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in',
  'select', 'then', 'time', 'until', 'while',
]);

/**
 * Quotes one argument for a POSIX shell so that the shell passes it through byte for byte.
 * Safe words are returned as they are; everything else is wrapped in single quotes, with each `'`
 * written as `'\''`. A NUL byte cannot be part of any argument and is refused.
 */
export function shellQuote(arg: string): string {
  if (typeof arg !== 'string') throw new TypeError('shell argument must be a string');
  if (arg.includes('\0')) throw new UnquotableArgumentError({ reason: 'nul' });
  if (SAFE_WORD.test(arg) && !RESERVED_WORDS.has(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Joins an argv into one shell command line whose words are exactly `argv`. */
export function shellJoin(argv: readonly string[]): string {
  if (argv.length === 0) throw new UnquotableArgumentError({ reason: 'empty-argv' });
  return argv
    .map((arg, index) => {
      try {
        return shellQuote(arg);
      } catch (err) {
        if (err instanceof UnquotableArgumentError) throw new UnquotableArgumentError({ ...err.data, index });
        throw err;
      }
    })
    .join(' ');
}
