/** An in-memory HostClient of our own interface: records calls, fails on chosen actions, can delay. */
import { actionTarget } from '../../../controller/apply/index.js';
import type { ActionOutcome, HostClient } from '../../../controller/types/host-client.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import type { Action } from '../../../controller/types/plan.js';

/** One recorded call of `run`. */
export interface RunCall {
  host: string;
  label: string;
  /** `signal` given to run (apply must not pass one: a running action always finishes). */
  signal: boolean;
  startedAt: number;
  endedAt?: number;
}

/** How the fake fleet behaves. */
export interface FleetOptions {
  /** Delay of each run, in ms (per action, or a constant). */
  delayMs?: number | ((action: Action) => number);
  /** Throw this for matching actions. */
  fail?: (action: Action) => unknown;
  /** Outcome of a successful run (default `configured`). */
  outcome?: (action: Action) => ActionOutcome;
  /** Called when a run starts (e.g. to abort mid-plan). */
  onRun?: (action: Action) => void;
}

/** `kind target`, as tests compare actions. */
export const label = (action: Action) => `${action.kind} ${actionTarget(action)}`;

/** A set of fake clients sharing one call log and concurrency counters. */
export class FakeFleet {
  readonly calls: RunCall[] = [];
  readonly connects: string[] = [];
  private readonly running = new Map<string, number>();
  /** Most hosts with an action in flight at once. */
  maxHostsInFlight = 0;
  /** Most actions in flight on one host at once (must stay 1). */
  maxPerHost = 0;

  constructor(private readonly options: FleetOptions = {}) {}

  /** `clientFor` for applyPlan. */
  clientFor = (host: string): HostClient => {
    this.connects.push(host);
    return { host, observe: async () => ({ host }) as unknown as LiveHostState, run: (action, opts) => this.run(host, action, opts) };
  };

  /** Labels of the runs of one host, in order. */
  runsOf(host: string): string[] {
    return this.calls.filter((call) => call.host === host).map((call) => call.label);
  }

  private async run(host: string, action: Action, opts?: { signal?: AbortSignal }): Promise<ActionOutcome> {
    const call: RunCall = { host, label: label(action), signal: opts?.signal !== undefined, startedAt: performance.now() };
    this.calls.push(call);
    this.running.set(host, (this.running.get(host) ?? 0) + 1);
    this.maxPerHost = Math.max(this.maxPerHost, this.running.get(host) ?? 0);
    this.maxHostsInFlight = Math.max(this.maxHostsInFlight, [...this.running.values()].filter((n) => n > 0).length);
    try {
      this.options.onRun?.(action);
      const delay = typeof this.options.delayMs === 'function' ? this.options.delayMs(action) : this.options.delayMs ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const failure = this.options.fail?.(action);
      if (failure !== undefined) throw failure;
      return this.options.outcome?.(action) ?? { result: 'configured' };
    } finally {
      this.running.set(host, (this.running.get(host) ?? 1) - 1);
      call.endedAt = performance.now();
    }
  }
}
