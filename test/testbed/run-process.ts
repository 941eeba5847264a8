import { spawn } from 'node:child_process';

/** Output and exit code of a finished process (128 + signal number when killed by a signal). */
export interface ProcessResult { stdout: string; stderr: string; code: number }

/** Options of runProcess. */
export interface RunProcessOptions {
  stdin?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the process (SIGKILL) after this long; its result then has code 137. */
  timeoutMs?: number;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs a program to completion and collects its output; never rejects for a non-zero exit. */
export function runProcess(file: string, args: readonly string[], options: RunProcessOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      cwd: options.cwd ?? '/',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        code: code ?? 128 + (signal === null ? 0 : (SIGNAL_NUMBERS[signal] ?? 0)),
      });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
