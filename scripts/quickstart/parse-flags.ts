import { GitvirtError } from '../../controller/errors/gitvirt-error.js';

/** A helper script was called with a missing or unknown flag. */
export class QuickstartUsageError extends GitvirtError<'QuickstartUsage', { flag: string }> {
  constructor(flag: string, reason: string) {
    super('QuickstartUsage', `failed to read the arguments: ${flag} ${reason}`, { flag }, { userError: true });
  }
}

/**
 * Reads `--name value` pairs; every name in `required` must be given, nothing else is accepted
 * besides `optional`. Returns name → value.
 */
export function parseFlags<R extends string, O extends string = never>(
  argv: readonly string[],
  required: readonly R[],
  optional: readonly O[] = [],
): Record<R, string> & Partial<Record<O, string>> {
  const known = new Set<string>([...required, ...optional]);
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !known.has(name)) throw new QuickstartUsageError(flag, 'is not a known flag');
    const value = argv[i + 1];
    if (value === undefined) throw new QuickstartUsageError(flag, 'needs a value');
    out[name] = value;
  }
  for (const name of required) if (out[name] === undefined) throw new QuickstartUsageError(`--${name}`, 'is required');
  return out as Record<R, string> & Partial<Record<O, string>>;
}

/** Runs an entry point: prints `quickstart: <message>` and exits 1 when it throws. */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      const message = err instanceof GitvirtError && err.userError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`quickstart: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
