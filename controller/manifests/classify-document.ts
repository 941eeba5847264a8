import type { Diagnostic } from '../types/diagnostic.js';
import type { ParsedDocument } from '../types/manifest.js';
import { API_VERSION, KINDS } from '../types/resources.js';
import type { Kind } from '../types/resources.js';
import { makeDiagnostic, showValue } from './make-diagnostic.js';
import { closest } from './suggest.js';

/** What a document is: one of ours (with its kind), another tool's (skipped), or unusable. */
export type Classification =
  | { outcome: 'resource'; kind: Kind }
  | { outcome: 'foreign'; notice: Diagnostic }
  | { outcome: 'invalid'; diagnostics: Diagnostic[] };

/** Our API group; a document in it with another version is refused rather than skipped. */
const API_GROUP = API_VERSION.slice(0, API_VERSION.indexOf('/') + 1);

/** Decides from `apiVersion` and `kind` whether and how a document is validated. */
export function classifyDocument(document: ParsedDocument): Classification {
  const { apiVersion, kind } = document.value;
  const at = (pointer: string) => document.locate(pointer);
  const error = (pointer: string, code: string, message: string, hint: string) =>
    makeDiagnostic(at(pointer), { severity: 'error', code, message, hint, path: pointer });
  const diagnostics: Diagnostic[] = [];

  if (typeof apiVersion === 'string' && apiVersion !== API_VERSION && !apiVersion.startsWith(API_GROUP)) {
    return {
      outcome: 'foreign',
      notice: makeDiagnostic(at('/apiVersion'), {
        severity: 'info',
        code: 'other-api-version',
        message: `skipped: apiVersion ${showValue(apiVersion)} is not ${API_VERSION}`,
        hint: `gitvirt reads only ${API_VERSION} documents; list the file in .gitvirtignore to silence this`,
      }),
    };
  }
  if (apiVersion === undefined) {
    diagnostics.push(error('', 'missing-api-version', 'document has no apiVersion', `add \`apiVersion: ${API_VERSION}\``));
  } else if (typeof apiVersion !== 'string') {
    diagnostics.push(error('/apiVersion', 'missing-api-version', `apiVersion must be a string, got ${showValue(apiVersion)}`, `write \`apiVersion: ${API_VERSION}\``));
  } else if (apiVersion !== API_VERSION) {
    diagnostics.push(error('/apiVersion', 'unsupported-api-version', `apiVersion ${showValue(apiVersion)} is not supported by this gitvirt`,
      `use ${API_VERSION}, or upgrade gitvirt`));
  }
  if (kind === undefined) {
    diagnostics.push(error('', 'missing-kind', 'document has no kind', `add \`kind:\` with one of ${KINDS.join(', ')}`));
  } else if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const suggestion = typeof kind === 'string' ? closest(kind, KINDS) : undefined;
    diagnostics.push(error('/kind', 'unknown-kind',
      `unknown kind ${showValue(kind)}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
      `kind must be one of ${KINDS.join(', ')}`));
  }
  if (diagnostics.length > 0) return { outcome: 'invalid', diagnostics };
  return { outcome: 'resource', kind: kind as Kind };
}
