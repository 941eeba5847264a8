import { join, sep } from 'node:path';
import type { Diagnostic } from '../types/diagnostic.js';
import { createIgnoreMatcher } from './create-ignore-matcher.js';
import type { IgnoreMatcher } from './create-ignore-matcher.js';
import { makeDiagnostic } from './make-diagnostic.js';
import type { RepoFs } from './repo-fs.js';

/** A manifest file found in the repository. */
export interface ManifestFile {
  /** POSIX path relative to the repository root. */
  file: string;
  /** Absolute path to read. */
  absolute: string;
  /** Size in bytes from `stat`. */
  size: number;
}

/** Name of the ignore file at the repository root. */
export const IGNORE_FILE = '.gitvirtignore';

const MANIFEST_NAME = /\.ya?ml$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const IGNORE_FILE_MAX_BYTES = 1024 * 1024;

/**
 * Lists `*.yaml`/`*.yml` files under `dir`, sorted, skipping hidden entries, paths matched by
 * `.gitvirtignore`, and symbolic links that leave the repository or loop.
 */
export async function listManifestFiles(options: {
  dir: string;
  fs: RepoFs;
}): Promise<{ files: ManifestFile[]; diagnostics: Diagnostic[] }> {
  const { fs } = options;
  const diagnostics: Diagnostic[] = [];
  const unreadable = (file: string, what: string, err: unknown) =>
    diagnostics.push(makeDiagnostic({ file, line: 1, column: 1 }, {
      severity: 'error',
      code: 'unreadable',
      message: `cannot read ${what}: ${(err as { code?: string }).code ?? String(err)}`,
      hint: 'check that the path exists and that gitvirt may read it',
    }));
  let root: string;
  try {
    root = await fs.realpath(options.dir);
  } catch (err) {
    unreadable('.', `repository directory ${JSON.stringify(options.dir)}`, err);
    return { files: [], diagnostics };
  }
  const ignore = await readIgnore(fs, root, diagnostics);
  const inside = (real: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
  const seenDirs = new Set<string>([root]);
  const seenFiles = new Set<string>();
  const files: ManifestFile[] = [];
  const stack: { rel: string; real: string }[] = [{ rel: '', real: root }];

  while (stack.length > 0) {
    const { rel: dirRel, real: dirReal } = stack.pop() as { rel: string; real: string };
    let names: string[];
    try {
      names = (await fs.readdir(dirReal)).sort();
    } catch (err) {
      unreadable(dirRel === '' ? '.' : dirRel, 'folder', err);
      continue;
    }
    const subdirs: { rel: string; real: string }[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const rel = dirRel === '' ? name : `${dirRel}/${name}`;
      if (CONTROL.test(name)) {
        diagnostics.push(makeDiagnostic({ file: rel.replace(CONTROL_ALL, '?'), line: 1, column: 1 }, {
          severity: 'warning',
          code: 'unsafe-file-name',
          message: 'file name contains control characters; skipped',
          hint: 'rename the file without newlines or other control characters',
        }));
        continue;
      }
      const absolute = join(dirReal, name);
      let info;
      try {
        info = await fs.lstat(absolute);
      } catch (err) {
        unreadable(rel, 'entry', err);
        continue;
      }
      let real = absolute;
      if (info.isSymbolicLink()) {
        const target = await followLink(fs, absolute);
        if (target === undefined || !inside(target.real)) {
          diagnostics.push(makeDiagnostic({ file: rel, line: 1, column: 1 }, {
            severity: 'warning',
            code: 'symlink-skipped',
            message: target === undefined ? 'symbolic link is broken; not followed' : 'symbolic link points outside the repository; not followed',
            hint: 'replace the link with the file itself, or point it at a file inside the repository',
          }));
          continue;
        }
        ({ real, info } = target);
      }
      if (info.isDirectory()) {
        if (seenDirs.has(real) || ignore.ignores(rel, true)) continue;
        seenDirs.add(real);
        subdirs.push({ rel, real });
      } else if (info.isFile() && MANIFEST_NAME.test(name) && !ignore.ignores(rel, false) && !seenFiles.has(real)) {
        seenFiles.add(real);
        files.push({ file: rel, absolute: real, size: info.size });
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as { rel: string; real: string });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, diagnostics };
}

async function followLink(fs: RepoFs, path: string) {
  try {
    const real = await fs.realpath(path);
    return { real, info: await fs.stat(real) };
  } catch {
    return undefined;
  }
}

async function readIgnore(fs: RepoFs, root: string, diagnostics: Diagnostic[]): Promise<IgnoreMatcher> {
  const path = join(root, IGNORE_FILE);
  let text = '';
  try {
    const info = await fs.lstat(path);
    if (!info.isFile() || info.size > IGNORE_FILE_MAX_BYTES) {
      diagnostics.push(makeDiagnostic({ file: IGNORE_FILE, line: 1, column: 1 }, {
        severity: 'warning',
        code: 'ignore-file-unreadable',
        message: `${IGNORE_FILE} is not a regular file of at most ${IGNORE_FILE_MAX_BYTES} bytes; it is not used`,
        hint: `make ${IGNORE_FILE} a small text file with one pattern per line`,
      }));
    } else {
      text = new TextDecoder().decode(await fs.readFile(path));
    }
  } catch {
    text = '';
  }
  const matcher = createIgnoreMatcher(text);
  for (const line of matcher.invalidLines) {
    diagnostics.push(makeDiagnostic({ file: IGNORE_FILE, line, column: 1 }, {
      severity: 'warning',
      code: 'ignore-pattern-invalid',
      message: 'pattern cannot be understood; the line is skipped',
      hint: 'check character classes such as `[a-z]` in the pattern',
    }));
  }
  return matcher;
}
