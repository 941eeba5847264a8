import type { HostConnection } from '../transport/index.js';
import type { HealthProbe, HealthResult } from './health-result.js';
import { describeProbe, judgeProbe } from './judge-probe.js';
import { parseProbeOutput, PROBE_SCRIPT } from './probe-script.js';

/** Arguments of probeFromHost. */
export interface ProbeFromHostArgs {
  /** Connection to the member's host: the probe runs there, where guest networks are reachable. */
  connection: HostConnection;
  probe: HealthProbe;
  /** The member's IP address (or a host name the host resolves). */
  address: string;
  /** Seconds the probe may take, connect and answer together. */
  timeoutSeconds: number;
  signal?: AbortSignal;
}

/** Addresses a probe accepts: IPv4, IPv6 or a DNS name. */
const ADDRESS = /^(?:[0-9a-fA-F:.]+|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$/;

/** HTTP paths a probe accepts: absolute, printable, no spaces (they would break the request line). */
const PATH = /^\/[\x21-\x7e]*$/;

/** Extra time the transport gives the probe program beyond its own alarm. */
const EXEC_GRACE_MS = 5_000;

/**
 * Runs one health probe on the member's host (HTTP GET or TCP connect, by a Perl program from
 * perl-base) and judges the answer. Never throws: a probe that cannot run is `unknown`.
 */
export async function probeFromHost(args: ProbeFromHostArgs): Promise<HealthResult> {
  const { probe, address } = args;
  const seconds = Math.max(1, Math.ceil(args.timeoutSeconds));
  if (!ADDRESS.test(address)) return { status: 'unknown', reason: `cannot probe: ${JSON.stringify(address)} is not an address` };
  const path = probe.http?.path ?? '/';
  if (!PATH.test(path)) return { status: 'unknown', reason: `cannot probe: ${JSON.stringify(path)} is not an HTTP path` };
  const port = probe.http?.port ?? probe.tcp?.port ?? 0;
  const argv = ['perl', '-e', PROBE_SCRIPT, '--', probe.http === undefined ? 'tcp' : 'http', address, String(port), path, String(seconds)];
  try {
    const result = await args.connection.exec(argv, {
      timeoutMs: seconds * 1000 + EXEC_GRACE_MS,
      ...(args.signal === undefined ? {} : { signal: args.signal }),
    });
    return judgeProbe(probe, address, parseProbeOutput(result.stdout, result.stderr, result.code), seconds);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'unknown', reason: `cannot run ${describeProbe(probe, address)} on the host: ${message.split('\n')[0]}` };
  }
}
