import { blockScalar } from './block-scalar.js';
import { decline } from './decline.js';
import { flowCollection } from './flow-collection.js';
import type { Lines } from './lines.js';
import { resolvePlain } from './resolve-plain.js';
import { checkPlainStart, doubleQuoted, expectLineEnd, plainEnd, singleQuoted } from './scalars.js';
import { scanKey } from './scan-key.js';
import type { FoundKey } from './scan-key.js';
import { setMember } from './set-member.js';

/**
 * Reads the block mappings and sequences of one document (lines up to `to`). Each method leaves in
 * `next` the first content line after the node it read. Anything outside the supported subset is
 * declined, including a line indented where YAML would continue a scalar over several lines.
 */
export class BlockParser {
  /** The first content line after the node read last. */
  next = 0;

  constructor(
    private readonly lines: Lines,
    private readonly to: number,
    private readonly maxDepth: number,
  ) {}

  /** The first line at or after `l` that is neither blank nor a comment; `to` when there is none. */
  content(l: number): number {
    const { text, start, end, indent } = this.lines;
    for (; l < this.to; l++) {
      const at = (start[l] as number) + (indent[l] as number);
      if (at === end[l]) continue;
      const c = text.charCodeAt(at);
      if (c === 0x23) continue;
      if (c === 0x09) decline('a tab in indentation', l);
      return l;
    }
    return this.to;
  }

  /** Reads the mapping or sequence that starts at the indentation of content line `l`. */
  block(l: number, depth: number): unknown {
    if (depth > this.maxDepth) decline('nesting deeper than the limit', l);
    const { text, start, end, indent } = this.lines;
    const col = indent[l] as number;
    if (this.isItem(l, col)) return this.sequence(l, col, depth);
    const key = scanKey(text, (start[l] as number) + col, end[l] as number, l);
    if (key !== undefined) return this.mapping(l, col, depth, key);
    return decline('a value on its own line', l);
  }

  /** True when line `l` has a sequence entry (`-` then a space or the line end) at column `col`. */
  private isItem(l: number, col: number): boolean {
    const { text, start, end } = this.lines;
    const at = (start[l] as number) + col;
    const stop = end[l] as number;
    return text.charCodeAt(at) === 0x2d && (at + 1 === stop || text.charCodeAt(at + 1) === 0x20);
  }

  /** Reads a block mapping whose keys are at column `col`, the first one (already read) on line `l`. */
  private mapping(l: number, col: number, depth: number, first: FoundKey): Record<string, unknown> {
    if (depth > this.maxDepth) decline('nesting deeper than the limit', l);
    const { text, start, end, indent } = this.lines;
    const out: Record<string, unknown> = {};
    for (let line = l, key: FoundKey | undefined = first; ; key = undefined) {
      const stop = end[line] as number;
      key ??= scanKey(text, (start[line] as number) + col, stop, line);
      if (key === undefined) decline('a mapping entry without `key:`', line);
      let at = key.after;
      while (at < stop && text.charCodeAt(at) === 0x20) at++;
      let value: unknown = null;
      if (at === stop || text.charCodeAt(at) === 0x23) {
        const n = this.content(line + 1);
        if (n < this.to && (indent[n] as number) > col) value = this.block(n, depth + 1);
        else if (n < this.to && indent[n] === col && this.isItem(n, col)) value = this.sequence(n, col, depth + 1);
        else this.next = n;
      } else {
        value = this.inline(line, at, col, depth + 1);
      }
      setMember(out, key.name, value, line);
      const n = this.next;
      if (n >= this.to || (indent[n] as number) < col) return out;
      if ((indent[n] as number) > col) decline('unexpected indentation', n);
      line = n;
    }
  }

  /** Reads a block sequence whose `-` indicators are at column `col`, the first one on line `l`. */
  private sequence(l: number, col: number, depth: number): unknown[] {
    if (depth > this.maxDepth) decline('nesting deeper than the limit', l);
    const { text, start, end, indent } = this.lines;
    const out: unknown[] = [];
    for (let line = l; ;) {
      const s = start[line] as number;
      const stop = end[line] as number;
      let at = s + col + 1;
      while (at < stop && text.charCodeAt(at) === 0x20) at++;
      if (at === stop || text.charCodeAt(at) === 0x23) {
        const n = this.content(line + 1);
        if (n < this.to && (indent[n] as number) > col) out.push(this.block(n, depth + 1));
        else {
          out.push(null);
          this.next = n;
        }
      } else if (this.isItem(line, at - s)) {
        decline('a sequence inside a sequence entry', line);
      } else {
        const key = scanKey(text, at, stop, line);
        out.push(key === undefined ? this.inline(line, at, col, depth + 1) : this.mapping(line, at - s, depth + 1, key));
      }
      const n = this.next;
      if (n >= this.to || (indent[n] as number) < col) return out;
      if ((indent[n] as number) > col) decline('unexpected indentation', n);
      if (!this.isItem(n, col)) return out;
      line = n;
    }
  }

  /** Reads a scalar or flow collection that starts at offset `at` of line `line` and ends that line. */
  private inline(line: number, at: number, parentIndent: number, depth: number): unknown {
    const { text, end } = this.lines;
    const stop = end[line] as number;
    const c = text.charCodeAt(at);
    if (c === 0x7c || c === 0x3e) {
      const scalar = blockScalar(this.lines, line, at, parentIndent, this.to);
      this.next = this.content(scalar.next);
      return scalar.value;
    }
    let value: unknown;
    let after: number;
    if (c === 0x22 || c === 0x27) {
      const quoted = c === 0x22 ? doubleQuoted(text, at, stop, line) : singleQuoted(text, at, stop, line);
      value = quoted.value;
      after = quoted.next;
    } else if (c === 0x5b || c === 0x7b) {
      const flow = flowCollection(text, at, stop, line, depth, this.maxDepth);
      value = flow.value;
      after = flow.next;
    } else {
      checkPlainStart(text, at, stop, line, false);
      after = plainEnd(text, at, stop, line);
      value = resolvePlain(text.slice(at, after));
    }
    expectLineEnd(text, after, stop, line);
    this.next = this.content(line + 1);
    return value;
  }
}
