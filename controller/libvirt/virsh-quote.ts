import { UnquotableArgumentError } from '../transport/transport-errors.js';

/**
 * Quotes one argument for virsh's own command-string parser (`virsh "cmd arg; cmd arg"`), which
 * follows the shell: inside single quotes everything is literal, a `'` is written `'\''`.
 * Always quotes, so no value is ever read as a command separator; put `--` before positional
 * values so none is read as an option.
 */
export function virshQuote(arg: string): string {
  if (arg.includes('\0')) throw new UnquotableArgumentError({ reason: 'nul' });
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
