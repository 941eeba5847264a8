/** Turns the controller's JSON log lines into short lines for a terminal (pure). */

/** A parsed log line: time, level, msg and the rest of its fields. */
export type LogRecord = Record<string, unknown> & { time?: string; level?: string; msg?: string };

/** Fields every line has, or that the specific formats below already show. */
const SHOWN = new Set(['time', 'level', 'msg']);

/** Longest value shown for one field of a generic line. */
const MAX_VALUE = 160;

function text(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

function seconds(ms: unknown): string {
  return typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '?';
}

function shortRevision(value: unknown): string {
  return typeof value === 'string' && /^[0-9a-f]{40}$/.test(value) ? value.slice(0, 12) : text(value);
}

/** Lines with a format of their own, by `msg`. */
const FORMATS: Readonly<Record<string, (r: LogRecord) => string>> = {
  'cycle finished': (r) => `cycle ${text(r['cycle'])} ${text(r['outcome'])} in ${seconds(r['durationMs'])}: ${text(r['message'])}`,
  'action applied': (r) => `${text(r['host'])}  ${text(r['action'])} ${text(r['target'])}: ${text(r['result'])} (${seconds(r['durationMs'])})`,
  'drift corrected': (r) => `${text(r['host'])}  drift corrected: ${text(r['action'])} ${text(r['target'])}: ${text(r['result'])}`,
  'action failed': (r) => `${text(r['host'])}  ${text(r['action'])} ${text(r['target'])} FAILED: ${text((r['error'] as { message?: unknown } | undefined)?.message ?? r['error'])}`,
  'status written': (r) => `status committed ${shortRevision(r['commit'])} (${text(r['condition'])}, ${text(r['reason'])})`,
  'serving metrics and health': (r) => `serving ${text(r['url'])}/metrics`,
};

/** Info lines not worth a terminal line (they are in the log file). */
const QUIET: ReadonlyArray<(r: LogRecord) => boolean> = [
  (r) => r.msg === 'action skipped',
  (r) => r.msg === 'status written' && r['commit'] === null,
];

/** Parses one log line; null when it is not a JSON object. */
export function parseLogLine(line: string): LogRecord | null {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LogRecord) : null;
  } catch {
    return null;
  }
}

/**
 * One terminal line for a controller log line: `HH:MM:SS level message`, with a format of its own
 * for cycles, actions and status commits, else the message and its fields. Non-JSON lines come back
 * as they are; null for lines not worth showing.
 */
export function formatLogLine(line: string): string | null {
  const record = parseLogLine(line);
  if (record === null) return line.trim() === '' ? null : line;
  const msg = typeof record.msg === 'string' ? record.msg : '';
  const level = typeof record.level === 'string' ? record.level : 'info';
  if (level === 'info' && QUIET.some((quiet) => quiet(record))) return null;
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '--:--:--';
  const format = FORMATS[msg];
  const body = format !== undefined
    ? format(record)
    : [msg, ...Object.entries(record).filter(([key]) => !SHOWN.has(key)).map(([key, value]) => `${key}=${text(value)}`)].join(' ');
  return `${time} ${level.padEnd(5)} ${body}`;
}
