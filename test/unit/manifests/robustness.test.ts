import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSources } from '../../../controller/manifests/index.js';
import { FIXTURES } from './assert-diagnostics.js';

/** Small deterministic PRNG so failures can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = ['[', ']', '{', '}', ':', ' ', '-', '?', '&a', '*a', '!', '|', '>', "'", '"', '#', '\n', '\t', 'a', '1', ',', '---\n', 'kind: Host\n', 'apiVersion: gitvirt.io/v1alpha1\n', '  '];

describe('robustness', () => {
  it('never throws on random YAML-like input', () => {
    const random = prng(42);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(random() * 200) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      const result = validateSources({ sources: [{ file: 'r.yaml', text }] });
      for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('never throws on mutated valid manifests', () => {
    const base = readFileSync(join(FIXTURES, 'valid/workloads/web.yaml'), 'utf8') + readFileSync(join(FIXTURES, 'semantic-base/base.yaml'), 'utf8');
    const random = prng(7);
    for (let i = 0; i < 200; i++) {
      let text = base;
      for (let k = 0; k < 3; k++) {
        const at = Math.floor(random() * text.length);
        const cut = Math.floor(random() * 8);
        const insert = ALPHABET[Math.floor(random() * ALPHABET.length)] as string;
        text = text.slice(0, at) + insert + text.slice(at + cut);
      }
      const result = validateSources({ sources: [{ file: 'm.yaml', text }] });
      for (const d of result.diagnostics) {
        expect(d.message).not.toBe('');
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
