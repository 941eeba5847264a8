/** Liveness and readiness of the controller, from when cycles started and ended (pure). */

/** What health is judged from; times in milliseconds since the epoch. */
export interface HealthState {
  startedAtMs: number;
  intervalMs: number;
  lastCycleStartMs: number | null;
  lastCycleEndMs: number | null;
  running: boolean;
  cyclesCompleted: number;
}

/** Limits of a healthy loop. */
export interface HealthLimits {
  /** Idle time allowed beyond the interval before the loop counts as wedged, in intervals (default 2). */
  idleIntervals: number;
  /** Longest a single cycle may run before the loop counts as wedged (default: 10 intervals, at least 30 minutes). */
  maxCycleMs?: number;
}

/** A health answer: ok, and one line saying why. */
export interface HealthCheck {
  ok: boolean;
  message: string;
}

/** Default limits. */
export const DEFAULT_HEALTH_LIMITS: HealthLimits = { idleIntervals: 2 };

/** Slack added to every limit, for a slow event loop or a slow status push. */
const SLACK_MS = 30_000;

/**
 * Alive unless the loop is wedged: a cycle running for longer than `maxCycleMs`, or no cycle
 * started within the interval plus `idleIntervals` intervals after the last one ended (or after start).
 */
export function liveness(state: HealthState, nowMs: number, limits: HealthLimits = DEFAULT_HEALTH_LIMITS): HealthCheck {
  const seconds = (ms: number) => `${Math.round(ms / 1000)}s`;
  if (state.running && state.lastCycleStartMs !== null) {
    const maxCycleMs = limits.maxCycleMs ?? Math.max(10 * state.intervalMs, 30 * 60_000);
    const running = nowMs - state.lastCycleStartMs;
    return running <= maxCycleMs + SLACK_MS
      ? { ok: true, message: `cycle running for ${seconds(running)}` }
      : { ok: false, message: `cycle running for ${seconds(running)}, longer than ${seconds(maxCycleMs)}: the loop looks wedged` };
  }
  const since = state.lastCycleEndMs ?? state.startedAtMs;
  const idle = nowMs - since;
  const allowed = (1 + limits.idleIntervals) * state.intervalMs + SLACK_MS;
  return idle <= allowed
    ? { ok: true, message: `idle for ${seconds(idle)}` }
    : { ok: false, message: `no cycle started for ${seconds(idle)} (interval ${seconds(state.intervalMs)}): the loop looks wedged` };
}

/** Ready once a cycle has completed. */
export function readiness(state: HealthState): HealthCheck {
  return state.cyclesCompleted > 0
    ? { ok: true, message: `${state.cyclesCompleted} cycle${state.cyclesCompleted === 1 ? '' : 's'} completed` }
    : { ok: false, message: 'no cycle completed yet' };
}
