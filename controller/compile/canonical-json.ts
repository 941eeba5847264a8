/** Appends the canonical JSON of `value` to `out`. */
function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'null'));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function') out.push('null');
      else write(item, out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined || typeof item === 'function') continue;
    out.push(first ? JSON.stringify(key) : `,${JSON.stringify(key)}`, ':');
    first = false;
    write(item, out);
  }
  out.push('}');
}

/** Serialises a JSON value with object keys sorted, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
