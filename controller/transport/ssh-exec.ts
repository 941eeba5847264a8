import type { Client, ClientChannel } from 'ssh2';
import type { RawExecResult } from './transport.js';
import { exitCode } from './exit-code.js';
import { CommandAbortedError, CommandTimeoutError, ConnectionLostError } from './transport-errors.js';

/** One command on an open ssh2 client. */
export interface ChannelExecInput {
  client: Client;
  host: string;
  /** Program name for errors. */
  name: string;
  /** The already quoted command line. */
  command: string;
  stdin?: string | Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Why the client's connection closed, once it has. */
  lostReason: () => string | undefined;
}

/** Runs a command on its own channel; a timeout or abort sends KILL, closes the channel and rejects. */
export function runChannelExec(input: ChannelExecInput): Promise<RawExecResult> {
  const { client, host, name, signal } = input;
  return new Promise<RawExecResult>((resolve, reject) => {
    let settled = false;
    let channel: ClientChannel | undefined;
    let timer: NodeJS.Timeout | undefined;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];

    const settle = (error: Error | undefined, result?: RawExecResult): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined && result !== undefined) resolve(result);
      else reject(error);
    };
    const kill = (error: Error): void => {
      if (channel !== undefined) {
        try {
          channel.signal('KILL');
        } catch {
          /* the channel may already be gone */
        }
        channel.close();
      }
      settle(error);
    };
    const lost = (reason: string): Error => new ConnectionLostError({ host, command: name, reason });
    function onAbort(): void {
      kill(new CommandAbortedError({ host, command: name }));
    }

    if (signal?.aborted) return settle(new CommandAbortedError({ host, command: name }));
    signal?.addEventListener('abort', onAbort, { once: true });

    const opened = (err: Error | undefined, ch: ClientChannel): void => {
      if (err !== undefined) return settle(lost(input.lostReason() ?? `could not open a channel (${err.message.toLowerCase()})`));
      if (settled) return void ch.close();
      channel = ch;
      if (input.timeoutMs > 0) {
        timer = setTimeout(() => kill(new CommandTimeoutError({ host, command: name, timeoutMs: input.timeoutMs })), input.timeoutMs);
      }
      let exit: { code: number | null; signal?: string } | undefined;
      let stderrEnded = false;
      let closed = false;
      const done = (): void => {
        if (!closed || !stderrEnded) return;
        if (exit === undefined) {
          const reason = input.lostReason();
          return settle(lost(reason === undefined ? 'channel closed without an exit status' : `${reason} while the command ran`));
        }
        settle(undefined, { stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), code: exitCode(exit.code, exit.signal) });
      };
      ch.on('data', (chunk: Buffer) => stdout.push(chunk));
      ch.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      ch.stderr.on('end', () => {
        stderrEnded = true;
        done();
      });
      ch.on('exit', (code: number | null, sig?: string) => {
        exit = { code, ...(sig === undefined ? {} : { signal: sig }) };
      });
      ch.on('close', () => {
        closed = true;
        if (!ch.stderr.readable) stderrEnded = true;
        // A destroyed stderr never emits 'end'; give pending data one turn, then finish anyway.
        else setImmediate(() => {
          stderrEnded = true;
          done();
        });
        done();
      });
      ch.on('error', () => {
        /* surfaced through 'close' without an exit status */
      });
      if (input.stdin === undefined) ch.end();
      else ch.end(input.stdin);
    };

    try {
      client.exec(input.command, opened);
    } catch {
      settle(lost(input.lostReason() ?? 'connection closed'));
    }
  });
}
