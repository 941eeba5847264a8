/** How bad a diagnostic is; `error` makes a repository invalid. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities worst first, for sorting and summaries. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** A place in a source file: 1-based line and column, POSIX path relative to the repository root. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One finding about the input: where, what is wrong, and how to fix it. */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  /** Kebab-case identifier of the check, e.g. `schema`, `duplicate-name`, `cidr-overlap`. */
  code: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** JSON pointer inside the document; empty for the whole document or file. */
  path: string;
  /** The resource the finding is about, when known. */
  resource?: { kind: string; name: string };
}

/** Renders a diagnostic as one line: `file:line:col /path: message (hint)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const path = d.path === '' ? '' : ` ${d.path}`;
  const hint = d.hint === undefined ? '' : ` (${d.hint})`;
  return `${where}${path}: ${d.severity}: ${d.message}${hint}`;
}
