import { decline } from './decline.js';
import { keyName, resolvePlain } from './resolve-plain.js';
import { checkPlainStart, doubleQuoted, flowPlainEnd, singleQuoted } from './scalars.js';
import type { Scanned } from './scalars.js';
import { setMember } from './set-member.js';

/**
 * Reads a flow sequence or mapping (`[a, "b"]`, `{ a: 1, b: [x] }`) that starts at offset `from`
 * (the bracket) and closes on the same line. Keys and values are scalars or nested flow collections;
 * empty entries, trailing commas, single-pair mappings inside sequences and comments are declined.
 */
export function flowCollection(text: string, from: number, end: number, line: number, depth: number, maxDepth: number): Scanned {
  if (depth > maxDepth) decline('nesting deeper than the limit', line);
  const map = text.charCodeAt(from) === 0x7b;
  const close = map ? 0x7d : 0x5d;
  const out: Record<string, unknown> | unknown[] = map ? {} : [];
  let i = skipSpaces(text, from + 1, end);
  if (i < end && text.charCodeAt(i) === close) return { value: out, next: i + 1 };
  for (;;) {
    if (map) {
      const key = flowNode(text, i, end, line, depth, maxDepth, true);
      if (typeof key.value === 'object' && key.value !== null) decline('a collection as a key', line);
      i = skipSpaces(text, key.next, end);
      if (i + 1 >= end || text.charCodeAt(i) !== 0x3a || text.charCodeAt(i + 1) !== 0x20) decline('a flow mapping entry without `: `', line);
      const value = flowNode(text, skipSpaces(text, i + 1, end), end, line, depth, maxDepth, false);
      setMember(out as Record<string, unknown>, keyName(key.value), value.value, line);
      i = value.next;
    } else {
      const item = flowNode(text, i, end, line, depth, maxDepth, false);
      (out as unknown[]).push(item.value);
      i = item.next;
    }
    i = skipSpaces(text, i, end);
    if (i >= end) decline('a flow collection over several lines', line);
    const c = text.charCodeAt(i);
    if (c === close) return { value: out, next: i + 1 };
    if (c !== 0x2c) decline('unexpected text in a flow collection', line);
    i = skipSpaces(text, i + 1, end);
    if (i < end && text.charCodeAt(i) === close) decline('a trailing comma in a flow collection', line);
  }
}

/** One key or value inside a flow collection. */
function flowNode(text: string, at: number, end: number, line: number, depth: number, maxDepth: number, key: boolean): Scanned {
  if (at >= end) decline('a flow collection over several lines', line);
  const c = text.charCodeAt(at);
  if (c === 0x22) return doubleQuoted(text, at, end, line);
  if (c === 0x27) return singleQuoted(text, at, end, line);
  if (c === 0x5b || c === 0x7b) return flowCollection(text, at, end, line, depth + 1, maxDepth);
  checkPlainStart(text, at, end, line, true);
  const stop = flowPlainEnd(text, at, end, line, key);
  if (stop === at) decline('an empty entry in a flow collection', line);
  return { value: resolvePlain(text.slice(at, stop)), next: stop };
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  return i;
}
