import type { Diagnostic, Severity } from '../../types/diagnostic.js';
import type { ReportSummary, ValidationReport } from './validation-report.js';

/** One diagnostic in the JSON report; keys always in this order, optional keys omitted when absent. */
export interface JsonDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  path: string;
  resource?: { kind: string; name: string };
}

/**
 * The JSON report of `gitvirt validate --format json` (stable; fields are only ever added):
 * `{ valid, summary: { files, documents, errors, warnings, infos, skipped, strict }, diagnostics[], notices[] }`.
 * `valid` is false when any error (or, with `--strict`, any warning) was found; `notices` are
 * documents skipped because they belong to another apiVersion.
 */
export interface JsonReport {
  valid: boolean;
  summary: ReportSummary;
  diagnostics: JsonDiagnostic[];
  notices: JsonDiagnostic[];
}

/** A diagnostic with a fixed key order. */
function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    file: d.file,
    line: d.line,
    column: d.column,
    path: d.path,
    ...(d.resource === undefined ? {} : { resource: { kind: d.resource.kind, name: d.resource.name } }),
  };
}

/** The JSON report as an object. Pure. */
export function toJsonReport(report: ValidationReport): JsonReport {
  const s = report.summary;
  return {
    valid: report.valid,
    summary: {
      files: s.files,
      documents: s.documents,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      skipped: s.skipped,
      strict: s.strict,
    },
    diagnostics: report.diagnostics.map(jsonDiagnostic),
    notices: report.notices.map(jsonDiagnostic),
  };
}

/** The JSON report as text (two-space indented, trailing newline). Pure. */
export function formatJson(report: ValidationReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
