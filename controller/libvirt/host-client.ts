import type { HostConnection } from '../transport/transport.js';
import type { HostTarget } from '../types/desired.js';
import type { ActionOutcome, HostClient } from '../types/host-client.js';
import type { LiveHostState } from '../types/live.js';
import type { Action } from '../types/plan.js';
import type { ActionContext } from './action-context.js';
import { createHostCommands, newSectionMarker } from './host-commands.js';
import { ActionTimeoutError, LibvirtCommandError, ObserveOutputInvalidError } from './host-client-errors.js';
import { buildObserveScript } from './observe-script.js';
import { parseObserveOutput } from './parse-observe-output.js';
import { createPoolFiles } from './pool-files.js';
import { actionTimeoutMs, runActionExecutor } from './run-action.js';

/** Time limit of one observe round trip. */
export const OBSERVE_TIMEOUT_MS = 120_000;

/** Inputs of createHostClient. */
export interface HostClientArgs {
  target: HostTarget;
  connection: HostConnection;
  /** Clock for `observedAt` and stop timeouts (default: the system clock). */
  now?: () => Date;
}

/**
 * The libvirt client of one host over a HostConnection: `observe` reads everything in one round
 * trip; `run` carries out one plan action idempotently. The only code that drives libvirt.
 */
export function createHostClient(args: HostClientArgs): HostClient {
  const { target, connection } = args;
  const now = args.now ?? (() => new Date());
  const host = target.name;
  const files = createPoolFiles({ target, connection });
  return {
    host,
    ...(files === undefined ? {} : { files }),
    async observe(options = {}): Promise<LiveHostState> {
      const script = buildObserveScript({ uri: target.uri, pool: target.storagePool.name, marker: newSectionMarker() });
      const result = await connection.execScript(script, {
        timeoutMs: OBSERVE_TIMEOUT_MS,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      try {
        return parseObserveOutput(result.stdout, { host, observedAt: now().toISOString() });
      } catch (err) {
        if (!(err instanceof ObserveOutputInvalidError)) throw err;
        throw new LibvirtCommandError(result.stderr.trim() || err.message, {
          operation: 'observe libvirt', host, action: 'observe', command: ['sh', '-s'], exitCode: result.code,
        }, { cause: err });
      }
    },
    async run(action: Action, options = {}): Promise<ActionOutcome> {
      const timeoutMs = actionTimeoutMs(action);
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new ActionTimeoutError({ host, action: action.kind, timeoutMs })), timeoutMs);
      const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([options.signal, deadline.signal]);
      const cmd = createHostCommands({
        connection, host, uri: target.uri, action: action.kind, signal,
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      const ctx: ActionContext = { action, cmd, target, sleep: (ms) => sleep(ms, signal), now: () => now().getTime() };
      try {
        return await runActionExecutor(action, ctx);
      } catch (err) {
        if (deadline.signal.aborted) throw deadline.signal.reason;
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
