import type { Diagnostic } from '../types/diagnostic.js';
import type { ValidationResult } from '../types/manifest.js';
import { decodeText } from './decode-text.js';
import { listManifestFiles } from './list-manifest-files.js';
import { makeDiagnostic } from './make-diagnostic.js';
import type { ParseLimits } from './parse-documents.js';
import type { RepoFs } from './repo-fs.js';
import { validateSources } from './validate-sources.js';
import type { ManifestSource } from './validate-sources.js';

/** Largest manifest file read by default: 4 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads every manifest file of a repository directory, then validates them all (`validateSources`).
 * I/O goes through `fs` (default: `node:fs/promises`, loaded only when called). Bad input never throws.
 */
export async function readRepo(options: {
  dir: string;
  fs?: RepoFs;
  maxFileBytes?: number;
  limits?: Partial<ParseLimits>;
}): Promise<ValidationResult> {
  const fs = options.fs ?? ((await import('node:fs/promises')) as unknown as RepoFs);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listed = await listManifestFiles({ dir: options.dir, fs });
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const sources: ManifestSource[] = [];
  for (const { file, absolute, size } of listed.files) {
    const error = (line: number, code: string, message: string, hint: string) =>
      diagnostics.push(makeDiagnostic({ file, line, column: 1 }, { severity: 'error', code, message, hint }));
    if (size > maxFileBytes) {
      error(1, 'file-too-large', `file is ${size} bytes, more than the limit of ${maxFileBytes}`,
        'split it into smaller files, or list it in .gitvirtignore if it is not a manifest');
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(absolute);
    } catch (err) {
      error(1, 'unreadable', `cannot read file: ${(err as { code?: string }).code ?? String(err)}`, 'check that gitvirt may read it');
      continue;
    }
    if (bytes.length > maxFileBytes) {
      error(1, 'file-too-large', `file is ${bytes.length} bytes, more than the limit of ${maxFileBytes}`, 'split it into smaller files');
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      error(decoded.line, 'binary-file', `file is not UTF-8 text (${decoded.reason === 'nul-byte' ? 'contains a NUL byte' : 'invalid UTF-8'})`,
        'manifests must be UTF-8 YAML; remove the file or list it in .gitvirtignore');
      continue;
    }
    sources.push({ file, text: decoded.text });
  }
  return validateSources({
    sources,
    diagnostics,
    files: listed.files.length,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
}
