import type { Diagnostic } from '../../types/diagnostic.js';
import { sourceExcerpt } from './source-excerpt.js';
import { painter, printable } from './style.js';
import type { Paint, StyleName } from './style.js';
import { summaryLine } from './summary-line.js';
import type { ValidationReport } from './validation-report.js';

/** Options of the text report. */
export interface TextFormatOptions {
  /** ANSI colours (a TTY without NO_COLOR). */
  color?: boolean;
  /** Show the offending source line and a caret under each diagnostic. */
  excerpts?: boolean;
  /** Also list notices (skipped documents). */
  verbose?: boolean;
  /** File contents by displayed path, for excerpts. */
  sources?: ReadonlyMap<string, string>;
}

/**
 * One diagnostic as a line, `file:line:col /path: severity: message (hint)` — the same text as
 * `formatDiagnostic`, with control characters made visible and optional colour.
 */
export function diagnosticLine(d: Diagnostic, paint: Paint): string {
  const where = paint('bold', `${printable(d.file)}:${d.line}:${d.column}`);
  const path = d.path === '' ? '' : ` ${paint('dim', printable(d.path))}`;
  const hint = d.hint === undefined ? '' : ` ${paint('dim', `(${printable(d.hint)})`)}`;
  return `${where}${path}: ${paint(d.severity as StyleName, d.severity)}: ${printable(d.message)}${hint}`;
}

/** The human-readable report: one line per diagnostic (plus excerpt), then the summary. Pure. */
export function formatText(report: ValidationReport, options: TextFormatOptions = {}): string {
  const paint = painter(options.color === true);
  const lines: string[] = [];
  const shown = options.verbose === true ? [...report.diagnostics, ...report.notices] : report.diagnostics;
  for (const d of shown) {
    lines.push(diagnosticLine(d, paint));
    const source = options.sources?.get(d.file);
    if (options.excerpts === true && source !== undefined) lines.push(...sourceExcerpt(source, d.line, d.column, paint));
  }
  if (lines.length > 0) lines.push('');
  const summary = summaryLine(report.summary, report.valid);
  lines.push(report.valid ? paint('ok', summary) : paint('error', summary));
  return `${lines.join('\n')}\n`;
}
