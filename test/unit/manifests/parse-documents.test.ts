import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../controller/manifests/index.js';
import { expectDiagnostic } from './assert-diagnostics.js';

const parse = (text: string) => parseDocuments({ file: 'f.yaml', text });

describe('parseDocuments', () => {
  it('parses every document of a stream and skips empty ones', () => {
    const { documents, diagnostics } = parse('a: 1\n---\n# only a comment\n---\n---\nb: 2\n');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(documents.map((d) => [d.source.line, d.source.index])).toEqual([[1, 0], [6, 3]]);
  });

  it('maps JSON pointers to the exact node, and missing ones to the nearest ancestor', () => {
    const text = 'spec:\n  disks:\n    - name: root\n      sizeGiB: 10\n  "a/b": { c~d: x }\n';
    const [doc] = parse(text).documents;
    expect(doc?.locate('/spec/disks/0/sizeGiB')).toEqual({ file: 'f.yaml', line: 4, column: 16 });
    expect(doc?.locateKey('/spec/disks/0/sizeGiB')).toEqual({ file: 'f.yaml', line: 4, column: 7 });
    expect(doc?.locate('/spec/a~1b/c~0d')).toEqual({ file: 'f.yaml', line: 5, column: 17 });
    expect(doc?.locate('/spec/disks/7/name')).toEqual({ file: 'f.yaml', line: 3, column: 5 });
    expect(doc?.locate('/spec/missing')).toEqual({ file: 'f.yaml', line: 2, column: 3 });
    expect(doc?.locate('')).toEqual({ file: 'f.yaml', line: 1, column: 1 });
  });

  it('reports YAML syntax errors with the line yaml reports', () => {
    const { documents, diagnostics } = parse('a: 1\nb: "open\n');
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', severity: 'error', file: 'f.yaml', line: 3 });
  });

  it('reports a duplicate key at the second occurrence, naming the first', () => {
    const { diagnostics } = parse('x: 0\nspec:\n  a: 1\n  b: 2\n  a: 3\n');
    const d = expectDiagnostic(diagnostics, { code: 'duplicate-key', line: 5, column: 3, path: '/spec/a' });
    expect(d.message).toContain('f.yaml:3:3');
  });

  it('refuses keys that are mappings or lists', () => {
    const { documents, diagnostics } = parse('spec:\n  ? { a: 1 }\n  : value\n');
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', line: 2, path: '/spec', message: /key is itself a mapping/ });
  });

  it('refuses lists and scalars as documents', () => {
    const list = parse('- a\n- b\n');
    expectDiagnostic(list.diagnostics, { code: 'not-a-mapping', line: 1, message: /a list/ });
    const scalar = parse('a: 1\n---\nhello\n');
    expectDiagnostic(scalar.diagnostics, { code: 'not-a-mapping', line: 3, message: /scalar/ });
    expect(scalar.documents).toHaveLength(1);
  });

  it('stops alias bombs', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const { documents, diagnostics } = parse(levels.join('\n'));
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'alias-limit', line: 1 });
  });

  it('reports an alias to a missing anchor', () => {
    expectDiagnostic(parse('a: *nowhere\n').diagnostics, { code: 'yaml-syntax', message: /nowhere|alias/i });
  });

  it.each([
    ['flow sequences', '['.repeat(100_000)],
    ['flow mappings', '{a: '.repeat(100_000)],
    ['compact block sequences', `${'- '.repeat(100_000)}x`],
    ['indented mappings', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('refuses deeply nested %s without overflowing or hanging', (_, text) => {
    const { documents, diagnostics } = parse(text);
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'too-deep', file: 'f.yaml' });
  });

  it('accepts ordinary nesting and many keys', () => {
    const wide = Array.from({ length: 100 }, (_, i) => `k${i}: { a: [1, {b: 2}] }`).join('\n');
    const nested = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf';
    expect(parse(wide).diagnostics).toEqual([]);
    const { documents, diagnostics } = parse(nested);
    expect(diagnostics).toEqual([]);
    expect(JSON.stringify(documents[0]?.value)).toContain('leaf');
  });

  it('does not count indentation inside block scalars or quoted strings as nesting', () => {
    const keys = Array.from({ length: 80 }, (_, i) => `k${i}: [${i}]`).join('\n');
    const script = Array.from({ length: 100 }, (_, i) => `  ${' '.repeat(i)}line ${i} [ {`).join('\n');
    const text = `${keys}\nscript: |\n${script}\nquoted: "a [ { [ {\n  b"\nafter: 1\n`;
    const { documents, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(documents[0]?.value.after).toBe(1);
  });

  it('refuses a file with too many documents before parsing it', () => {
    const { documents, diagnostics } = parse('---\n'.repeat(200_000));
    expect(documents).toEqual([]);
    expectDiagnostic(diagnostics, { code: 'too-many-documents', line: 1 });
  });

  it('keeps the depth limit configurable', () => {
    expectDiagnostic(parseDocuments({ file: 'f.yaml', text: 'a: { b: { c: 1 } }', limits: { maxDepth: 2 } }).diagnostics, { code: 'too-deep' });
  });

  it('turns yaml warnings into warning diagnostics', () => {
    const { documents, diagnostics } = parse('a: !custom 1\n');
    expect(documents).toHaveLength(1);
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', severity: 'warning', line: 1 });
  });

  it('does not let __proto__ keys reach the prototype', () => {
    const [doc] = parse('__proto__: { polluted: true }\n').documents;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc?.value)).toBe(Object.prototype);
  });
});
