import { BlockParser } from './block-parser.js';
import { Decline, decline } from './decline.js';
import { scanLines } from './lines.js';
import type { Lines } from './lines.js';

/** One non-empty document the fast parser read: its number in the file, its value, and where it starts. */
export interface FastDocument {
  /** Document number in the file, from 0, counted as the `yaml` package counts them (empty ones included). */
  index: number;
  /** The top-level mapping as plain JS, equal to the `yaml` package's `toJS()`. */
  value: Record<string, unknown>;
  /** Offset of the first key, and its 1-based line and column. */
  offset: number;
  line: number;
  column: number;
}

/** The documents of a file, or why the fast parser left the file to the full YAML parser. */
export type FastParseResult =
  | { ok: true; documents: FastDocument[]; lineStarts: number[] }
  | { ok: false; reason: string; line: number };

/**
 * Reads the plain YAML that manifests use — block mappings and sequences, plain, quoted and block
 * scalars typed by the core schema, single-line flow collections, comments, `---`/`...` — exactly as
 * the `yaml` package would, and declines anything else (anchors, tags, directives, complex keys,
 * multi-line flow scalars, duplicate keys, tabs, documents that are not mappings...). Pure; never throws
 * on input.
 */
export function fastParse(options: { text: string; maxDepth: number }): FastParseResult {
  try {
    const lines = scanLines(options.text);
    return { ok: true, documents: readDocuments(lines, options.maxDepth), lineStarts: lines.start };
  } catch (err) {
    if (err instanceof Decline) return { ok: false, reason: err.reason, line: err.line + 1 };
    if (err instanceof RangeError) return { ok: false, reason: 'nesting too deep for the fast parser', line: 1 };
    throw err;
  }
}

/** A `---` or `...` marker line, or undefined; declines marker-like lines with text after the marker. */
function markerAt(lines: Lines, l: number): '---' | '...' | undefined {
  const { text, start, end } = lines;
  const s = start[l] as number;
  const e = end[l] as number;
  const c = text.charCodeAt(s);
  if (c === 0x25) decline('a directive', l);
  if (e - s < 3 || (c !== 0x2d && c !== 0x2e) || text.charCodeAt(s + 1) !== c || text.charCodeAt(s + 2) !== c) return undefined;
  let i = s + 3;
  while (i < e && text.charCodeAt(i) === 0x20) i++;
  if (i < e && (i === s + 3 || text.charCodeAt(i) !== 0x23)) decline('text on a document marker line', l);
  return c === 0x2d ? '---' : '...';
}

/** Splits the lines into documents the way the `yaml` package numbers them, and reads each. */
function readDocuments(lines: Lines, maxDepth: number): FastDocument[] {
  if (lines.text.charCodeAt(0) === 0xfeff) decline('a byte order mark', 0);
  const documents: FastDocument[] = [];
  let index = -1;
  let from = -1;
  const finish = (to: number) => {
    const document = readDocument(lines, from, to, index, maxDepth);
    if (document !== undefined) documents.push(document);
    from = -1;
  };
  for (let l = 0; l < lines.count; l++) {
    const marker = markerAt(lines, l);
    if (marker === '---') {
      if (from >= 0) finish(l);
      index++;
      from = l + 1;
    } else if (marker === '...') {
      if (from >= 0) finish(l);
      else index++;
    } else if (from < 0 && !isBlankOrComment(lines, l)) {
      index++;
      from = l;
    }
  }
  if (from >= 0) finish(lines.count);
  return documents;
}

function isBlankOrComment(lines: Lines, l: number): boolean {
  const at = (lines.start[l] as number) + (lines.indent[l] as number);
  if (at === lines.end[l]) return true;
  const c = lines.text.charCodeAt(at);
  if (c === 0x09) decline('a tab in indentation', l);
  return c === 0x23;
}

/** Reads one document (lines `from` to `to`); undefined when it is empty. Its top level must be a mapping. */
function readDocument(lines: Lines, from: number, to: number, index: number, maxDepth: number): FastDocument | undefined {
  const parser = new BlockParser(lines, to, maxDepth);
  const first = parser.content(from);
  if (first === to) return undefined;
  const value = parser.block(first, 1);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) decline('a document that is not a mapping', first);
  if (parser.next !== to) decline('text after the document', parser.next);
  const column = lines.indent[first] as number;
  return { index, value: value as Record<string, unknown>, offset: (lines.start[first] as number) + column, line: first + 1, column: column + 1 };
}
