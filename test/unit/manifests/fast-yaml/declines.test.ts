import { describe, expect, it } from 'vitest';
import { scanTextShape } from '../../../../controller/manifests/depth-guard.js';
import { fastParse } from '../../../../controller/manifests/fast-yaml/index.js';
import { DEFAULT_PARSE_LIMITS, parseDocuments } from '../../../../controller/manifests/parse-documents.js';
import { parseWithYaml } from '../../../../controller/manifests/parse-with-yaml.js';
import { expectDiagnostic } from '../assert-diagnostics.js';

/** What a parse gives, without the lookup functions. */
function outcome(result: ReturnType<typeof parseDocuments>) {
  return { documents: result.documents.map((d) => ({ value: d.value, source: d.source })), diagnostics: result.diagnostics };
}

describe('the fast reader declines what it does not read exactly', () => {
  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n', 'a value starting with `&`'],
    ['an alias', 'a: 1\nb: *x\n', 'a value starting with `*`'],
    ['tags', 'a: !!str 1\n', 'a value starting with `!`'],
    ['a flow collection over several lines', 'a: [1,\n  2]\n', 'a flow collection over several lines'],
    ['a trailing comma in a flow collection', 'a: [1, 2,]\n', 'a trailing comma in a flow collection'],
    ['a flow mapping with `:` and no space', 'a: {"b":1}\n', 'a flow mapping entry without `: `'],
    ['a single-pair mapping inside a flow sequence', 'a: [b: 1]\n', 'a `:` inside a plain value of a flow collection'],
    ['a comment inside a flow collection', 'a: [b #c\n  ]\n', 'a comment inside a flow collection'],
    ['a directive', '%YAML 1.2\n---\na: 1\n', 'a directive'],
    ['a complex key', '? a\n: 1\n', 'a value on its own line'],
    ['a flow collection as a key', '[a]: 1\n', 'a value on its own line'],
    ['a tab in indentation', 'a:\n\tb: 1\n', 'a tab in indentation'],
    ['a tab after a key', 'a:\tb\n', 'an unusual character in a key'],
    ['a multi-line plain scalar', 'a: one\n  two\n', 'unexpected indentation'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n', 'a quoted scalar over several lines'],
    ['an escaped line break', 'a: "one\\\n  two"\n', 'an escaped line break in a quoted scalar'],
    ['an unknown escape', 'a: "\\q"\n', 'an invalid escape in a quoted scalar'],
    ['a code point beyond Unicode', 'a: "\\UFFFFFFFF"\n', 'an invalid escape in a quoted scalar'],
    ['a duplicate key', 'a: 1\na: 2\n', 'a duplicate key'],
    ['keys that become the same name', '1: a\n0x1: b\n', 'a duplicate key'],
    ['a merge key', 'b: 1\n<<: {c: 2}\n', 'a merge key'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n', 'unexpected indentation'],
    ['a byte order mark', '\uFEFFa: 1\n', 'a byte order mark'],
    ['an explicit indentation indicator', 'a: |2\n   x\n', 'a block scalar header with an indentation indicator'],
    ['an empty block scalar', 'a: |\nb: 1\n', 'an empty block scalar'],
    ['a more-indented leading blank line', 'a: |\n    \n  x\n', 'a blank line with more spaces than the block scalar'],
    ['a list document', '- a\n- b\n', 'a document that is not a mapping'],
    ['a scalar document', 'a: 1\n---\nhello\n', 'a value on its own line'],
    ['content on a document marker line', '--- a: 1\n', 'text on a document marker line'],
    ['a carriage return inside a line', 'a: 1\rb: 2\n', 'a carriage return inside a line'],
    ['a carriage return at the end', 'a b: 1.0\r', 'a carriage return inside a line'],
    ['a value on its own line', 'a:\n  value\n', 'a value on its own line'],
    ['a sequence inside a sequence entry', 'a:\n  - - b\n', 'a sequence inside a sequence entry'],
    ['a nested mapping on one line', 'a: b: c\n', 'a `: ` inside a plain value'],
    ['a comment glued to a quoted value', 'a: "x"#c\n', 'text after a value'],
    ['a very long key', `${'k'.repeat(1100)}: 1\n`, 'a very long key'],
    ['a control character', 'a: b\u0007\n', 'an unusual character in a plain value'],
    ['a line separator', 'a: "b\u2028"\n', 'an unusual character in a quoted scalar'],
    ['a reserved indicator', 'a: @b\n', 'a value starting with `@`'],
    ['a sequence indicator as a value', 'a: - b\n', 'a `-` indicator where a value was expected'],
    ['text after the document', 'a: 1\n b\n', 'unexpected indentation'],
  ])('%s', (_, text, reason) => {
    expect(fastParse({ text, maxDepth: 64 })).toMatchObject({ ok: false, reason });
    // The text takes the yaml package's path unchanged, with its diagnostics.
    const viaYaml = parseWithYaml({ file: 'f.yaml', text, limits: DEFAULT_PARSE_LIMITS, depthBound: scanTextShape(text).depthBound });
    expect(outcome(parseDocuments({ file: 'f.yaml', text }))).toEqual(outcome(viaYaml));
  });

  it('gives the yaml package\'s diagnostics for declined invalid YAML', () => {
    const { documents, diagnostics } = parseDocuments({ file: 'f.yaml', text: 'a: 1\na: 2\nb: [1,\n' });
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', severity: 'error' });
  });
});

describe('parse limits hold for plain manifests too', () => {
  const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';

  it('reports nesting deeper than the limit', () => {
    expect(fastParse({ text: nested(70), maxDepth: 200 }).ok).toBe(true);
    expectDiagnostic(parseDocuments({ file: 'f.yaml', text: nested(70) }).diagnostics, { code: 'too-deep' });
    expectDiagnostic(parseDocuments({ file: 'f.yaml', text: nested(5), limits: { maxDepth: 3 } }).diagnostics, { code: 'too-deep' });
    expect(parseDocuments({ file: 'f.yaml', text: nested(3), limits: { maxDepth: 3 } }).documents).toHaveLength(1);
  });

  it('declines nesting beyond its own depth limit', () => {
    expect(fastParse({ text: nested(10), maxDepth: 5 })).toMatchObject({ ok: false, reason: 'nesting deeper than the limit' });
    expect(fastParse({ text: 'a: [[[[[1]]]]]\n', maxDepth: 4 })).toMatchObject({ ok: false, reason: 'nesting deeper than the limit' });
  });

  it('reports more documents than the limit', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    expectDiagnostic(parseDocuments({ file: 'f.yaml', text, limits: { maxDocuments: 1 } }).diagnostics, { code: 'too-many-documents' });
    expect(parseDocuments({ file: 'f.yaml', text, limits: { maxDocuments: 2 } }).documents).toHaveLength(3);
  });
});
