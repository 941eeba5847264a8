import type { ExecOptions, ExecResult, RawExecResult, RawHostConnection, WriteFileOptions } from './transport.js';
import { TransportClosedError } from './transport-errors.js';

/** What a concrete transport provides for one host; the handle adds utf8 decoding, scripts and close bookkeeping. */
export interface ConnectionCore {
  host: string;
  execRaw(argv: readonly string[], options: ExecOptions): Promise<RawExecResult>;
  writeFile(path: string, data: Buffer, options: WriteFileOptions): Promise<void>;
  /** Called once when the handle is closed. */
  release(): Promise<void>;
}

/** Decodes a raw result as utf8. */
export function decodeResult(raw: RawExecResult): ExecResult {
  return { stdout: raw.stdout.toString('utf8'), stderr: raw.stderr.toString('utf8'), code: raw.code };
}

/** Wraps a core into a HostConnection handle that refuses calls after close(). */
export function createHostConnection(core: ConnectionCore): RawHostConnection {
  let closed = false;
  const check = (): void => {
    if (closed) throw new TransportClosedError({ host: core.host });
  };
  const execRaw = async (argv: readonly string[], options: ExecOptions = {}): Promise<RawExecResult> => {
    check();
    return core.execRaw(argv, options);
  };
  return {
    execRaw,
    async exec(argv, options) {
      return decodeResult(await execRaw(argv, options));
    },
    async execScript(script, options = {}) {
      return decodeResult(await execRaw(['sh', '-s'], { ...options, stdin: script }));
    },
    async writeFile(path, data, options = {}) {
      check();
      await core.writeFile(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, options);
    },
    async close() {
      if (closed) return;
      closed = true;
      await core.release();
    },
  };
}
