import { relative, sep } from 'node:path';
import git from 'isomorphic-git';
import { isHidden, MANIFEST_FILE } from './manifest-hash.js';
import type { SourceFs } from './materialize-commit.js';

/** The git state of a local directory: its repository root, HEAD commit and ref, and whether its manifests match HEAD. */
export interface LocalHead {
  root: string;
  sha: string;
  /** `refs/heads/<branch>`, or `HEAD` when detached. */
  ref: string;
  /** No `.yaml`/`.yml` file under the directory is modified, staged, deleted or untracked (ignored files and hidden folders do not count). */
  clean: boolean;
}

/** Reads the HEAD of the repository holding `dir`; null when `dir` is in no repository or HEAD has no commit. */
export async function readLocalHead(args: { fs: SourceFs; dir: string }): Promise<LocalHead | null> {
  const { fs, dir } = args;
  let root: string;
  let sha: string;
  try {
    root = await git.findRoot({ fs, filepath: dir });
    sha = await git.resolveRef({ fs, dir: root, ref: 'HEAD' });
  } catch {
    return null;
  }
  const branch = await git.currentBranch({ fs, dir: root, fullname: true }).catch(() => undefined);
  const prefix = relative(root, dir).split(sep).join('/');
  const under = (file: string): boolean => (prefix === '' || file.startsWith(`${prefix}/`)) && !file.split('/').some(isHidden);
  const rows = await git.statusMatrix({ fs, dir: root, filter: (file) => under(file) && MANIFEST_FILE.test(file) });
  const clean = rows.every(([, head, workdir, stage]) => head === 1 && workdir === 1 && stage === 1);
  return { root, sha, ref: typeof branch === 'string' ? branch : 'HEAD', clean };
}
