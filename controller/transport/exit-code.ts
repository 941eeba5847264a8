import { constants } from 'node:os';

/** A shell-style exit code: the code itself, or 128 + the signal number when the process was killed by a signal. */
export function exitCode(code: number | null | undefined, signal: string | null | undefined): number {
  if (typeof code === 'number') return code;
  const name = signal?.startsWith('SIG') ? signal : `SIG${signal ?? ''}`;
  const number = (constants.signals as Record<string, number | undefined>)[name];
  return number === undefined ? 255 : 128 + number;
}

/** The name a command is reported under in errors: its program, never its arguments (they may be sensitive). */
export function commandName(argv: readonly string[]): string {
  return argv[0] ?? '(empty)';
}
