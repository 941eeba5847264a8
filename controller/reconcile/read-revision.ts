import { relative, sep } from 'node:path';

/** Revision reported for a directory that is not inside a git repository (or has no commit yet). */
export const LOCAL_REVISION = 'local';

/** Suffix of the revision when manifest files differ from the HEAD commit. */
export const DIRTY_SUFFIX = '-dirty';

/** Manifest files, whose changes make a working tree dirty. */
const MANIFEST_FILE = /\.ya?ml$/i;

/**
 * The source revision of a manifests directory: the HEAD commit of the git repository holding it;
 * `<sha>-dirty` when a `.yaml`/`.yml` file under `dir` is modified, staged or untracked (ignored files
 * do not count); `local` when `dir` is not in a git repository or HEAD has no commit.
 */
export async function readRevision(args: { dir: string; fs?: unknown }): Promise<string> {
  const git = await import('isomorphic-git');
  const fs = (args.fs ?? (await import('node:fs'))) as Parameters<typeof git.resolveRef>[0]['fs'];
  let root: string;
  let sha: string;
  try {
    root = await git.findRoot({ fs, filepath: args.dir });
    sha = await git.resolveRef({ fs, dir: root, ref: 'HEAD' });
  } catch {
    return LOCAL_REVISION;
  }
  const prefix = relative(root, args.dir).split(sep).join('/');
  const under = (file: string) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`);
  try {
    const rows = await git.statusMatrix({ fs, dir: root, filter: (file) => under(file) && MANIFEST_FILE.test(file) });
    const clean = rows.every(([, head, workdir, stage]) => head === 1 && workdir === 1 && stage === 1);
    return clean ? sha : `${sha}${DIRTY_SUFFIX}`;
  } catch {
    return sha;
  }
}
