import { printable } from './style.js';
import type { Paint } from './style.js';

/** Widest source line shown; longer lines are cut to a window around the column. */
const MAX_WIDTH = 120;

/**
 * Two lines showing where a diagnostic points: the offending source line with its number, and a
 * caret under the column. Empty when the line does not exist. Pure.
 */
export function sourceExcerpt(source: string, line: number, column: number, paint: Paint): string[] {
  const text = source.split(/\r?\n/)[line - 1];
  if (text === undefined) return [];
  const col = Math.max(1, Math.min(column, text.length + 1));
  let start = 0;
  if (text.length > MAX_WIDTH) start = Math.max(0, Math.min(col - 1 - MAX_WIDTH / 2, text.length - MAX_WIDTH));
  const shown = text.slice(start, start + MAX_WIDTH);
  const before = start > 0 ? '…' : '';
  const after = start + MAX_WIDTH < text.length ? '…' : '';
  // Keep tabs so the caret lines up; every other character before the column becomes a space
  // (escaped control characters widen, so pad by their printable width).
  const lead = printable(text.slice(start, col - 1), true).replace(/[^\t]/g, ' ');
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  return [
    `  ${paint('dim', `${gutter} |`)} ${before}${printable(shown, true)}${after}`,
    `  ${paint('dim', `${pad} |`)} ${before === '' ? '' : ' '}${lead}${paint('error', '^')}`,
  ];
}
