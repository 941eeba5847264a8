import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';

/** Another test run held the testbed for longer than the wait allowed. */
export class TestbedBusyError extends GitvirtError<'TestbedBusy', { lockPath: string; waitedMs: number }> {
  constructor(data: { lockPath: string; waitedMs: number }) {
    super('TestbedBusy', `failed to lock the testbed ${data.lockPath}: another test run held it for ${data.waitedMs} ms`, data);
  }
}

/** A held session lock; release() (or the end of this process) frees it. */
export interface SessionLock { release(): void }

/**
 * Takes an exclusive flock on `lockPath` for as long as this process lives, so that two test
 * runs on one machine take turns with the testbed instead of tearing down each other's hosts.
 * The lock is held by a `flock ... cat` child reading our pipe: it ends when we exit, however we exit.
 */
export function acquireSessionLock(lockPath: string, options: { waitMs: number; onWait?: () => void }): Promise<SessionLock> {
  const started = Date.now();
  const seconds = String(Math.max(1, Math.ceil(options.waitMs / 1000)));
  const child = spawn('flock', ['--exclusive', '--wait', seconds, lockPath, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.unref();
  const waitNotice = setTimeout(() => options.onWait?.(), 1000);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('locked')) return;
      clearTimeout(waitNotice);
      child.stdout.removeAllListeners('data');
      child.stdout.destroy();
      (child.stdin as Writable & { unref?: () => void }).unref?.();
      resolve({ release: () => child.stdin.end() });
    });
    child.on('error', (err) => {
      clearTimeout(waitNotice);
      reject(err);
    });
    child.on('exit', () => {
      clearTimeout(waitNotice);
      if (!output.includes('locked')) reject(new TestbedBusyError({ lockPath, waitedMs: Date.now() - started }));
    });
  });
}
