/** Console line prefix the test guest prints once it serves HTTP. */
export const READY_MARKER = 'GITVIRT-GUEST-READY';

/** What the guest announced on its ready line; `null` where it printed `none`. */
export interface GuestReady {
  ip: string | null;
  hostname: string | null;
  instanceId: string | null;
}

const FIELDS = { ip: 'ip', hostname: 'hostname', 'instance-id': 'instanceId' } as const;

/** Parses the last ready line of a console log, or returns null when the guest is not ready yet. */
export function parseReadyLine(consoleLog: string): GuestReady | null {
  const lines = consoleLog.split(/\r?\n/).filter((line) => line.startsWith(`${READY_MARKER} `));
  const last = lines.at(-1);
  if (last === undefined) return null;
  const ready: GuestReady = { ip: null, hostname: null, instanceId: null };
  for (const word of last.slice(READY_MARKER.length).trim().split(/\s+/)) {
    const eq = word.indexOf('=');
    const key = word.slice(0, eq) as keyof typeof FIELDS;
    const value = word.slice(eq + 1);
    if (eq > 0 && key in FIELDS && value !== 'none') ready[FIELDS[key]] = value;
  }
  return ready;
}

/** Returns the last `count` lines of a console log, for error messages. */
export function consoleTail(consoleLog: string, count = 25): string {
  return consoleLog.split(/\r?\n/).slice(-count).join('\n');
}

/** Polls `read` (which returns the console log so far) until the ready line appears. */
export async function waitForReady(options: {
  read: () => Promise<string>;
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
}): Promise<GuestReady & { elapsedMs: number; log: string }> {
  const started = Date.now();
  let log = '';
  for (;;) {
    options.signal?.throwIfAborted();
    log = await options.read().catch(() => log);
    const ready = parseReadyLine(log);
    if (ready !== null) return { ...ready, elapsedMs: Date.now() - started, log };
    if (Date.now() - started > options.timeoutMs) {
      throw new Error(`failed to wait for the test guest: no ${READY_MARKER} line after ${options.timeoutMs} ms; console:\n${consoleTail(log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
