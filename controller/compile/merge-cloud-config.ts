/** A parsed YAML/JSON mapping. */
export type PlainMap = Record<string, unknown>;

/** True for a plain (non-array) object. */
export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `over` into `base`: mappings merge key by key, any other value from `over` replaces. */
export function mergeCloudConfig(base: PlainMap, over: PlainMap): PlainMap {
  const out: PlainMap = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainMap(current) && isPlainMap(value) ? mergeCloudConfig(current, value) : value;
  }
  return out;
}
