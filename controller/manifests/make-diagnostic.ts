import type { Diagnostic, Severity, SourcePosition } from '../types/diagnostic.js';
import { SEVERITY_ORDER } from '../types/diagnostic.js';

/** Builds a diagnostic from a position and its details; omits an undefined hint or resource. */
export function makeDiagnostic(
  at: SourcePosition,
  details: {
    severity: Severity;
    code: string;
    message: string;
    hint?: string | undefined;
    path?: string;
    resource?: { kind: string; name: string } | undefined;
  },
): Diagnostic {
  const d: Diagnostic = {
    severity: details.severity,
    code: details.code,
    message: details.message,
    file: at.file,
    line: at.line,
    column: at.column,
    path: details.path ?? '',
  };
  if (details.hint !== undefined) d.hint = details.hint;
  if (details.resource !== undefined) d.resource = details.resource;
  return d;
}

/** Orders diagnostics by file, line, column, severity (worst first), code and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Renders a value for a message: JSON, shortened, control characters escaped. */
export function showValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Formats `file:line` for messages that point at another place. */
export function where(at: SourcePosition): string {
  return `${at.file}:${at.line}`;
}
