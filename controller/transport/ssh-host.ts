import type { Client } from 'ssh2';
import type { ExecOptions, RawExecResult, TransportTarget } from './transport.js';
import { Limiter } from './limiter.js';
import { runChannelExec } from './ssh-exec.js';
import { shellJoin } from './shell-quote.js';
import { commandName } from './exit-code.js';
import { ChannelOpenFailedError, CommandAbortedError, ConnectAbortedError, TransportClosedError } from './transport-errors.js';

/** Waits before each retry of a refused channel open (about 1.5 s in all). */
const CHANNEL_RETRY_DELAYS_MS = [10, 20, 40, 80, 150, 250, 250, 250, 250, 250];

/** Why each closed client closed; an open client has no entry. */
const lostReasons = new WeakMap<Client, string>();

/** What a pooled host needs from its pool. */
export interface SshHostPool {
  /** Opens an authenticated client (holding a connection slot until it closes). */
  open(target: TransportTarget, signal: AbortSignal | undefined): Promise<Client>;
  commandTimeoutMs: number;
  channelsPerConnection: number;
  /** Told when the host has no running command, so an idle connection can give its slot away. */
  onIdle(host: SshHost): void;
}

/** Counters of one pooled host, for tests and metrics. */
export interface SshHostStats { host: string; connected: boolean; connects: number; channels: number; queued: number; handles: number }

/** One host's single shared SSH connection: opened lazily, reopened after a drop, channels bounded. */
export class SshHost {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private closed = false;
  private connects = 0;
  private readonly channels: Limiter;
  /** Open handles on this host. */
  handles = 0;
  /** When a command last finished, for least-recently-used eviction. */
  lastUsed = 0;

  constructor(readonly target: TransportTarget, private readonly pool: SshHostPool) {
    this.channels = new Limiter(pool.channelsPerConnection);
  }

  /** True while a connection is open. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** True when no command is running or waiting. */
  get idle(): boolean {
    return this.channels.inUse === 0 && this.channels.waiting === 0;
  }

  /** Counters for this host. */
  stats(): SshHostStats {
    return {
      host: this.target.name,
      connected: this.connected,
      connects: this.connects,
      channels: this.channels.inUse,
      queued: this.channels.waiting,
      handles: this.handles,
    };
  }

  /** The open client, connecting first when there is none. */
  async ensureClient(signal?: AbortSignal): Promise<Client> {
    if (this.closed) throw new TransportClosedError({ host: this.target.name });
    if (this.client !== undefined) return this.client;
    this.connecting ??= this.openClient();
    return raceAbort(this.connecting, signal, () => new ConnectAbortedError(endpointOf(this.target)));
  }

  /** Runs argv on its own channel of the shared connection. */
  async execRaw(argv: readonly string[], options: ExecOptions): Promise<RawExecResult> {
    const command = shellJoin(argv);
    const name = commandName(argv);
    const aborted = (): Error => new CommandAbortedError({ host: this.target.name, command: name });
    const release = await this.channels.acquire(options.signal, aborted);
    try {
      for (let attempt = 0; ; attempt += 1) {
        const client = await this.ensureClient(options.signal);
        try {
          return await runChannelExec({
            client,
            host: this.target.name,
            name,
            command,
            timeoutMs: options.timeoutMs ?? this.pool.commandTimeoutMs,
            lostReason: () => lostReasons.get(client),
            ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
            ...(options.signal === undefined ? {} : { signal: options.signal }),
          });
        } catch (err) {
          // sshd frees a finished session a moment after its channel closes; a refused open is retried.
          const delay = CHANNEL_RETRY_DELAYS_MS[attempt];
          if (!(err instanceof ChannelOpenFailedError) || delay === undefined) throw err;
          await sleep(delay, options.signal, aborted);
        }
      }
    } finally {
      release();
      this.lastUsed = Date.now();
      if (this.idle) this.pool.onIdle(this);
    }
  }

  /** Closes the connection, if any; the next command reconnects. */
  disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        client.destroy();
        resolve();
      }, 2000);
      client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      client.end();
    });
  }

  /** Closes the connection for good. */
  async close(): Promise<void> {
    this.closed = true;
    await this.connecting?.catch(() => undefined);
    await this.disconnect();
  }

  private async openClient(): Promise<Client> {
    try {
      const client = await this.pool.open(this.target, undefined);
      this.connects += 1;
      let lastError: string | undefined;
      client.on('error', (err: Error) => {
        // Reported to running commands through the close that follows.
        lastError = err.message.toLowerCase();
      });
      client.once('close', () => {
        lostReasons.set(client, lastError === undefined ? 'connection closed' : `connection closed: ${lastError}`);
        if (this.client === client) this.client = undefined;
      });
      if (this.closed) {
        client.end();
        throw new TransportClosedError({ host: this.target.name });
      }
      this.client = client;
      return client;
    } finally {
      this.connecting = undefined;
    }
  }
}

function endpointOf(target: TransportTarget): { host: string; address: string; port: number } {
  return { host: target.name, address: target.address, port: target.port };
}

/** Resolves like `promise`, or rejects with `onAbort()` as soon as `signal` aborts; the promise itself goes on. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(err);
      },
    );
  });
}

/** Waits `ms`, or rejects with `onAbort()` when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return raceAbort(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal, onAbort);
}
