import type { ReportSummary } from './validation-report.js';

/** `1 file` / `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The one-line verdict, e.g. `2 errors, 1 warning in 14 files (37 documents)` or
 * `✓ 37 documents in 14 files are valid`.
 */
export function summaryLine(summary: ReportSummary, valid: boolean): string {
  const where = `${plural(summary.files, 'file')}`;
  const skipped = summary.skipped === 0 ? '' : `; ${plural(summary.skipped, 'document')} skipped (other apiVersion)`;
  if (valid) {
    const warnings = summary.warnings === 0 ? '' : ` (${plural(summary.warnings, 'warning')})`;
    const verb = summary.documents === 1 ? 'is' : 'are';
    return `✓ ${plural(summary.documents, 'document')} in ${where} ${verb} valid${warnings}${skipped}`;
  }
  const counts = [
    summary.errors > 0 || summary.warnings === 0 ? plural(summary.errors, 'error') : '',
    summary.warnings > 0 ? plural(summary.warnings, 'warning') : '',
  ].filter((c) => c !== '');
  const strict = summary.errors === 0 ? ' (warnings fail with --strict)' : '';
  return `${counts.join(', ')} in ${where} (${plural(summary.documents, 'document')})${strict}${skipped}`;
}
