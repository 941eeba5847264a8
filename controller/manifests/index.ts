/**
 * Manifests: from YAML files in a repository to validated resources and a precise list of
 * diagnostics (file, line, column, JSON path, hint). Parsing and validation are pure; `readRepo`
 * gathers the files through an injected file system, then calls them.
 */
export { parseDocuments, DEFAULT_PARSE_LIMITS } from './parse-documents.js';
export type { ParseLimits } from './parse-documents.js';
export { validateDocuments } from './validate-documents.js';
export { validateSources, isValid } from './validate-sources.js';
export type { ManifestSource } from './validate-sources.js';
export { readRepo, DEFAULT_MAX_FILE_BYTES } from './read-repo.js';
export type { RepoFs, RepoStats } from './repo-fs.js';
export { listManifestFiles, IGNORE_FILE } from './list-manifest-files.js';
export type { ManifestFile } from './list-manifest-files.js';
export { createIgnoreMatcher } from './create-ignore-matcher.js';
export type { IgnoreMatcher } from './create-ignore-matcher.js';
export { decodeText } from './decode-text.js';
export { createLocator, joinPointer, pointerSegments } from './create-locator.js';
export { runSemanticChecks, SEMANTIC_CHECKS, CPU_OVERCOMMIT_RATIO, MAX_NAME_LENGTH, memberName } from './checks/index.js';
export type { Entry, SemanticCheck, SemanticContext } from './checks/index.js';
export type { Manifest, ParsedDocument, ValidationResult } from '../types/manifest.js';
