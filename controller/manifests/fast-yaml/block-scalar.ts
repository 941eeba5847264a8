import { decline } from './decline.js';
import type { Lines } from './lines.js';

/** A block scalar's value and the first line after it. */
export interface BlockScalar {
  value: string;
  next: number;
}

/**
 * Reads a literal (`|`) or folded (`>`) block scalar whose header is at offset `at` of line `line`,
 * with an optional chomping indicator (`-` strip, `+` keep) and comment; `parentIndent` is the
 * indentation of the collection it belongs to and `to` the line where the document ends. Explicit
 * indentation indicators, more-indented or tabbed blank lines, and empty bodies are declined; the
 * value is built as the `yaml` package builds it.
 */
export function blockScalar(lines: Lines, line: number, at: number, parentIndent: number, to: number): BlockScalar {
  const { text, start, end, indent } = lines;
  const folded = text.charCodeAt(at) === 0x3e;
  let i = at + 1;
  const chomp = i < (end[line] as number) ? text[i] : '';
  if (chomp === '-' || chomp === '+') i++;
  const lineEnd = end[line] as number;
  if (i < lineEnd && text.charCodeAt(i) !== 0x20) decline('a block scalar header with an indentation indicator', line);
  while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
  if (i < lineEnd && text.charCodeAt(i) !== 0x23) decline('text after a block scalar header', line);

  let m = -1;
  let first = -1;
  let last = -1;
  let l = line + 1;
  for (; l < to; l++) {
    const ind = indent[l] as number;
    const blank = (start[l] as number) + ind === end[l];
    if (blank) {
      if (m >= 0 && ind > m) decline('a blank line with more spaces than the block scalar', l);
      continue;
    }
    if (m < 0) {
      if (ind <= parentIndent) break;
      m = ind;
      first = l;
    } else if (ind < m) {
      break;
    }
    last = l;
  }
  if (first < 0) decline('an empty block scalar', line);
  for (let b = line + 1; b < first; b++) if ((indent[b] as number) > m) decline('a blank line with more spaces than the block scalar', b);

  // Blank lines before the first content line are kept as line breaks.
  let value = '\n'.repeat(first - line - 1);
  let sep = '';
  let moreIndented = false;
  for (let k = first; k <= last; k++) {
    const s = start[k] as number;
    const e = end[k] as number;
    const ind = indent[k] as number;
    const body = s + ind === e ? '' : text.slice(s + m, e);
    if (!folded) {
      value += sep + body;
      sep = '\n';
    } else if (ind > m || (body !== '' && body.charCodeAt(0) === 0x09)) {
      if (sep === ' ') sep = '\n';
      else if (!moreIndented && sep === '\n') sep = '\n\n';
      value += sep + body;
      sep = '\n';
      moreIndented = true;
    } else if (body === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + body;
      sep = ' ';
      moreIndented = false;
    }
  }
  if (chomp === '+') {
    // Every line break after the last content line belongs to the value (the scalar runs to line `l`).
    const stop = l >= lines.count ? lines.count - 1 : l;
    value += '\n'.repeat(Math.max(1, stop - last));
  } else if (chomp !== '-') {
    value += '\n';
  }
  return { value, next: l };
}
