import { decline } from './decline.js';

/** A scalar read from a line: its value and the offset just after it. */
export interface Scanned {
  value: unknown;
  next: number;
}

/** Characters the fast path leaves to the full parser: controls (tab included, except inside quotes), C1, line/paragraph separators, BOM, non-characters. */
export function isUnusual(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe));
}

/** The escapes of double-quoted YAML that stand for one fixed text. */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'], ['a', '\x07'], ['b', '\b'], ['e', '\x1b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['v', '\v'],
  ['N', '\u0085'], ['_', '\u00a0'], ['L', '\u2028'], ['P', '\u2029'], [' ', ' '], ['"', '"'], ['/', '/'], ['\\', '\\'], ['\t', '\t'],
]);
const HEX_LENGTH: ReadonlyMap<string, number> = new Map([['x', 2], ['u', 4], ['U', 8]]);
const HEX = /^[0-9a-fA-F]+$/;

/**
 * Runs of characters that need no attention (native matching, fast even before the code is
 * optimised): they stop at a line break, a quote, an escape, `:` or `#` (plain), and at anything
 * `isUnusual` declines (a tab only outside quotes).
 */
const SINGLE_RUN = /[^'\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*/y;
const DOUBLE_RUN = /[^"\\\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*/y;
const PLAIN_RUN = /[^:#\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*/y;

/** The offset where a run of `pattern` (a sticky regular expression) that starts at `from` ends. */
function skipRun(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  pattern.test(text);
  return pattern.lastIndex;
}

/** Reads a single-quoted scalar whose quote is at `from`; it must close on the same line. */
export function singleQuoted(text: string, from: number, end: number, line: number): Scanned {
  let out = '';
  let chunk = from + 1;
  for (let i = chunk; ;) {
    i = skipRun(SINGLE_RUN, text, i);
    if (i >= end) decline('a quoted scalar over several lines', line);
    if (text.charCodeAt(i) !== 0x27) decline('an unusual character in a quoted scalar', line);
    if (i + 1 < end && text.charCodeAt(i + 1) === 0x27) {
      out += text.slice(chunk, i + 1);
      i += 2;
      chunk = i;
      continue;
    }
    return { value: out + text.slice(chunk, i), next: i + 1 };
  }
}

/** Reads a double-quoted scalar whose quote is at `from`, with its escapes; it must close on the same line. */
export function doubleQuoted(text: string, from: number, end: number, line: number): Scanned {
  let out = '';
  let chunk = from + 1;
  for (let i = chunk; ; i++) {
    i = skipRun(DOUBLE_RUN, text, i);
    if (i >= end) decline('a quoted scalar over several lines', line);
    const c = text.charCodeAt(i);
    if (c === 0x22) return { value: out + text.slice(chunk, i), next: i + 1 };
    if (c === 0x5c) {
      out += text.slice(chunk, i);
      if (i + 1 >= end) decline('an escaped line break in a quoted scalar', line);
      const e = text[i + 1] as string;
      const fixed = ESCAPES.get(e);
      const length = HEX_LENGTH.get(e);
      if (fixed !== undefined) {
        out += fixed;
        i += 1;
      } else if (length !== undefined) {
        const digits = text.slice(i + 2, Math.min(i + 2 + length, end));
        const code = digits.length === length && HEX.test(digits) ? parseInt(digits, 16) : -1;
        if (code < 0 || code > 0x10ffff) decline('an invalid escape in a quoted scalar', line);
        out += String.fromCodePoint(code);
        i += 1 + length;
      } else {
        decline('an invalid escape in a quoted scalar', line);
      }
      chunk = i + 1;
      continue;
    }
    decline('an unusual character in a quoted scalar', line);
  }
}

/** Declines a plain scalar that would start with an indicator (the full parser reads those). */
export function checkPlainStart(text: string, at: number, end: number, line: number, flow: boolean): void {
  const c = text.charCodeAt(at);
  if (c === 0x2d) {
    const next = at + 1 < end ? text.charCodeAt(at + 1) : 0x20;
    if (next === 0x20 || (flow && FLOW_INDICATORS.has(next))) decline('a `-` indicator where a value was expected', line);
    return;
  }
  if (INDICATORS.has(c)) decline(`a value starting with \`${text[at]}\``, line);
}

/** `, [ ] { } # & * ! | > ' " % @ \` ? :` — characters a plain scalar may not start with. */
const INDICATORS = new Set([0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x23, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x27, 0x22, 0x25, 0x40, 0x60, 0x3f, 0x3a]);
const FLOW_INDICATORS = new Set([0x2c, 0x5b, 0x5d, 0x7b, 0x7d]);

/**
 * The end (trailing spaces dropped) of a plain scalar in block context that starts at `from`: it runs
 * to the end of the line or a ` #` comment. A `: ` or final `:` inside is declined (nested mapping).
 */
export function plainEnd(text: string, from: number, end: number, line: number): number {
  let i = from;
  for (;;) {
    i = skipRun(PLAIN_RUN, text, i);
    if (i >= end) {
      i = end;
      break;
    }
    const c = text.charCodeAt(i);
    if (c === 0x23 && text.charCodeAt(i - 1) === 0x20) break;
    if (c === 0x3a && (i + 1 === end || text.charCodeAt(i + 1) === 0x20)) decline('a `: ` inside a plain value', line);
    if (c !== 0x23 && c !== 0x3a) decline('an unusual character in a plain value', line);
    i++;
  }
  while (i > from && text.charCodeAt(i - 1) === 0x20) i--;
  return i;
}

/**
 * The end (trailing spaces dropped) of a plain scalar in a flow collection: it stops at `, [ ] { }`,
 * or at `: ` when it is a key. Any other `:` or a comment is declined.
 */
export function flowPlainEnd(text: string, from: number, end: number, line: number, key: boolean): number {
  let last = from;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (i + 1 < end && text.charCodeAt(i + 1) === 0x23) decline('a comment inside a flow collection', line);
      continue;
    }
    if (FLOW_INDICATORS.has(c)) return last;
    if (c === 0x3a) {
      if (key && i + 1 < end && text.charCodeAt(i + 1) === 0x20) return last;
      decline('a `:` inside a plain value of a flow collection', line);
    }
    if (isUnusual(c)) decline('an unusual character in a plain value', line);
    last = i + 1;
  }
  return last;
}

/** Declines anything but spaces and a ` #` comment after a value that must end its line. */
export function expectLineEnd(text: string, from: number, end: number, line: number): void {
  let i = from;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  if (i === end || (text.charCodeAt(i) === 0x23 && i > from)) return;
  decline('text after a value', line);
}
