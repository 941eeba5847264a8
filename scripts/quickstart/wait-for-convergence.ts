/** Waits, bounded, until a freshly started controller has converged once and committed its status. */
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';
import { cyclesWithOutcome } from './converged-cycles.js';
import { formatLogLine } from './format-log-line.js';

/** Why the wait ended without a converged cycle. */
export type WaitFailure = 'controller-exited' | 'timeout';

/** The controller did not converge in time, or stopped. */
export class ConvergeWaitFailedError extends GitvirtError<'ConvergeWaitFailed', { reason: WaitFailure; waitedMs: number }> {
  constructor(data: { reason: WaitFailure; waitedMs: number }, detail: string) {
    super('ConvergeWaitFailed', `failed to see a converged cycle: ${detail}`, data, { userError: true });
  }
}

/** What the wait reads from the outside. */
export interface ConvergenceProbes {
  /** The metrics page, or null while the controller does not answer. */
  metrics(): Promise<string | null>;
  /** Log lines written since the previous call. */
  newLogLines(): Promise<string[]>;
  /** Whether the controller process still runs. */
  alive(): boolean;
  /** The commit of the status branch, or null while there is none. */
  statusCommit(): Promise<string | null>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Result of a successful wait. */
export interface Convergence {
  waitedMs: number;
  statusCommit: string;
}

/**
 * Polls once a second: prints the controller's cycle, action and error lines as they come (through
 * `print`), and returns once `/metrics` counts a converged cycle and the status branch exists.
 * Throws ConvergeWaitFailedError when the controller exits or `timeoutMs` passes.
 */
export async function waitForConvergence(args: { probes: ConvergenceProbes; timeoutMs: number; print: (line: string) => void }): Promise<Convergence> {
  const { probes } = args;
  const started = probes.now();
  const show = async () => {
    for (const line of await probes.newLogLines()) {
      const shown = formatLogLine(line);
      if (shown !== null) args.print(shown);
    }
  };
  for (;;) {
    await show();
    const page = await probes.metrics();
    if (page !== null && cyclesWithOutcome(page, 'converged') >= 1) {
      const commit = await probes.statusCommit();
      if (commit !== null) return { waitedMs: probes.now() - started, statusCommit: commit };
    }
    const waitedMs = probes.now() - started;
    if (!probes.alive()) {
      await show();
      throw new ConvergeWaitFailedError({ reason: 'controller-exited', waitedMs }, 'the controller exited');
    }
    if (waitedMs >= args.timeoutMs) {
      throw new ConvergeWaitFailedError({ reason: 'timeout', waitedMs }, `no converged cycle within ${Math.round(args.timeoutMs / 1000)} s`);
    }
    await probes.sleep(1000);
  }
}
