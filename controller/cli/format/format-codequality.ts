import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../../types/diagnostic.js';
import type { ValidationReport } from './validation-report.js';

/** GitLab Code Quality severities. */
export type CodeQualitySeverity = 'blocker' | 'critical' | 'major' | 'minor' | 'info';

/** One entry of a GitLab Code Quality report (`artifacts:reports:codequality`). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** Severity mapping. */
const SEVERITY: Readonly<Record<Severity, CodeQualitySeverity>> = {
  error: 'critical',
  warning: 'minor',
  info: 'info',
};

/** Checks that mean a file could not be read at all: nothing in it was validated. */
const BLOCKER_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'file-too-large', 'binary-file', 'alias-limit']);

/** The Code Quality severity of a diagnostic; `--strict` raises warnings to `major`. */
function severityOf(d: Diagnostic, strict: boolean): CodeQualitySeverity {
  if (d.severity === 'error' && BLOCKER_CODES.has(d.code)) return 'blocker';
  if (d.severity === 'warning' && strict) return 'major';
  return SEVERITY[d.severity];
}

/** Stable fingerprint: sha1 of file, JSON path, check and message (not the line, so moving code keeps it). */
export function codeQualityFingerprint(d: Pick<Diagnostic, 'file' | 'path' | 'code' | 'message'>, occurrence = 0): string {
  const parts = [d.file, d.path, d.code, d.message, ...(occurrence === 0 ? [] : [String(occurrence)])];
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

/**
 * The GitLab Code Quality report: a JSON array with one issue per diagnostic (notices excluded).
 * Identical findings in one file get distinct fingerprints by occurrence. Pure.
 */
export function toCodeQuality(report: ValidationReport): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return report.diagnostics.map((d) => {
    const base = codeQualityFingerprint(d);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const subject = [d.resource === undefined ? '' : `${d.resource.kind}/${d.resource.name}`, d.path].filter((p) => p !== '').join(' ');
    const hint = d.hint === undefined ? '' : ` (${d.hint})`;
    return {
      description: `${subject === '' ? '' : `${subject}: `}${d.message}${hint}`,
      check_name: d.code,
      fingerprint: occurrence === 0 ? base : codeQualityFingerprint(d, occurrence),
      severity: severityOf(d, report.summary.strict),
      location: { path: d.file, lines: { begin: Math.max(1, d.line) } },
    };
  });
}

/** The GitLab Code Quality report as text. Pure. */
export function formatCodeQuality(report: ValidationReport): string {
  return `${JSON.stringify(toCodeQuality(report), null, 2)}\n`;
}
