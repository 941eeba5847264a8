import type { Client } from 'ssh2';
import type { RawHostConnection, Transport, TransportTarget } from './transport.js';
import { createHostConnection } from './host-connection.js';
import { Limiter } from './limiter.js';
import { openSshClient, type SshCredentials } from './ssh-connect.js';
import { loadSshCredentials, type SshCredentialSource } from './ssh-credentials.js';
import { SshHost, type SshHostStats } from './ssh-host.js';
import { writeFileViaExec } from './remote-write-file.js';
import { parseHostKeyPin } from './host-key.js';
import { ConnectAbortedError, TransportClosedError } from './transport-errors.js';

/** Options of the SSH transport; every duration in milliseconds. */
export interface SshTransportOptions extends SshCredentialSource {
  /** Time allowed for TCP connect, handshake and authentication. */
  connectTimeoutMs?: number;
  /** Interval of keep-alive probes; three unanswered probes drop the connection. */
  keepaliveIntervalMs?: number;
  /** Default command timeout (0 = none). */
  commandTimeoutMs?: number;
  /** Most connections open at once across hosts; idle ones are closed to make room. */
  maxConnections?: number;
  /** Most concurrent channels on one connection (OpenSSH allows 10 sessions by default). */
  channelsPerConnection?: number;
}

/** Defaults of the SSH transport options. */
export const SSH_TRANSPORT_DEFAULTS = {
  connectTimeoutMs: 10_000,
  keepaliveIntervalMs: 15_000,
  commandTimeoutMs: 300_000,
  maxConnections: Number.POSITIVE_INFINITY,
  channelsPerConnection: 8,
} as const;

/** A Transport over SSH that also reports its pool. */
export interface SshTransport extends Transport {
  /** Counters per pooled host. */
  stats(): SshHostStats[];
}

/** Fields whose change makes a pooled connection stale. */
const TARGET_FIELDS = ['address', 'port', 'user', 'hostKey'] as const;

/** Creates the SSH transport: one connection per host, shared by every caller, reopened when it drops. */
export function createSshTransport(options: SshTransportOptions): SshTransport {
  const settings = { ...SSH_TRANSPORT_DEFAULTS, ...definedOnly(options) };
  const hosts = new Map<string, SshHost>();
  const retired = new Set<SshHost>();
  const slots = new Limiter(settings.maxConnections);
  let credentials: Promise<SshCredentials> | undefined;
  let closed = false;

  const evictIdle = (except?: SshHost): void => {
    const candidates = [...hosts.values(), ...retired].filter((h) => h !== except && h.connected && h.idle);
    candidates.sort((a, b) => a.lastUsed - b.lastUsed);
    void candidates[0]?.disconnect();
  };

  const pool = {
    commandTimeoutMs: settings.commandTimeoutMs,
    channelsPerConnection: settings.channelsPerConnection,
    onIdle(host: SshHost): void {
      if (retired.has(host) && host.handles === 0) {
        retired.delete(host);
        void host.close();
      } else if (slots.waiting > 0) void host.disconnect();
    },
    async open(target: TransportTarget, signal: AbortSignal | undefined): Promise<Client> {
      credentials ??= loadSshCredentials(options);
      credentials.catch(() => (credentials = undefined));
      const creds = await credentials;
      if (slots.inUse >= settings.maxConnections) evictIdle(hosts.get(target.name));
      const aborted = (): Error => new ConnectAbortedError({ host: target.name, address: target.address, port: target.port });
      const release = await slots.acquire(signal, aborted);
      try {
        const client = await openSshClient({
          target,
          credentials: creds,
          connectTimeoutMs: settings.connectTimeoutMs,
          keepaliveIntervalMs: settings.keepaliveIntervalMs,
          ...(signal === undefined ? {} : { signal }),
        });
        client.once('close', release);
        return client;
      } catch (err) {
        release();
        throw err;
      }
    },
  };

  const hostFor = (target: TransportTarget): SshHost => {
    const current = hosts.get(target.name);
    if (current !== undefined && TARGET_FIELDS.every((f) => current.target[f] === target[f])) return current;
    if (current !== undefined) {
      // The host's address or key changed: new callers get a new connection, old handles drain the old one.
      retired.add(current);
      if (current.handles === 0 && current.idle) pool.onIdle(current);
    }
    const host = new SshHost({ ...target }, pool);
    hosts.set(target.name, host);
    return host;
  };

  return {
    async connect(target, connectOptions = {}): Promise<RawHostConnection> {
      if (closed) throw new TransportClosedError({});
      parseHostKeyPin(target.hostKey, target.name);
      const host = hostFor(target);
      host.handles += 1;
      try {
        await host.ensureClient(connectOptions.signal);
      } catch (err) {
        host.handles -= 1;
        throw err;
      }
      return createHostConnection({
        host: target.name,
        execRaw: (argv, execOptions) => host.execRaw(argv, execOptions),
        writeFile: (path, data, writeOptions) => writeFileViaExec((argv, o) => host.execRaw(argv, o), target.name, path, data, writeOptions),
        release: async () => {
          host.handles -= 1;
          if (retired.has(host) && host.handles === 0 && host.idle) pool.onIdle(host);
        },
      });
    },
    async close(): Promise<void> {
      closed = true;
      const all = [...hosts.values(), ...retired];
      hosts.clear();
      retired.clear();
      await Promise.all(all.map((h) => h.close()));
    },
    stats(): SshHostStats[] {
      return [...hosts.values()].map((h) => h.stats());
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
