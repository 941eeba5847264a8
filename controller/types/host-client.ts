/** The interface apply and reconcile use to observe one host and run plan actions on it. */
import type { LiveHostState } from './live.js';
import type { Action } from './plan.js';

/** What running one action actually did. */
export interface ActionOutcome {
  result: 'created' | 'configured' | 'unchanged' | 'deleted';
  message?: string;
}

/** Size and sha256 of a file. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Options of one pool file call. */
export interface PoolFileOptions {
  signal?: AbortSignal;
}

/**
 * Byte access to files in the host's gitvirt pool directory, for copying a VM's volumes to another
 * host through the controller. Data travels gzip-compressed; every path must lie in the pool.
 */
export interface PoolFiles {
  /** Size and sha256 of a file, or null when it does not exist. */
  digest(path: string, options?: PoolFileOptions): Promise<FileDigest | null>;
  /** Up to `length` bytes of a file from `offset`, gzip-compressed. */
  read(path: string, offset: number, length: number, options?: PoolFileOptions): Promise<Buffer>;
  /** Makes `path` an empty (sparse) file of `bytes` bytes, replacing any file there. */
  allocate(path: string, bytes: number, options?: PoolFileOptions): Promise<void>;
  /** Writes gzip-compressed data at `offset` of an existing file, keeping runs of zeros sparse. */
  write(path: string, offset: number, compressed: Buffer, options?: PoolFileOptions): Promise<void>;
  /** Points a qcow2 overlay at `backing` (header only, `qemu-img rebase -u`), then renames `from` to `to` and refreshes `pool`. */
  install(args: { from: string; to: string; pool: string; format: 'qcow2' | 'raw'; backing?: { path: string; format: 'qcow2' | 'raw' } }, options?: PoolFileOptions): Promise<void>;
  /** Removes a file when it exists. */
  remove(path: string, options?: PoolFileOptions): Promise<void>;
}

/** Observes one host and runs actions on it; the only libvirt I/O. */
export interface HostClient {
  readonly host: string;
  /** One SSH round trip: inventory + XML of every domain and network (owner parsed from XML). */
  observe(options?: { signal?: AbortSignal }): Promise<LiveHostState>;
  /** Runs one action idempotently; reports what it actually did. */
  run(action: Action, options?: { signal?: AbortSignal; onProgress?: (line: string) => void }): Promise<ActionOutcome>;
  /** Pool file access for volume copies between hosts (absent when the connection cannot carry binary data). */
  readonly files?: PoolFiles;
}
