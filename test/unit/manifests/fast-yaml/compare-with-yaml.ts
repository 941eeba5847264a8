import { isDeepStrictEqual } from 'node:util';
import { composeDocuments } from '../../../../controller/manifests/compose-documents.js';
import { joinPointer } from '../../../../controller/manifests/create-locator.js';
import { scanTextShape } from '../../../../controller/manifests/depth-guard.js';
import { fastParse } from '../../../../controller/manifests/fast-yaml/index.js';
import { parseDocuments } from '../../../../controller/manifests/parse-documents.js';
import { DEFAULT_PARSE_LIMITS } from '../../../../controller/manifests/parse-limits.js';
import { parseWithYaml } from '../../../../controller/manifests/parse-with-yaml.js';

/** What comparing one text on both paths found: the fast reader declined it, agreed, or differed (with what). */
export type Comparison = { outcome: 'declined'; reason: string } | { outcome: 'same' } | { outcome: 'different'; what: string };

/** Every JSON pointer inside a value, the document root first, plus a missing member under each container. */
function pointers(value: unknown, prefix = ''): string[] {
  const out = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pointers(item, prefix + joinPointer(i))));
    out.push(prefix + joinPointer(value.length));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) out.push(...pointers((value as Record<string, unknown>)[key], prefix + joinPointer(key)));
    out.push(prefix + joinPointer('missing~member'));
  }
  return out;
}

/** The member names of every object in a value, in order (deep equality ignores order). */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value).map((key) => [key, keyOrder((value as Record<string, unknown>)[key])]);
  }
  return null;
}

/**
 * Parses `text` with the fast reader and with the `yaml` package and compares what `parseDocuments`
 * gives on each path: values (strictly, with key order), document numbers and starts, diagnostics
 * (none), and the position of every pointer and key; plus the line starts against the composer's.
 */
export function compareWithYaml(text: string, file = 'f.yaml'): Comparison {
  const limits = DEFAULT_PARSE_LIMITS;
  const fast = fastParse({ text, maxDepth: limits.maxDepth });
  if (!fast.ok) return { outcome: 'declined', reason: fast.reason };
  const shape = scanTextShape(text);
  const viaYaml = parseWithYaml({ file, text, limits, depthBound: shape.depthBound });
  const viaFast = parseDocuments({ file, text });
  if (viaYaml.diagnostics.length > 0) return { outcome: 'different', what: `yaml reports ${viaYaml.diagnostics.map((d) => d.message).join('; ')}` };
  if (viaFast.diagnostics.length > 0) return { outcome: 'different', what: 'the fast path reports diagnostics' };
  const composed = composeDocuments({ text, maxDepth: limits.maxDepth, depthBound: shape.depthBound });
  if (!isDeepStrictEqual(fast.lineStarts, composed.lineCounter.lineStarts)) return { outcome: 'different', what: 'line starts' };
  if (viaFast.documents.length !== viaYaml.documents.length) {
    return { outcome: 'different', what: `${viaFast.documents.length} documents, yaml has ${viaYaml.documents.length}` };
  }
  for (const [i, y] of viaYaml.documents.entries()) {
    const f = viaFast.documents[i];
    if (f === undefined) return { outcome: 'different', what: `document ${i} missing` };
    if (!isDeepStrictEqual(f.value, y.value) || !isDeepStrictEqual(keyOrder(f.value), keyOrder(y.value))) {
      return { outcome: 'different', what: `document ${i}: ${JSON.stringify(f.value)} but yaml has ${JSON.stringify(y.value)}` };
    }
    if (!isDeepStrictEqual(f.source, y.source)) return { outcome: 'different', what: `document ${i} source ${JSON.stringify(f.source)} vs ${JSON.stringify(y.source)}` };
    for (const pointer of pointers(y.value)) {
      for (const lookup of ['locate', 'locateKey'] as const) {
        const a = f[lookup](pointer);
        const b = y[lookup](pointer);
        if (!isDeepStrictEqual(a, b)) return { outcome: 'different', what: `${lookup}(${pointer}): ${JSON.stringify(a)} vs ${JSON.stringify(b)}` };
      }
    }
  }
  return { outcome: 'same' };
}
