import { randomBytes } from 'node:crypto';
import type * as NodeFs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { SourceCheckoutFailedError } from './errors.js';

/** The file system used by a source (node:fs or a compatible implementation). */
export type SourceFs = typeof NodeFs;

/** Tree entry modes and what a checkout does with them; symlinks and submodules are not checked out. */
const MODE_ACTION: Record<string, 'file' | 'executable' | 'tree' | 'skip'> = {
  '100644': 'file',
  '100755': 'executable',
  '040000': 'tree',
  '40000': 'tree',
  '120000': 'skip',
  '160000': 'skip',
};

/** An entry name safe to create inside the checkout. */
function safeName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && name.toLowerCase() !== '.git';
}

async function writeTree(args: { fs: SourceFs; gitdir: string; cache: object; oid: string; into: string }): Promise<void> {
  const { fs, gitdir, cache, into } = args;
  const { tree } = await git.readTree({ fs, gitdir, cache, oid: args.oid });
  for (const entry of tree) {
    const action = MODE_ACTION[entry.mode] ?? 'skip';
    if (action === 'skip' || !safeName(entry.path)) continue;
    const path = join(into, entry.path);
    if (action === 'tree') {
      await fs.promises.mkdir(path);
      await writeTree({ ...args, oid: entry.oid, into: path });
      continue;
    }
    const { blob } = await git.readBlob({ fs, gitdir, cache, oid: entry.oid });
    await fs.promises.writeFile(path, blob, { mode: action === 'executable' ? 0o755 : 0o644, flag: 'wx' });
  }
}

/**
 * Writes the files of commit `oid` into `dest`, atomically: into a temporary sibling first, renamed
 * into place when complete. An existing `dest` is taken as that commit's complete checkout.
 */
export async function materializeCommit(args: { fs: SourceFs; gitdir: string; oid: string; dest: string; cache?: object }): Promise<void> {
  const { fs, gitdir, oid, dest } = args;
  if (await fs.promises.stat(dest).then(() => true, () => false)) return;
  const tmp = `${dest}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const { commit } = await git.readCommit({ fs, gitdir, oid, ...(args.cache === undefined ? {} : { cache: args.cache }) });
    await fs.promises.mkdir(tmp, { recursive: true });
    await writeTree({ fs, gitdir, cache: args.cache ?? {}, oid: commit.tree, into: tmp });
    await fs.promises.rename(tmp, dest);
  } catch (err) {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    if (await fs.promises.stat(dest).then(() => true, () => false)) return;
    throw new SourceCheckoutFailedError({ revision: oid, reason: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}

/** Removes every checkout under `root` except the names in `keep` (and leftovers of interrupted checkouts). */
export async function pruneCheckouts(args: { fs: SourceFs; root: string; keep: readonly string[] }): Promise<void> {
  const names = await args.fs.promises.readdir(args.root).catch(() => [] as string[]);
  for (const name of names) {
    if (args.keep.includes(name)) continue;
    await args.fs.promises.rm(join(args.root, name), { recursive: true, force: true });
  }
}
