import type { Transport } from '../transport/index.js';
import type { HostConnection } from '../transport/index.js';
import type { HostTarget } from '../types/desired.js';
import type { HostClient } from '../types/host-client.js';
import { UnknownHostError } from './errors.js';
import type { ConnectHost } from './observe-hosts.js';

/** Builds the host client over an open connection (the libvirt module's `createHostClient`). */
export type CreateHostClient = (args: { target: HostTarget; connection: HostConnection }) => HostClient;

/** Host clients of one reconcile: one connection per host, opened on first use, reused by observe and apply. */
export interface HostClients {
  /** Opens (or reuses) the client of a host. */
  connect: ConnectHost;
  /** The client of a host by name, for apply. */
  clientFor(host: string): Promise<HostClient>;
  /** Releases every connection handle (the transport keeps its pool). */
  close(): Promise<void>;
}

/** Opens host clients lazily over the transport; a failed connect is not cached, so a later call retries. */
export function openHostClients(args: { transport: Transport; targets: readonly HostTarget[]; createClient: CreateHostClient }): HostClients {
  const targets = new Map(args.targets.map((target) => [target.name, target]));
  const open = new Map<string, Promise<{ client: HostClient; connection: HostConnection }>>();
  const connect: ConnectHost = async (target, options) => {
    let entry = open.get(target.name);
    if (entry === undefined) {
      entry = args.transport.connect(target, options).then((connection) => ({ connection, client: args.createClient({ target, connection }) }));
      open.set(target.name, entry);
      entry.catch(() => open.delete(target.name));
    }
    return (await entry).client;
  };
  return {
    connect,
    async clientFor(host) {
      const target = targets.get(host);
      if (target === undefined) throw new UnknownHostError({ host });
      return connect(target, {});
    },
    async close() {
      const entries = [...open.values()];
      open.clear();
      await Promise.all(entries.map((entry) => entry.then(({ connection }) => connection.close(), () => undefined).catch(() => undefined)));
    },
  };
}
