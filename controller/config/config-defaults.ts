/** Defaults of the controller configuration, as a table. */
import { DEFAULT_SAFETY_POLICY } from '../plan/index.js';
import type { ControllerConfig, ListenAddress } from './config-types.js';

/** Default metrics and health address: local only (put a proxy or the pod network in front to expose it). */
export const DEFAULT_LISTEN: ListenAddress = { host: '127.0.0.1', port: 9464 };

/** Every default of a configuration field that is not required. */
export const CONFIG_DEFAULTS = {
  intervalMs: 60_000,
  statusBranch: 'gitvirt/status',
  safety: DEFAULT_SAFETY_POLICY,
  concurrency: 4,
  listen: DEFAULT_LISTEN,
  log: { level: 'info' },
  stateDir: '/var/lib/gitvirt',
} as const satisfies Omit<ControllerConfig, 'source' | 'ssh' | 'webhook' | 'statusRepo'>;

/** Shortest interval accepted between cycles. */
export const MIN_INTERVAL_MS = 100;

/** Intervals shorter than this draw a warning: every cycle opens SSH sessions to every host. */
export const SHORT_INTERVAL_MS = 10_000;
