import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SourceFs } from './materialize-commit.js';

/** Files whose content makes up the manifests. */
export const MANIFEST_FILE = /\.ya?ml$/i;

/** True for a hidden file or folder name (`.git` included), which sources never read or watch. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

async function collect(fs: SourceFs, root: string, rel: string, out: string[]): Promise<void> {
  const entries = await fs.promises.readdir(join(root, rel), { withFileTypes: true });
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) await collect(fs, root, path, out);
    else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) out.push(path);
  }
}

/** SHA-256 over the paths and contents of every `.yaml`/`.yml` file under `dir` (hidden folders skipped). */
export async function manifestHash(args: { fs: SourceFs; dir: string }): Promise<string> {
  const files: string[] = [];
  await collect(args.fs, args.dir, '', files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const content = await args.fs.promises.readFile(join(args.dir, file));
    hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return hash.digest('hex');
}
