/** Base class of every gitvirt error: a literal `code`, structured `data`, and whether the user (not gitvirt) is at fault. */
export class GitvirtError<C extends string = string, D extends object = Record<string, unknown>> extends Error {
  /** Stable machine-readable code, e.g. `HostKeyMismatch`. */
  readonly code: C;
  /** Structured details; never holds a secret. */
  readonly data: D;
  /** True when the cause is bad input or configuration; the CLI prints one line instead of a stack. */
  readonly userError: boolean;

  constructor(code: C, message: string, data: D, options: { cause?: unknown; userError?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = code;
    this.code = code;
    this.data = data;
    this.userError = options.userError ?? false;
  }
}

/** True when `err` is a GitvirtError, optionally of the given code. */
export function isGitvirtError(err: unknown, code?: string): err is GitvirtError {
  return err instanceof GitvirtError && (code === undefined || err.code === code);
}
