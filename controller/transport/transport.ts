import type { HostTarget } from '../types/desired.js';

/** The fields of a Host that a transport needs to reach it. */
export type TransportTarget = Pick<HostTarget, 'name' | 'address' | 'port' | 'user' | 'hostKey'>;

/** Options of one command run. */
export interface ExecOptions {
  /** Sent to the command's standard input, then closed; without it, standard input is closed at once. */
  stdin?: string | Buffer;
  /** Kill the command after this long (default: the transport's command timeout; 0 = none). */
  timeoutMs?: number;
  /** Kills the command when aborted. */
  signal?: AbortSignal;
}

/** The outcome of a command: utf8 output and its exit code (128 + signal number when killed by a signal). */
export interface ExecResult { stdout: string; stderr: string; code: number }

/** The outcome of a command with its output as raw bytes, for binary data. */
export interface RawExecResult { stdout: Buffer; stderr: Buffer; code: number }

/** Options of a file write. */
export interface WriteFileOptions { mode?: number; signal?: AbortSignal; timeoutMs?: number }

/** A connection to one host. Commands are argv arrays, always quoted, never pasted into a shell string. */
export interface HostConnection {
  /** Runs `argv` on the host; resolves with output and exit code whatever the code is. */
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Runs `sh -s` with `script` on standard input (a `stdin` option is ignored). */
  execScript(script: string, options?: ExecOptions): Promise<ExecResult>;
  /** Writes `data` to `path` atomically (temporary file, then rename); `mode` defaults to 0o644. */
  writeFile(path: string, data: Buffer | string, options?: WriteFileOptions): Promise<void>;
  /** Releases this handle; later calls on it reject. */
  close(): Promise<void>;
}

/** A HostConnection that can also return raw output bytes. */
export interface RawHostConnection extends HostConnection {
  /** Like exec, with stdout and stderr as Buffers. */
  execRaw(argv: readonly string[], options?: ExecOptions): Promise<RawExecResult>;
}

/** How gitvirt reaches hypervisors: one connection per host, shared by every caller. */
export interface Transport {
  /** Connects (or reuses the connection) to a host; rejects with a typed error when it cannot. */
  connect(target: TransportTarget, options?: { signal?: AbortSignal }): Promise<RawHostConnection>;
  /** Closes every connection; later calls reject. */
  close(): Promise<void>;
}
