import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import type { RawHostConnection, Transport } from './transport.js';
import { createHostConnection } from './host-connection.js';
import { runLocalExec } from './local-exec.js';
import { DEFAULT_FILE_MODE, refuseWritePath, temporaryPath } from './remote-write-file.js';
import { CommandAbortedError, TransportClosedError, WriteFileFailedError } from './transport-errors.js';

/** Options of the local transport. */
export interface LocalTransportOptions {
  /** Default command timeout in milliseconds (0 = none). */
  commandTimeoutMs?: number;
}

/** Writes a file through a temporary file in the same directory and a rename. */
async function writeLocalFile(host: string, path: string, data: Buffer, mode: number, signal: AbortSignal | undefined): Promise<void> {
  const refused = refuseWritePath(path);
  if (refused !== undefined) throw new WriteFileFailedError({ host, path, reason: refused });
  if (signal?.aborted) throw new CommandAbortedError({ host, command: 'writeFile' });
  const tmp = temporaryPath(path);
  try {
    await writeFile(tmp, data, { mode: 0o600, flag: 'wx', ...(signal === undefined ? {} : { signal }) });
    await chmod(tmp, mode & 0o7777);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    if ((err as Error).name === 'AbortError') throw new CommandAbortedError({ host, command: 'writeFile' });
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new WriteFileFailedError({ host, path, reason: code }, { cause: err });
  }
}

/** A Transport for running on the hypervisor itself: commands are spawned directly, without a shell. */
export function createLocalTransport(options: LocalTransportOptions = {}): Transport {
  const commandTimeoutMs = options.commandTimeoutMs ?? 300_000;
  let closed = false;
  return {
    async connect(target): Promise<RawHostConnection> {
      if (closed) throw new TransportClosedError({});
      const host = target.name;
      return createHostConnection({
        host,
        execRaw: (argv, execOptions) => {
          if (closed) return Promise.reject(new TransportClosedError({ host }));
          return runLocalExec(host, argv, { ...execOptions, timeoutMs: execOptions.timeoutMs ?? commandTimeoutMs });
        },
        writeFile: (path, data, writeOptions) => writeLocalFile(host, path, data, writeOptions.mode ?? DEFAULT_FILE_MODE, writeOptions.signal),
        release: async () => undefined,
      });
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
