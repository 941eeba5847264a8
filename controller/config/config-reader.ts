/** Small typed readers over an untyped YAML value that collect `path: message` errors instead of throwing. */
import { isAbsolute, resolve } from 'node:path';
import { didYouMean } from '../manifests/suggest.js';
import { parseDuration } from './duration.js';

/** A plain mapping from YAML. */
export type Mapping = Record<string, unknown>;

/** Key names that hold a secret when written inline; the value names the field to use instead. */
const INLINE_SECRET = /(password|passwd|token|secret|passphrase|privatekey|private_key|apikey|api_key|credentials?)$/i;

/** What the reader knows about where the configuration lives. */
export interface ReaderContext {
  /** Directory relative paths are resolved against (the configuration file's directory). */
  baseDir?: string;
}

/** Collects errors and reads typed fields; every method returns undefined when the field is absent or wrong. */
export class ConfigReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly context: ReaderContext = {}) {}

  /** Records an error at `path`. */
  error(path: string, message: string): void {
    this.errors.push(`${path === '' ? '(root)' : path}: ${message}`);
  }

  /** Records a warning at `path`. */
  warn(path: string, message: string): void {
    this.warnings.push(`${path}: ${message}`);
  }

  /**
   * A mapping whose keys must be among `keys`; unknown keys are errors (with a suggestion), and
   * keys that look like an inline secret are refused, naming the `*File` field to use instead.
   */
  mapping(path: string, value: unknown, keys: readonly string[]): Mapping | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, `must be a mapping, got ${describe(value)}`);
      return undefined;
    }
    const map = value as Mapping;
    for (const key of Object.keys(map)) {
      if (keys.includes(key)) continue;
      const at = join(path, key);
      if (INLINE_SECRET.test(key)) {
        const instead = keys.find((k) => k.toLowerCase().startsWith(key.toLowerCase()) && k.endsWith('File'))
          ?? (/key$/i.test(key) ? keys.find((k) => k === 'identityFile') : undefined);
        this.error(at, `secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt${instead === undefined ? '' : ` and set ${join(path, instead)}`} (or use the environment variable documented for it)`);
      } else {
        const hint = didYouMean(key, keys);
        this.error(at, `unknown field${hint === '' ? '' : ` (${hint})`}; allowed: ${keys.join(', ')}`);
      }
    }
    return map;
  }

  /** A non-empty string, optionally matching `pattern` (described by `expected`). */
  string(path: string, value: unknown, pattern?: { test: RegExp; expected: string }): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.error(path, `must be a non-empty string, got ${describe(value)}`);
      return undefined;
    }
    if (pattern !== undefined && !pattern.test.test(value)) {
      this.error(path, `must be ${pattern.expected}, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  /** A file or directory path, made absolute against the configuration file's directory. */
  path(path: string, value: unknown): string | undefined {
    const text = this.string(path, value);
    if (text === undefined) return undefined;
    if (/[\x00-\x1f]/.test(text)) {
      this.error(path, 'must not contain control characters');
      return undefined;
    }
    if (isAbsolute(text)) return resolve(text);
    if (this.context.baseDir === undefined) {
      this.error(path, `must be an absolute path, got ${JSON.stringify(text)}`);
      return undefined;
    }
    return resolve(this.context.baseDir, text);
  }

  /** A whole number in [min, max]. */
  integer(path: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.error(path, `must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** A number in [min, max]. */
  number(path: string, value: unknown, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.error(path, `must be a number from ${min} to ${max}, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** true or false. */
  boolean(path: string, value: unknown): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.error(path, `must be true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** A duration like `60s`, `5m`, `1m30s`, `500ms`, in milliseconds, at least `minMs`. */
  duration(path: string, value: unknown, minMs: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    const ms = typeof value === 'string' ? parseDuration(value.trim()) : null;
    if (ms === null) {
      this.error(path, `must be a duration such as "60s", "5m" or "1m30s", got ${describe(value)}`);
      return undefined;
    }
    if (ms < minMs) {
      this.error(path, `must be at least ${minMs} ms, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return ms;
  }

  /** One of `choices`. */
  choice<T extends string>(path: string, value: unknown, choices: readonly T[]): T | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.error(path, `must be one of ${choices.join(', ')}, got ${describe(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** A list of non-empty strings (at least one). */
  strings(path: string, value: unknown): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.length === 0) {
      this.error(path, `must be a non-empty list of strings, got ${describe(value)}`);
      return undefined;
    }
    const out = value.map((item, i) => this.string(`${path}[${i}]`, item));
    return out.every((item): item is string => item !== undefined) ? out : undefined;
  }
}

/** `a.b` path of a field. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A short description of a value's type for messages (never the value of a string, which may be a secret). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}
