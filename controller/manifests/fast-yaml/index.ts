/**
 * Fast YAML: an exact reader for the plain YAML subset manifests are written in, many times faster
 * than the general parser; it declines anything outside the subset so that the caller uses the
 * `yaml` package (and its diagnostics) for it.
 */
export { fastParse } from './fast-parse.js';
export type { FastDocument, FastParseResult } from './fast-parse.js';
export { resolvePlain } from './resolve-plain.js';
