import type { Diagnostic, Severity, SourcePosition } from '../../types/diagnostic.js';
import { KINDS } from '../../types/resources.js';
import type { Kind } from '../../types/resources.js';
import type { Locate } from '../../types/manifest.js';
import { makeDiagnostic } from '../make-diagnostic.js';

/** Every resource kind of gitvirt.io/v1alpha1, in dependency order. */
export { KINDS };

/** A document of a known kind with a name, as the semantic checks see it. */
export interface Entry {
  kind: Kind;
  name: string;
  /** The document as written. */
  value: Record<string, unknown>;
  source: SourcePosition & { index: number };
  locate: Locate;
  locateKey: Locate;
  /** True when the document passed schema validation; most checks look only at valid entries. */
  valid: boolean;
}

/** What a finding says; the position and resource come from the entry. */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  hint: string;
}

/** Indexed view of all documents that the semantic checks share. */
export interface SemanticContext {
  /** All entries of known kind, in file and document order. */
  all: readonly Entry[];
  /** Schema-valid entries per kind. */
  valid: Readonly<Record<Kind, readonly Entry[]>>;
  /** First entry per name, per kind (valid or not), for reference lookups. */
  byName: Readonly<Record<Kind, ReadonlyMap<string, Entry>>>;
}

/** A semantic check: a pure function from the indexed documents to diagnostics. */
export type SemanticCheck = (ctx: SemanticContext) => Diagnostic[];

/** Indexes entries by kind and by name. */
export function createSemanticContext(entries: readonly Entry[]): SemanticContext {
  const valid = Object.fromEntries(KINDS.map((k) => [k, [] as Entry[]])) as Record<Kind, Entry[]>;
  const byName = Object.fromEntries(KINDS.map((k) => [k, new Map<string, Entry>()])) as Record<Kind, Map<string, Entry>>;
  for (const entry of entries) {
    if (entry.valid) valid[entry.kind].push(entry);
    if (!byName[entry.kind].has(entry.name)) byName[entry.kind].set(entry.name, entry);
  }
  return { all: entries, valid, byName };
}

/** Builds a diagnostic about `entry` at `pointer` (at the key of the member when `atKey`). */
export function report(entry: Entry, pointer: string, finding: Finding, atKey = false): Diagnostic {
  const at = atKey ? entry.locateKey(pointer) : entry.locate(pointer);
  return makeDiagnostic(at, { ...finding, path: pointer, resource: { kind: entry.kind, name: entry.name } });
}
