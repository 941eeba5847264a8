import { randomBytes } from 'node:crypto';

/**
 * A command line prefix that makes the remote login shell report its pid on stderr, as a line only this
 * run can produce. sshd starts that shell as a session leader, so its pid is also the process group of the
 * command: killing the group kills the command and everything it started. (sshd refuses SSH signal
 * requests for root sessions, so this is how a timeout reaches the remote process.)
 */
export interface PidMarker { token: string; prefix: string }

/** A fresh marker for one run. */
export function createPidMarker(): PidMarker {
  const token = `gitvirt-pid-${randomBytes(8).toString('hex')}`;
  return { token, prefix: `printf '%s:%s\\n' ${token} "$$" >&2; ` };
}

/** Scans at most this much of stderr for the marker line. */
const SCAN_LIMIT = 64 * 1024;

/** The pid reported in `stderr`, once the marker line is complete. */
export function findMarkedPid(stderr: Buffer, token: string): number | undefined {
  const window = stderr.subarray(0, SCAN_LIMIT).toString('latin1');
  const match = new RegExp(`(?:^|\\n)${token}:(\\d+)\\n`).exec(window);
  return match ? Number(match[1]) : undefined;
}

/** `stderr` without the marker line. */
export function stripPidMarker(stderr: Buffer, token: string): Buffer {
  const window = stderr.subarray(0, SCAN_LIMIT).toString('latin1');
  const match = new RegExp(`(?:^|\\n)(${token}:\\d+\\n)`).exec(window);
  if (!match || match[1] === undefined) return stderr;
  const start = match.index + match[0].length - match[1].length;
  return Buffer.concat([stderr.subarray(0, start), stderr.subarray(start + match[1].length)]);
}
