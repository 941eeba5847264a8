import type { Diagnostic, Severity } from '../types/diagnostic.js';
import type { LocateResource } from './types.js';

/** One finding before it is positioned. */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  resource: { kind: string; name: string };
  /** JSON pointer inside the resource. */
  path: string;
}

/** Collects compile findings and positions them with `locate` (line 1, column 1 of no file when unknown). */
export class CompileDiagnostics {
  readonly list: Diagnostic[] = [];

  constructor(private readonly locate: LocateResource | undefined) {}

  /** Adds a finding. */
  add(finding: Finding): void {
    const at = this.locate?.(finding.resource, finding.path) ?? { file: '', line: 1, column: 1 };
    const diagnostic: Diagnostic = {
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
      file: at.file,
      line: at.line,
      column: at.column,
      path: finding.path,
      resource: finding.resource,
    };
    if (finding.hint !== undefined) diagnostic.hint = finding.hint;
    this.list.push(diagnostic);
  }
}
