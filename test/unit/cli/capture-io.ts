import type { CliIo } from '../../../controller/cli/index.js';

/** A CliIo whose stdout and stderr are captured as strings. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** Builds a captured CliIo rooted at `cwd`. */
export function captureIo(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty === true },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    cwd,
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}
