import { decline } from './decline.js';
import { keyName, resolvePlain } from './resolve-plain.js';
import { checkPlainStart, doubleQuoted, isUnusual, singleQuoted } from './scalars.js';

/** A block mapping key: the JS property name it becomes, and the offset just after its `:`. */
export interface FoundKey {
  name: string;
  after: number;
}

/** Longest implicit key read here (YAML allows 1,024 characters up to the `:`). */
const MAX_KEY_LENGTH = 1000;

/** A key of letters, digits, `_`, `.`, `/` and `-` that starts with a letter or `_`: always a valid plain key. */
const SIMPLE_KEY = /[A-Za-z_][A-Za-z0-9_./-]*/y;

/**
 * Reads a block mapping key (`key:`, `"key":`, `'key':`, followed by a space or the line end) that
 * starts at offset `at` of line `line`; undefined when the text there is not a mapping entry (a flow
 * collection there is a value: the fast reader takes no collection as a key).
 */
export function scanKey(text: string, at: number, end: number, line: number): FoundKey | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x5b || c === 0x7b) return undefined;
  SIMPLE_KEY.lastIndex = at;
  if (SIMPLE_KEY.test(text)) {
    // The common case: a word-like key, maybe spaces, then `:` and a space or the line end.
    let colon = SIMPLE_KEY.lastIndex;
    const last = colon;
    while (colon < end && text.charCodeAt(colon) === 0x20) colon++;
    if (colon < end && text.charCodeAt(colon) === 0x3a && (colon + 1 === end || text.charCodeAt(colon + 1) === 0x20) && colon - at <= MAX_KEY_LENGTH) {
      return { name: keyName(resolvePlain(text.slice(at, last))), after: colon + 1 };
    }
  }
  let name: string;
  let colon: number;
  if (c === 0x22 || c === 0x27) {
    const quoted = c === 0x22 ? doubleQuoted(text, at, end, line) : singleQuoted(text, at, end, line);
    colon = quoted.next;
    while (colon < end && text.charCodeAt(colon) === 0x20) colon++;
    if (colon >= end || text.charCodeAt(colon) !== 0x3a) return undefined;
    if (colon + 1 < end && text.charCodeAt(colon + 1) !== 0x20) return undefined;
    name = quoted.value as string;
  } else {
    colon = -1;
    for (let i = at; i < end; i++) {
      const k = text.charCodeAt(i);
      if (k === 0x3a && (i + 1 === end || text.charCodeAt(i + 1) === 0x20)) {
        colon = i;
        break;
      }
      if (k === 0x20 && i + 1 < end && text.charCodeAt(i + 1) === 0x23) return undefined;
      if (isUnusual(k)) decline('an unusual character in a key', line);
    }
    if (colon < 0) return undefined;
    checkPlainStart(text, at, end, line, false);
    let last = colon;
    while (text.charCodeAt(last - 1) === 0x20) last--;
    const raw = text.slice(at, last);
    if (raw === '<<') decline('a merge key', line);
    name = keyName(resolvePlain(raw));
  }
  if (colon - at > MAX_KEY_LENGTH) decline('a very long key', line);
  return { name, after: colon + 1 };
}
