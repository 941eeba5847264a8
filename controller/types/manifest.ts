/**
 * Manifests: validated documents with their source positions, and the parsed documents they come from.
 */
import type { Diagnostic, SourcePosition } from './diagnostic.js';
import type { Resource } from './resources.js';

/** Finds the source position of a JSON pointer inside one document (nearest existing ancestor). */
export type Locate = (pointer: string) => SourcePosition;

/** A validated gitvirt document (defaults not yet applied) and where it came from. */
export interface Manifest<R extends Resource = Resource> {
  /** The document as written. */
  resource: R;
  /** Where the document starts; `index` is the document number in its file, from 0. */
  source: SourcePosition & { index: number };
  /** Nearest node position for a JSON pointer (the value of a member, or the container when absent). */
  locate: Locate;
}

/** One YAML document whose top level is a mapping, converted to plain JS, with position lookups. */
export interface ParsedDocument {
  /** The document as plain JS data. */
  value: Record<string, unknown>;
  /** Where the document starts; `index` is the document number in its file, from 0. */
  source: SourcePosition & { index: number };
  /** Position of the value a JSON pointer names, or of its nearest existing ancestor. */
  locate: Locate;
  /** Position of the key (or sequence item) a JSON pointer names, or of its nearest existing ancestor. */
  locateKey: Locate;
}

/** The outcome of loading and validating a repository of manifests. */
export interface ValidationResult {
  /** Documents that passed validation, in file and document order. */
  manifests: Manifest[];
  /** Errors and warnings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Informational findings, e.g. documents of another apiVersion that were skipped. */
  notices: Diagnostic[];
  /** What was read. */
  stats: { files: number; documents: number };
}
