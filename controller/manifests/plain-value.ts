import { YAMLMap, YAMLSeq, isScalar } from 'yaml';

/** Returned inside the walk when the tree needs the `yaml` package's own conversion. */
const UNPLAIN = Symbol('unplain');

/**
 * Converts a YAML node tree to plain JS in one walk, exactly as `Document#toJS()` would, when the
 * tree is plain: mappings and sequences of the base classes, scalar keys, no key twice, no alias,
 * no `<<`. Returns undefined for anything else (the caller then looks for key problems and uses
 * `toJS`), so unusual documents keep the library's behaviour and diagnostics.
 */
export function plainValue(root: unknown): { value: unknown } | undefined {
  try {
    const value = convert(root);
    return value === UNPLAIN ? undefined : { value };
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

function convert(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) return node.value;
  const proto = Object.getPrototypeOf(node) as unknown;
  if (proto === YAMLMap.prototype) {
    const out: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const key = keyOf(pair.key);
      if (key === undefined || Object.hasOwn(out, key)) return UNPLAIN;
      const value = convert(pair.value);
      if (value === UNPLAIN) return UNPLAIN;
      // Like the library: a key the object already has through its prototype becomes an own property.
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  if (proto === YAMLSeq.prototype) {
    const out: unknown[] = [];
    for (const item of (node as YAMLSeq<unknown>).items) {
      const value = convert(item);
      if (value === UNPLAIN) return UNPLAIN;
      out.push(value);
    }
    return out;
  }
  return UNPLAIN;
}

/** The JS property name of a plain scalar key (as `toJS` makes it), or undefined when the key is not plain. */
function keyOf(key: unknown): string | undefined {
  if (!isScalar(key) || 'addToJSMap' in key) return undefined;
  const value = key.value;
  if (value === null) return '';
  if (typeof value === 'object' || typeof value === 'symbol' || typeof value === 'function' || value === '<<') return undefined;
  return String(value);
}
