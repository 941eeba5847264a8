import { LineCounter } from 'yaml';
import type { Diagnostic } from '../types/diagnostic.js';
import type { ParsedDocument } from '../types/manifest.js';
import { composeDocuments } from './compose-documents.js';
import { createLocator } from './create-locator.js';
import { scanTextShape } from './depth-guard.js';
import { fastParse } from './fast-yaml/index.js';
import type { FastDocument } from './fast-yaml/index.js';
import { makeDiagnostic } from './make-diagnostic.js';
import { DEFAULT_PARSE_LIMITS } from './parse-limits.js';
import type { ParseLimits } from './parse-limits.js';
import { parseWithYaml } from './parse-with-yaml.js';

export { DEFAULT_PARSE_LIMITS } from './parse-limits.js';
export type { ParseLimits } from './parse-limits.js';

/**
 * Parses every YAML document of one file into plain JS mappings that remember their positions.
 * Plain manifests take the fast reader; a file it declines (anything unusual, invalid or hostile)
 * takes the `yaml` package and gets its diagnostics. Either way the node trees are not kept: the
 * first position lookup in a file composes its text again (rare: lookups are for diagnostics).
 */
export function parseDocuments(options: {
  file: string;
  text: string;
  limits?: Partial<ParseLimits>;
}): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const { file, text } = options;
  const limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const shape = scanTextShape(text);
  if (shape.markers > limits.maxDocuments) {
    return {
      documents: [],
      diagnostics: [makeDiagnostic({ file, line: 1, column: 1 }, {
        severity: 'error',
        code: 'too-many-documents',
        message: `file has ${shape.markers} document markers, more than the limit of ${limits.maxDocuments}`,
        hint: 'split the documents over several files',
      })],
    };
  }
  // Nesting that might exceed the limit is left to the guarded parser, which reports it.
  if (shape.depthBound <= limits.maxDepth) {
    const fast = fastParse({ text, maxDepth: limits.maxDepth });
    if (fast.ok) return { documents: locatable({ file, text, limits, depthBound: shape.depthBound, ...fast }), diagnostics: [] };
  }
  return parseWithYaml({ file, text, limits, depthBound: shape.depthBound });
}

/** Parsed documents from the fast reader, with lookups that compose the text on first use (as `parseWithYaml` does). */
function locatable(options: {
  file: string;
  text: string;
  limits: ParseLimits;
  depthBound: number;
  documents: readonly FastDocument[];
  lineStarts: number[];
}): ParsedDocument[] {
  const { file, text, limits, depthBound } = options;
  const lineCounter = new LineCounter();
  lineCounter.lineStarts = options.lineStarts;
  let again: ReturnType<typeof composeDocuments> | undefined;
  const reparsed = (index: number) => {
    again ??= composeDocuments({ text, maxDepth: limits.maxDepth, depthBound });
    return again.ok ? again.docs[index] : undefined;
  };
  return options.documents.map(({ index, value, offset, line, column }) => {
    const locator = createLocator({ file, doc: () => reparsed(index), lineCounter, start: offset });
    return { value, source: { file, line, column, index }, locate: locator.locate, locateKey: locator.locateKey };
  });
}
