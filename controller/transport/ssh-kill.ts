import type { Client, ClientChannel } from 'ssh2';

/** The ssh2 internals that `sendSignal` reaches for. */
interface ChannelInternals {
  outgoing?: { id?: number; state?: string };
  _client?: { _protocol?: { signal?: (id: number, name: string) => void } };
}

/**
 * Sends an SSH signal request on a session channel. ssh2's `channel.signal()` is silent once standard
 * input has been closed (EOF sent), which is always the case here, so the request goes through the
 * protocol directly. sshd honours it for unprivileged users only; root sessions need killRemoteGroup.
 */
export function sendSignal(channel: ClientChannel, name: 'KILL' | 'TERM'): void {
  const internals = channel as unknown as ChannelInternals;
  const id = internals.outgoing?.id;
  const state = internals.outgoing?.state;
  const protocol = internals._client?._protocol;
  try {
    if (id !== undefined && (state === 'open' || state === 'eof') && typeof protocol?.signal === 'function') protocol.signal(id, name);
    else channel.signal(name);
  } catch {
    /* the channel or connection is already gone */
  }
}

/** Kills a remote process group (and its leader) over a new channel; gives up silently after `timeoutMs`. */
export function killRemoteGroup(client: Client, pid: number, timeoutMs = 3000): Promise<void> {
  if (!Number.isInteger(pid) || pid <= 1) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      resolve();
    };
    try {
      client.exec(`kill -KILL -- -${pid} 2>/dev/null; kill -KILL ${pid} 2>/dev/null; true`, (err, ch) => {
        if (err !== undefined) return finish();
        ch.on('close', finish);
        ch.on('error', finish);
        ch.resume();
        ch.stderr.resume();
        ch.end();
      });
    } catch {
      finish();
    }
  });
}
