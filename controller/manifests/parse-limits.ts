/** Limits that protect the parser from hostile input. */
export interface ParseLimits {
  /** Deepest allowed nesting of mappings and sequences. */
  maxDepth: number;
  /** Most alias expansions allowed per document (see the `yaml` package's `maxAliasCount`). */
  maxAliasCount: number;
  /** Most documents (`---` markers) allowed in one file. */
  maxDocuments: number;
}

/** Default parse limits: generous for real manifests, far below what exhausts the stack or memory. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxAliasCount: 100, maxDocuments: 10_000 };
