import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestRepoFiles } from '../../../../bench/lib/generate-manifest-repo.js';
import { compareWithYaml } from './compare-with-yaml.js';
import type { Comparison } from './compare-with-yaml.js';
import { EDGE_SCALARS, generateYaml } from './generate-yaml.js';

const ROOT = join(import.meta.dirname, '../../../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

/** Compares every text; returns the outcomes, failing with the first difference. */
function compareAll(texts: Iterable<[string, string]>): Map<string, Comparison> {
  const outcomes = new Map<string, Comparison>();
  for (const [name, text] of texts) {
    const outcome = compareWithYaml(text);
    expect(outcome.outcome === 'different' ? `${name}: ${outcome.what}\n${JSON.stringify(text)}` : 'ok').toBe('ok');
    outcomes.set(name, outcome);
  }
  return outcomes;
}

const count = (outcomes: Map<string, Comparison>, outcome: Comparison['outcome']) =>
  [...outcomes.values()].filter((o) => o.outcome === outcome).length;

describe('the fast reader agrees with the yaml package', () => {
  it('on every YAML file of the repository (examples and fixtures)', () => {
    const files = [...yamlFiles('examples-repo'), ...yamlFiles('test/fixtures')];
    expect(files.length).toBeGreaterThan(50);
    const outcomes = compareAll(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
    // The example repository is what manifests look like: all of it takes the fast path.
    for (const file of yamlFiles('examples-repo')) expect([file, outcomes.get(file)?.outcome]).toEqual([file, 'same']);
    expect(count(outcomes, 'same')).toBeGreaterThan(files.length / 2);
  });

  it('on the generated 2,000-manifest benchmark repository, all of it on the fast path', () => {
    const outcomes = compareAll(manifestRepoFiles());
    expect(count(outcomes, 'same')).toBe(outcomes.size);
  }, 60_000);

  it('on generated manifest-like texts, and reads most of the tame ones', () => {
    const tame = compareAll(Array.from({ length: 1500 }, (_, i) => [`tame ${i}`, generateYaml(i, false)]));
    expect(count(tame, 'same')).toBeGreaterThan(tame.size * 0.6);
  }, 120_000);

  it('on generated texts with odd scalars, tabs, escapes and random edits (mostly declined)', () => {
    const wild = compareAll(Array.from({ length: 1500 }, (_, i) => [`wild ${i}`, generateYaml(100_000 + i, true)]));
    expect(count(wild, 'same')).toBeGreaterThan(100);
  }, 120_000);

  it('on edge-case scalars as plain, single- and double-quoted values and keys', () => {
    const texts: [string, string][] = [];
    for (const text of EDGE_SCALARS) {
      texts.push([`plain ${text}`, `a: ${text}\n`], [`key ${text}`, `${text}: 1\n`], [`item ${text}`, `a:\n  - ${text}\n`]);
      texts.push([`single ${text}`, `a: '${text.replace(/'/g, "''")}'\n`], [`double ${text}`, `a: ${JSON.stringify(text)}\n`]);
      texts.push([`flow ${text}`, `a: [${text}]\nb: {k: ${text}}\n`]);
    }
    const outcomes = compareAll(texts);
    for (const text of ['0o17', '0x1F', '1e3', '.5', '+1', '-.inf', '~', 'Null', 'TRUE', 'yes', '12:30', '2024-01-01', 'a#b', 'key:value']) {
      expect([text, outcomes.get(`plain ${text}`)?.outcome]).toEqual([text, 'same']);
    }
    for (const text of ["it's", 'é', 'tab\there', 'key: value', '- x', '&a', '*a']) {
      expect([text, outcomes.get(`single ${text}`)?.outcome, outcomes.get(`double ${text}`)?.outcome]).toEqual([text, 'same', 'same']);
    }
  });

  it.each([
    ['escapes', 'a: "\\u00e9\\n\\t\\x41\\U0001F642\\e\\N\\_\\L\\P\\0\\/\\\\\\"\\ "\n'],
    ['a doubled single quote', "a: 'it''s'\n"],
    ['comments everywhere', '# head\na: value # comment\n  # indented\nb: a#b\nc: "x" # q\n# tail\n'],
    ['a key without space after the colon in the value', 'a: key:value\nb: http://x/y#z\n'],
    ['trailing spaces', 'a: value   \nb:   \nc: "q"  \n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n  - y: |\r\n      text\r\n\r\n      more\r\n---\r\nc: 2\r\n'],
    ['empty documents', '---\n---\na: 1\n---\n# only a comment\n...\n---\nb: 2\n...\n'],
    ['a file of only comments', '# one\n\n  # two\n'],
    ['an empty file', ''],
    ['an indented top-level mapping', '  a: 1\n  b:\n    - c\n'],
    ['a sequence at its key\'s indentation', 'a:\n- 1\n- b: 2\n  c:\n  - 3\nd: 4\n'],
    ['compact mappings in sequences', 'a:\n  -   b: 1\n      c: [x, "y"]\n  -\n    d: e\n  - - not compact\n'],
    ['flow collections', 'a: []\nb: {}\nc: [ 1, "2", \'3\', x y ]\nd: { a: 1, "b": [c, {d: e}] }\n'],
    ['literal block scalars', 'a: |\n  one\n    two\n\n  three\nb: |-\n  x\n\nc: |+\n  y\n\n\nd: x\n'],
    ['folded block scalars', 'a: >\n  one\n  two\n\n  three\n    indented\n  four\nb: >-\n  x\n  y\nc: >+\n  z\n\n'],
    ['block scalars in sequences', 'a:\n  - |\n    one\n  - b: >\n      two\n      three\n    c: 1\n'],
    ['a block scalar with leading blank lines', 'a: |\n\n  x\n'],
    ['a kept block scalar at the end of the file', 'a: |+\n  x\n\n'],
    ['a kept block scalar before a document marker', 'a: |+\n  x\n\n---\nb: 1\n'],
    ['special member names', '__proto__: 1\nconstructor: 2\ntoString: {a: 1}\n'],
    ['typed keys', '1: a\n0x1F: b\n1.5: c\nnull: d\ntrue: e\n.inf: f\n-0: g\n'],
  ])('on %s, and reads it', (_, text) => {
    expect(compareWithYaml(text)).toEqual(text.includes('- - ') ? { outcome: 'declined', reason: 'a sequence inside a sequence entry' } : { outcome: 'same' });
  });
});
