import { randomBytes } from 'node:crypto';
import type { ExecOptions, RawExecResult, WriteFileOptions } from './transport.js';
import { WriteFileFailedError } from './transport-errors.js';

/** Default mode of written files. */
export const DEFAULT_FILE_MODE = 0o644;

/**
 * Writes stdin to a temporary file next to the target, sets its mode, then renames it over the target
 * (refusing a directory target, which `mv` would move the file into). The file is renamed only when
 * it holds all $4 bytes: a client that dies mid-stream ends stdin early, and `cat` takes that for
 * the end. Arguments: $1 temporary path, $2 octal mode, $3 target path, $4 byte count. On failure
 * the temporary file is removed.
 */
const WRITE_SCRIPT = [
  'if [ -d "$3" ]; then echo "$3: is a directory" >&2; exit 1; fi',
  'umask 077',
  'complete() { n=$(wc -c < "$1") && [ "$n" -eq "$4" ] || { echo "stdin ended after ${n:-0} of $4 bytes" >&2; return 1; }; }',
  'cat > "$1" && complete "$@" && chmod "$2" "$1" && mv -f "$1" "$3" || { status=$?; rm -f "$1"; exit "$status"; }',
].join('\n');

/** A path next to `path` that no other writer picks. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

/** Checks a write target; returns why it is refused, if it is. */
export function refuseWritePath(path: string): string | undefined {
  if (!path.startsWith('/')) return 'the path must be absolute';
  if (path.endsWith('/')) return 'the path names a directory';
  if (path.includes('\0')) return 'the path contains a NUL byte';
  return undefined;
}

/** Streams `data` through `sh -c` into a temporary file on the host, then renames it into place. */
export async function writeFileViaExec(
  execRaw: (argv: readonly string[], options: ExecOptions) => Promise<RawExecResult>,
  host: string,
  path: string,
  data: Buffer,
  options: WriteFileOptions,
): Promise<void> {
  const refused = refuseWritePath(path);
  if (refused !== undefined) throw new WriteFileFailedError({ host, path, reason: refused });
  const mode = ((options.mode ?? DEFAULT_FILE_MODE) & 0o7777).toString(8);
  const result = await execRaw(['sh', '-c', WRITE_SCRIPT, 'sh', temporaryPath(path), mode, path, String(data.length)], {
    stdin: data,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  if (result.code !== 0) {
    const stderr = result.stderr.toString('utf8').trim().split('\n').slice(-3).join('; ');
    throw new WriteFileFailedError({ host, path, reason: stderr || `exit code ${result.code}` });
  }
}
