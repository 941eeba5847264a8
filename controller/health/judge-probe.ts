import type { HealthProbe, HealthResult } from './health-result.js';
import type { ProbeOutcome } from './probe-script.js';

/** A probe as a short phrase: `http GET http://10.0.0.5:80/health` or `tcp connect 10.0.0.5:22`. */
export function describeProbe(probe: HealthProbe, address: string): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return probe.http !== undefined ? `http GET http://${host}:${probe.http.port}${probe.http.path}` : `tcp connect ${host}:${probe.tcp.port}`;
}

/** Turns what the probe program reported into a health result with a one-line reason. Pure. */
export function judgeProbe(probe: HealthProbe, address: string, outcome: ProbeOutcome, timeoutSeconds: number): HealthResult {
  const what = describeProbe(probe, address);
  switch (outcome.kind) {
    case 'connected':
      return { status: 'healthy', reason: `${what} succeeded` };
    case 'status': {
      const expected = probe.http?.expectStatus;
      if (expected === undefined || outcome.code === expected) return { status: 'healthy', reason: `${what} answered ${outcome.code}` };
      return { status: 'unhealthy', reason: `${what} answered ${outcome.code}, expected ${expected}` };
    }
    case 'connect-failed':
      return { status: 'unhealthy', reason: `${what} failed: ${outcome.error.toLowerCase()}` };
    case 'timeout':
      return { status: 'unhealthy', reason: `${what} timed out after ${timeoutSeconds} s` };
    case 'no-response':
      return { status: 'unhealthy', reason: `${what} got no response` };
    case 'bad-response':
      return { status: 'unhealthy', reason: `${what} got a response that is not HTTP: ${outcome.line}` };
    case 'no-perl':
      return { status: 'unknown', reason: `cannot probe from the host: perl is not installed there` };
    case 'failed':
      return { status: 'unknown', reason: `cannot probe from the host: ${outcome.error}` };
  }
}
