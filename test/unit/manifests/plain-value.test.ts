import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainValue } from '../../../controller/manifests/plain-value.js';
import { FIXTURES } from './assert-diagnostics.js';
import { generateRepo } from './generate-repo.js';

/** Small deterministic PRNG so failures can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

/** Every document of `text` converted both ways; the one-walk value must equal the library's whenever it is given. */
function compare(text: string): { plain: number; other: number } {
  let plain = 0;
  let other = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' })) {
    if (doc.errors.length > 0) continue;
    const fast = plainValue(doc.contents);
    let slow: unknown;
    try {
      slow = doc.toJS({ maxAliasCount: 100 });
    } catch {
      expect(fast, text).toBeUndefined();
      continue;
    }
    if (fast === undefined) {
      other++;
      continue;
    }
    plain++;
    expect(fast.value, text).toStrictEqual(slow);
    expect(JSON.stringify(fast.value), text).toBe(JSON.stringify(slow));
  }
  return { plain, other };
}

const ALPHABET = ['[', ']', '{', '}', ':', ' ', '-', '?', '&a', '*a', '!', '!!set', '|', '>', "'", '"', '#', '\n', '\t', 'a', '1', ',', '~', '<<', 'null', '__proto__', '---\n', '%YAML 1.1\n---\n', '  '];

describe('plainValue', () => {
  it('converts ordinary manifests in one walk, equal to toJS', () => {
    const texts = [...yamlFiles(join(FIXTURES, 'valid')), ...yamlFiles(join(FIXTURES, 'semantic-base')), ...generateRepo(200).map((s) => s.text)];
    const counts = texts.map(compare).reduce((a, b) => ({ plain: a.plain + b.plain, other: a.other + b.other }));
    expect(counts.other).toBe(0);
    expect(counts.plain).toBeGreaterThan(200);
  });

  it.each([
    ['prototype keys', '__proto__: {polluted: true}\nconstructor: 1\ntoString: x\nhasOwnProperty: [1]\n', 1],
    ['scalar keys of every type', '1: a\n1.5: b\ntrue: c\nnull: d\n.inf: e\n0x1F: f\n"quoted": g\n', 1],
    ['empty values and items', 'a:\nb: ~\nc: []\ne: {}\nd:\n  -\n  - \n', 1],
    ['flow collections and block scalars', 'a: {b: [1, {c: d}], e: "x\\ty"}\nf: |\n  line\n  more\ng: >-\n  folded\n  text\n', 1],
    ['tags that resolve in the core schema', 'a: !!str 12\nb: !!int "7"\nc: !custom {d: 1}\n', 1],
    ['YAML 1.1 scalars', '%YAML 1.1\n---\na: yes\nb: 2001-12-14\nc: !!binary aGVsbG8=\n', 1],
    ['YAML 1.1 collections', '%YAML 1.1\n---\nd: !!set {x, y}\ne: !!omap [a: 1]\n', 0],
  ])('matches toJS, or steps aside: %s', (_name, text, converted) => {
    expect(compare(text).plain).toBe(converted);
  });

  it.each([
    ['an alias', 'a: &x {b: 1}\nc: *x\n'],
    ['a merge key', '%YAML 1.1\n---\na: &x {b: 1}\nc:\n  <<: *x\n'],
    ['a plain << key', 'a: 1\n<<: 2\n'],
    ['a repeated key', 'a: 1\nb: 2\na: 3\n'],
    ['keys that become the same property', '"": 1\n~: 2\n'],
    ['a mapping as a key', '? {a: 1}\n: b\n'],
    ['a list as a key', '[a, b]: c\n'],
    ['a YAML 1.1 set', '%YAML 1.1\n---\n!!set {a, b}\n'],
  ])('leaves documents with %s to the library', (_name, text) => {
    const [doc] = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' });
    expect(plainValue(doc?.contents)).toBeUndefined();
  });

  it('matches toJS on random and mutated YAML whenever it converts', () => {
    const random = prng(11);
    const base = yamlFiles(join(FIXTURES, 'valid')).join('---\n');
    for (let i = 0; i < 400; i++) {
      const text = i % 2 === 0
        ? Array.from({ length: Math.floor(random() * 120) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('')
        : Array.from({ length: 3 }).reduce<string>((t) => {
            const at = Math.floor(random() * t.length);
            return t.slice(0, at) + (ALPHABET[Math.floor(random() * ALPHABET.length)] as string) + t.slice(at + Math.floor(random() * 8));
          }, base);
      compare(text);
    }
  });
});
