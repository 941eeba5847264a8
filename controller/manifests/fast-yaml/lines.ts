import { decline } from './decline.js';

/** The lines of a text: where each starts and ends (without its line break) and its leading spaces. */
export interface Lines {
  readonly text: string;
  readonly count: number;
  /** Offset of each line's first character (also every line start a YAML line counter records). */
  readonly start: number[];
  /** Offset just after each line's last character, before `\r\n` or `\n`. */
  readonly end: number[];
  /** Number of leading spaces of each line. */
  readonly indent: number[];
}

/** Splits a text into lines; a carriage return that does not end a line is declined. */
export function scanLines(text: string): Lines {
  const start: number[] = [];
  const end: number[] = [];
  const indent: number[] = [];
  const crlf = text.includes('\r');
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const stop = nl < 0 ? text.length : nl;
    const last = crlf && nl >= 0 && stop > from && text.charCodeAt(stop - 1) === 0x0d ? stop - 1 : stop;
    if (crlf && last > from && text.lastIndexOf('\r', last - 1) >= from) decline('a carriage return inside a line', start.length);
    let i = from;
    while (i < last && text.charCodeAt(i) === 0x20) i++;
    start.push(from);
    end.push(last);
    indent.push(i - from);
    if (nl < 0) break;
    from = nl + 1;
  }
  return { text, count: start.length, start, end, indent };
}

/** True when a line has only spaces. */
export function isBlank(lines: Lines, l: number): boolean {
  return (lines.start[l] as number) + (lines.indent[l] as number) === lines.end[l];
}

/** The character code at a line's indentation, or -1 when the line has only spaces. */
export function firstCode(lines: Lines, l: number): number {
  const at = (lines.start[l] as number) + (lines.indent[l] as number);
  return at < (lines.end[l] as number) ? lines.text.charCodeAt(at) : -1;
}
