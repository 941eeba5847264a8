import type { Diagnostic } from '../types/diagnostic.js';
import type { ParsedDocument, ValidationResult } from '../types/manifest.js';
import { compareDiagnostics } from './make-diagnostic.js';
import { parseDocuments } from './parse-documents.js';
import type { ParseLimits } from './parse-documents.js';
import { validateDocuments } from './validate-documents.js';

/** One manifest file's text and its POSIX path relative to the repository root. */
export interface ManifestSource {
  file: string;
  text: string;
}

/**
 * Parses and validates manifest texts already in memory (pure); `diagnostics` from reading the
 * files (too large, binary...) are merged in. Info-level findings become `notices`.
 */
export function validateSources(options: {
  sources: readonly ManifestSource[];
  diagnostics?: readonly Diagnostic[];
  files?: number;
  limits?: Partial<ParseLimits>;
}): ValidationResult {
  const documents: ParsedDocument[] = [];
  const all: Diagnostic[] = [...(options.diagnostics ?? [])];
  for (const source of options.sources) {
    const parsed = parseDocuments({ ...source, ...(options.limits === undefined ? {} : { limits: options.limits }) });
    documents.push(...parsed.documents);
    all.push(...parsed.diagnostics);
  }
  const validated = validateDocuments({ documents });
  all.push(...validated.diagnostics);
  all.sort(compareDiagnostics);
  return {
    manifests: validated.manifests,
    diagnostics: all.filter((d) => d.severity !== 'info'),
    notices: all.filter((d) => d.severity === 'info'),
    stats: { files: options.files ?? options.sources.length, documents: documents.length },
  };
}

/** True when a result has no error-level diagnostic (warnings and notices do not count). */
export function isValid(result: Pick<ValidationResult, 'diagnostics'>): boolean {
  return !result.diagnostics.some((d) => d.severity === 'error');
}
