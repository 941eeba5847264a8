/** Field names whose values are never written: passwords, tokens, secrets, keys, credentials. */
export const SECRET_KEY = /pass(word|wd|phrase)?$|token|secret|key$|keys$|authori[sz]ation|cookie|credential|private/i;

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** Deepest nesting copied; deeper values are replaced. */
const MAX_DEPTH = 6;

/** `scheme://user:password@host` → `scheme://[redacted]@host`, in any string. */
function scrubUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(:[^\s/@]*)?@/gi, `$1${REDACTED}@`);
}

/**
 * A copy of `value` that is safe to log: values under secret-looking keys are replaced, credentials
 * in URLs are removed, errors become `{ name, code, message }`, and cycles and depth are bounded.
 */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubUrlCredentials(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      return { name: value.name, ...(typeof code === 'string' ? { code } : {}), message: scrubUrlCredentials(value.message) };
    }
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && inner !== undefined && inner !== null ? REDACTED : redact(inner, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
