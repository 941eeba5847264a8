import type { LogLevel } from '../config/index.js';
import { redact } from './redact.js';

/** Fields of a log line besides time, level and msg; `revision` and `host` by convention. */
export type LogFields = Record<string, unknown>;

/** A JSON logger: one line per event. */
export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger adding `fields` to every line. */
  child(fields: LogFields): Logger;
}

/** Rank of each level; lines below the logger's level are dropped. */
const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys a caller cannot override. */
const RESERVED = new Set(['time', 'level', 'msg']);

/** Options of createLogger. */
export interface CreateLoggerArgs {
  /** Lowest level written (default info). */
  level?: LogLevel;
  /** Receives each line, newline included. */
  write: (line: string) => void;
  now?: () => Date;
  /** Fields on every line. */
  fields?: LogFields;
}

/**
 * A logger writing `{"time","level","msg",...fields}` lines; values under secret-looking keys and
 * credentials inside URLs are redacted; a failing writer never throws into the caller.
 */
export function createLogger(args: CreateLoggerArgs): Logger {
  const level = args.level ?? 'info';
  const now = args.now ?? (() => new Date());
  const base = args.fields ?? {};
  const emit = (at: LogLevel, msg: string, fields: LogFields | undefined): void => {
    if (RANK[at] < RANK[level]) return;
    const extra = redact({ ...base, ...fields }) as Record<string, unknown>;
    for (const key of RESERVED) delete extra[key];
    try {
      args.write(`${JSON.stringify({ time: now().toISOString(), level: at, msg: redact(msg), ...extra })}\n`);
    } catch {
      // logging must never break the controller
    }
  };
  return {
    level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger({ ...args, level, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => undefined });
