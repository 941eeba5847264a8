/** Reads and validates the manifests on a branch of a bare repository (no work tree needed). */
import { validateSources } from '../../controller/manifests/index.js';
import type { ValidationResult } from '../../controller/types/manifest.js';
import { runGit } from '../../test/testbed/git-repo.js';

/** The `.yaml`/`.yml` files on `branch` of the bare repository `gitDir`, validated. */
export async function readBranchManifests(args: { gitDir: string; branch: string }): Promise<ValidationResult> {
  const ref = `refs/heads/${args.branch}`;
  const listing = await runGit(args.gitDir, ['ls-tree', '-r', '-z', '--name-only', ref]);
  const files = listing.split('\0').filter((path) => /\.ya?ml$/i.test(path) && !path.split('/').some((part) => part.startsWith('.')));
  const sources = [];
  for (const file of files) sources.push({ file, text: await runGit(args.gitDir, ['cat-file', 'blob', `${ref}:${file}`]) });
  return validateSources({ sources });
}
