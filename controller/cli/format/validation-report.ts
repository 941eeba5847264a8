import type { Diagnostic, Severity } from '../../types/diagnostic.js';
import { SEVERITY_ORDER } from '../../types/diagnostic.js';

/** The part of the manifests `ValidationResult` the reports need (structural, so any result fits). */
export interface ValidationInput {
  manifests: readonly {
    resource: { kind: string; metadata: { name: string } };
    source: { file: string; line: number; column: number; index: number };
  }[];
  diagnostics: readonly Diagnostic[];
  notices: readonly Diagnostic[];
  stats: { files: number; documents: number };
}

/** A validated document, as listed in reports. */
export interface ReportDocument {
  file: string;
  index: number;
  line: number;
  kind: string;
  name: string;
}

/** Counts shown in every report's summary. */
export interface ReportSummary {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Documents skipped (other apiVersion), reported as notices. */
  skipped: number;
  /** Whether warnings fail validation. */
  strict: boolean;
}

/** Everything a formatter needs: verdict, counts, sorted diagnostics and the valid documents. */
export interface ValidationReport {
  valid: boolean;
  summary: ReportSummary;
  diagnostics: readonly Diagnostic[];
  notices: readonly Diagnostic[];
  documents: readonly ReportDocument[];
}

/** Severities that fail validation, per strictness. */
const FAILING: Readonly<Record<'strict' | 'lenient', readonly Severity[]>> = {
  strict: ['error', 'warning'],
  lenient: ['error'],
};

/** True when `d` makes the repository invalid under the given strictness. */
export function isFailing(d: Diagnostic, strict: boolean): boolean {
  return FAILING[strict ? 'strict' : 'lenient'].includes(d.severity);
}

/** Orders diagnostics by file, line, column, then worst severity first. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    compareText(a.path, b.path) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Code-unit order, independent of locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Arguments of `buildValidationReport`. */
export interface BuildReportArgs {
  result: ValidationInput;
  strict: boolean;
  /** Maps a repository-relative file to the path shown in reports (e.g. prefixed by the repo folder). */
  displayPath?: (file: string) => string;
}

/** Turns a validation result into a report: sorted diagnostics, counts and verdict. Pure. */
export function buildValidationReport({ result, strict, displayPath = (f) => f }: BuildReportArgs): ValidationReport {
  const relocate = (d: Diagnostic): Diagnostic => ({ ...d, file: displayPath(d.file) });
  const diagnostics = result.diagnostics.map(relocate).sort(compareDiagnostics);
  const notices = result.notices.map(relocate).sort(compareDiagnostics);
  const count = (s: Severity): number => diagnostics.filter((d) => d.severity === s).length;
  const documents = result.manifests
    .map((m) => ({
      file: displayPath(m.source.file),
      index: m.source.index,
      line: m.source.line,
      kind: m.resource.kind,
      name: m.resource.metadata.name,
    }))
    .sort((a, b) => compareText(a.file, b.file) || a.index - b.index);
  return {
    valid: !diagnostics.some((d) => isFailing(d, strict)),
    summary: {
      files: result.stats.files,
      documents: result.stats.documents,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      skipped: notices.length,
      strict,
    },
    diagnostics,
    notices,
    documents,
  };
}
