import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../types/diagnostic.js';
import type { Manifest, ParsedDocument } from '../types/manifest.js';
import type { Kind, Resource } from '../types/resources.js';
import { runSemanticChecks } from './checks/semantic-checks.js';
import type { Entry } from './checks/semantic-context.js';
import { classifyDocument } from './classify-document.js';
import { compareDiagnostics } from './make-diagnostic.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { schemaValidator } from './schema-validator.js';

/** Schema errors that a semantic check reports with a dedicated, clearer message instead. */
const DEDICATED: readonly { kind: Kind; covers: (e: ErrorObject) => boolean }[] = [
  {
    kind: 'Host',
    covers: (e) =>
      (e.keyword === 'required' && e.instancePath === '/spec' && (e.params as { missingProperty?: unknown }).missingProperty === 'hostKey') ||
      (e.instancePath === '/spec/hostKey' && typeof e.data === 'string' && e.data.trim() === ''),
  },
];

/** Names with control characters are reported by the schema and never echoed raw elsewhere. */
const CONTROL = /[\u0000-\u001f\u007f]/;

function dedicated(kind: Kind, e: ErrorObject): boolean {
  return DEDICATED.some((d) => d.kind === kind && d.covers(e));
}

/**
 * Validates parsed documents: skips other apiVersions (info), checks kind, validates each document
 * against its kind's JSON Schema, then runs the semantic checks across all documents.
 * Returns the schema-valid documents as manifests and every finding, sorted.
 */
export function validateDocuments(options: { documents: readonly ParsedDocument[] }): {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
} {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const entries: Entry[] = [];
  for (const document of options.documents) {
    const classification = classifyDocument(document);
    if (classification.outcome === 'foreign') {
      diagnostics.push(classification.notice);
      continue;
    }
    if (classification.outcome === 'invalid') {
      diagnostics.push(...classification.diagnostics);
      continue;
    }
    const { kind } = classification;
    const meta = document.value.metadata;
    const name = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).name : undefined;
    const resource = typeof name === 'string' && name !== '' && !CONTROL.test(name) ? { kind, name } : undefined;
    const errors = schemaValidator(kind)(document.value);
    const shown = errors.filter((e) => !dedicated(kind, e));
    diagnostics.push(...schemaDiagnostics({ document, errors: shown, ...(resource === undefined ? {} : { resource }) }));
    const valid = errors.length === 0;
    if (resource !== undefined) {
      entries.push({ kind, name: resource.name, value: document.value, source: document.source, locate: document.locate, locateKey: document.locateKey, valid });
    }
    if (valid) manifests.push({ resource: document.value as unknown as Resource, source: document.source, locate: document.locate });
  }
  diagnostics.push(...runSemanticChecks({ entries }));
  diagnostics.sort(compareDiagnostics);
  return { manifests, diagnostics };
}
