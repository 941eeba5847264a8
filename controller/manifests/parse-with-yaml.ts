import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../types/diagnostic.js';
import type { ParsedDocument } from '../types/manifest.js';
import { composeDocuments } from './compose-documents.js';
import { createLocator } from './create-locator.js';
import { findKeyProblems } from './find-key-problems.js';
import { makeDiagnostic } from './make-diagnostic.js';
import type { ParseLimits } from './parse-limits.js';
import { plainValue } from './plain-value.js';

/**
 * Parses every YAML document of one file with the `yaml` package into plain JS mappings that
 * remember their positions, reporting its errors and warnings, duplicate and complex keys, too deep
 * nesting and alias expansion beyond the limits. The YAML node trees are dropped once converted; the
 * first position lookup in a file composes its text again (rare: lookups are for diagnostics), which
 * keeps memory small for large repositories. `depthBound` comes from `scanTextShape`.
 */
export function parseWithYaml(options: {
  file: string;
  text: string;
  limits: ParseLimits;
  depthBound: number;
}): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const { file, text, limits } = options;
  const compose = () => composeDocuments({ text, maxDepth: limits.maxDepth, depthBound: options.depthBound });
  const composed = compose();
  const { lineCounter } = composed;
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.min(offset, text.length));
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  if (!composed.ok) return { documents: [], diagnostics: [tooDeep(at(composed.offset), limits.maxDepth)] };
  const { docs } = composed;
  let again: Document.Parsed[] | undefined;
  const reparsed = (index: number): Document.Parsed | undefined => {
    if (again === undefined) {
      const result = compose();
      again = result.ok ? result.docs : [];
    }
    return again[index];
  };

  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  docs.forEach((doc, index) => {
    const problems = doc.errors.length + doc.warnings.length === 0
      ? []
      : [...doc.errors.map((e) => ({ e, severity: 'error' as const })), ...doc.warnings.map((e) => ({ e, severity: 'warning' as const }))];
    for (const { e, severity } of problems) {
      const duplicate = e.code === 'DUPLICATE_KEY';
      diagnostics.push(makeDiagnostic(at(e.pos[0]), {
        severity,
        code: duplicate ? 'duplicate-key' : 'yaml-syntax',
        message: `${severity === 'error' ? 'invalid YAML' : 'YAML warning'}: ${firstLine(e.message)}`,
        hint: severity === 'error'
          ? 'fix the YAML syntax at this position (check indentation, quotes and brackets)'
          : 'remove or quote the construct; manifests use plain YAML without custom tags',
      }));
    }
    const contents = (doc.contents as Node | null) ?? null;
    const start = contents?.range?.[0] ?? doc.range[0];
    if (doc.errors.length > 0) return;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    // The common case converts in one walk; anything unusual takes the library's path below.
    const plain = isMap(contents) ? plainValue(contents) : undefined;
    const keyProblems = plain === undefined ? findKeyProblems(contents) : [];
    for (const problem of keyProblems) {
      const first = at(problem.firstOffset);
      diagnostics.push(makeDiagnostic(at(problem.offset), problem.kind === 'duplicate'
        ? {
            severity: 'error',
            code: 'duplicate-key',
            path: problem.pointer,
            message: `duplicate key "${problem.key}" (first at ${file}:${first.line}:${first.column})`,
            hint: 'remove one of the two keys; YAML mappings may not repeat a key',
          }
        : {
            severity: 'error',
            code: 'yaml-syntax',
            path: problem.pointer,
            message: 'a mapping key is itself a mapping or list',
            hint: 'use plain text keys; check for a stray `?` or a misplaced `{`/`[`',
          }));
    }
    if (keyProblems.some((p) => p.kind === 'complex')) return;
    if (!isMap(contents)) {
      const shape = isSeq(contents) ? 'a list' : 'a scalar value';
      diagnostics.push(makeDiagnostic(at(start), {
        severity: 'error',
        code: 'not-a-mapping',
        message: `document ${index + 1} is ${shape}, not a mapping`,
        hint: 'each YAML document must be a mapping with apiVersion, kind, metadata and spec; separate documents with `---`',
      }));
      return;
    }
    let value = plain?.value;
    if (plain === undefined) try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (err) {
      if (err instanceof RangeError) {
        diagnostics.push(tooDeep(at(start), limits.maxDepth));
        return;
      }
      if (err instanceof ReferenceError && !/alias count/i.test(err.message)) {
        diagnostics.push(makeDiagnostic(at(start), {
          severity: 'error',
          code: 'yaml-syntax',
          message: `invalid YAML: ${firstLine(err.message)}`,
          hint: 'define the anchor (`&name`) before using the alias (`*name`)',
        }));
        return;
      }
      if (err instanceof ReferenceError) {
        diagnostics.push(makeDiagnostic(at(start), {
          severity: 'error',
          code: 'alias-limit',
          message: `document ${index + 1} expands YAML aliases more than ${limits.maxAliasCount} times`,
          hint: 'write the values out instead of repeating anchors (`*name`); excessive aliasing is refused as a resource-exhaustion attack',
        }));
        return;
      }
      throw err;
    }
    const locator = createLocator({ file, doc: () => reparsed(index), lineCounter, start });
    documents.push({
      value: value as Record<string, unknown>,
      source: { ...at(start), index },
      locate: locator.locate,
      locateKey: locator.locateKey,
    });
  });
  return { documents, diagnostics };
}

function tooDeep(at: { file: string; line: number; column: number }, maxDepth: number): Diagnostic {
  return makeDiagnostic(at, {
    severity: 'error',
    code: 'too-deep',
    message: `YAML nesting is deeper than ${maxDepth} levels`,
    hint: 'flatten the structure; manifests never need this much nesting',
  });
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
