import { spawn } from 'node:child_process';
import type { ExecOptions, RawExecResult } from './transport.js';
import { commandName, exitCode } from './exit-code.js';
import { CommandAbortedError, CommandTimeoutError, UnquotableArgumentError } from './transport-errors.js';

/** Spawn failures answered the way a shell answers them, so local and remote runs look alike. */
const SPAWN_FAILURES: Record<string, { code: number; text: string }> = {
  ENOENT: { code: 127, text: 'command not found' },
  EACCES: { code: 126, text: 'permission denied' },
};

/** Runs argv directly (no shell) on this machine; a timeout or abort kills it with SIGKILL and rejects. */
export function runLocalExec(host: string, argv: readonly string[], options: ExecOptions & { timeoutMs: number }): Promise<RawExecResult> {
  const name = commandName(argv);
  const program = argv[0];
  if (program === undefined || program === '') return Promise.reject(new UnquotableArgumentError({ reason: 'empty-argv' }));
  const nul = argv.findIndex((arg) => arg.includes('\0'));
  if (nul >= 0) return Promise.reject(new UnquotableArgumentError({ reason: 'nul', index: nul }));
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new CommandAbortedError({ host, command: name }));

  return new Promise<RawExecResult>((resolve, reject) => {
    // Own process group, so a kill reaches whatever the command started too.
    const child = spawn(program, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    let spawnError: NodeJS.ErrnoException | undefined;
    const finish = (): void => {
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const kill = (error: Error): void => {
      if (settled) return;
      finish();
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(error);
    };
    const onAbort = (): void => kill(new CommandAbortedError({ host, command: name }));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs > 0
      ? setTimeout(() => kill(new CommandTimeoutError({ host, command: name, timeoutMs: options.timeoutMs })), options.timeoutMs)
      : undefined;

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {
      /* the command may exit without reading its input */
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnError = err;
    });
    child.on('close', (code, sig) => {
      if (settled) return;
      finish();
      const known = spawnError?.code === undefined ? undefined : SPAWN_FAILURES[spawnError.code];
      if (spawnError !== undefined && known !== undefined) {
        return resolve({ stdout: Buffer.alloc(0), stderr: Buffer.from(`${program}: ${known.text}\n`), code: known.code });
      }
      if (spawnError !== undefined) return reject(spawnError);
      resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), code: exitCode(code, sig) });
    });
    if (options.stdin === undefined) child.stdin.end();
    else child.stdin.end(options.stdin);
  });
}
