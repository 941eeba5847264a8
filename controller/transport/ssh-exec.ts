import type { Client, ClientChannel } from 'ssh2';
import type { RawExecResult } from './transport.js';
import { exitCode } from './exit-code.js';
import { createPidMarker, findMarkedPid, stripPidMarker } from './pid-marker.js';
import { killRemoteGroup, sendSignal } from './ssh-kill.js';
import { ChannelOpenFailedError, CommandAbortedError, CommandTimeoutError, ConnectionLostError } from './transport-errors.js';

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

/**
 * Runs a command on its own channel. A timeout or abort sends KILL, kills the command's remote process
 * group through a second channel, closes the channel and rejects.
 */
export function runChannelExec(input: ChannelExecInput): Promise<RawExecResult> {
  const { client, host, name, signal } = input;
  const marker = createPidMarker();
  return new Promise<RawExecResult>((resolve, reject) => {
    let settled = false;
    let channel: ClientChannel | undefined;
    let timer: NodeJS.Timeout | undefined;
    let pid: number | undefined;
    const stdout: Buffer[] = [];
    let stderr = Buffer.alloc(0);

    const settle = (error: Error | undefined, result?: RawExecResult): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined && result !== undefined) resolve(result);
      else reject(error);
    };
    const kill = (error: Error): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (channel !== undefined) {
        sendSignal(channel, 'KILL');
        channel.close();
      }
      const killed = pid === undefined || input.lostReason() !== undefined ? Promise.resolve() : killRemoteGroup(client, pid);
      void killed.then(() => reject(error));
    };
    const lost = (reason: string): Error => new ConnectionLostError({ host, command: name, reason });
    function onAbort(): void {
      kill(new CommandAbortedError({ host, command: name }));
    }

    if (signal?.aborted) return settle(new CommandAbortedError({ host, command: name }));
    signal?.addEventListener('abort', onAbort, { once: true });

    const opened = (err: Error | undefined, ch: ClientChannel): void => {
      if (err !== undefined) {
        const gone = input.lostReason();
        return settle(gone === undefined ? new ChannelOpenFailedError({ host, command: name, reason: err.message.toLowerCase() }) : lost(gone));
      }
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
        const result = { stdout: Buffer.concat(stdout), stderr: stripPidMarker(stderr, marker.token), code: exitCode(exit.code, exit.signal) };
        settle(undefined, result);
      };
      ch.on('data', (chunk: Buffer) => stdout.push(chunk));
      ch.stderr.on('data', (chunk: Buffer) => {
        stderr = Buffer.concat([stderr, chunk]);
        pid ??= findMarkedPid(stderr, marker.token);
      });
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
      client.exec(marker.prefix + input.command, opened);
    } catch {
      settle(lost(input.lostReason() ?? 'connection closed'));
    }
  });
}
