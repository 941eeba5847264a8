import type { DesiredVm } from '../types/desired.js';

/** Outcome of a health probe: the member answered as expected, answered wrongly (or not at all), or could not be probed. */
export type HealthStatus = 'unhealthy' | 'unknown' | 'healthy';

/** Health outcomes, worst first. */
export const HEALTH_ORDER: readonly HealthStatus[] = ['unhealthy', 'unknown', 'healthy'];

/** What one probe found, with a one-line reason (`http GET http://10.0.0.5:80/health answered 200`). */
export interface HealthResult {
  status: HealthStatus;
  reason: string;
}

/** A member's health check: an HTTP GET or a TCP connect, and the seconds one probe may take. */
export type HealthCheck = NonNullable<DesiredVm['health']>;

/** The probe part of a health check: exactly one of `http` or `tcp`. */
export type HealthProbe =
  | { http: { port: number; path: string; expectStatus: number }; tcp?: undefined }
  | { tcp: { port: number }; http?: undefined };

/** The probe of a health check, or undefined when it names neither kind. */
export function probeOf(check: HealthCheck): HealthProbe | undefined {
  if (check.http !== undefined) return { http: check.http };
  if (check.tcp !== undefined) return { tcp: check.tcp };
  return undefined;
}
