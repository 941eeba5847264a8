import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { Resource } from '../../controller/types/resources.js';

const run = promisify(execFile);

/** Folder of each kind in the repository. */
const FOLDER: Readonly<Record<Resource['kind'], string>> = {
  Host: 'hosts', Network: 'networks', Image: 'images', VirtualMachine: 'vms', Cluster: 'clusters',
};

/** Runs git in the repository, quietly, with a fixed identity. */
async function git(dir: string, args: readonly string[]): Promise<void> {
  await run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@gitvirt.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
}

/**
 * Writes the resources as a git repository of manifests (one file per resource, as a team keeps
 * them) and commits; later calls replace the files and commit the change, like a merged change.
 */
export async function writeFleetRepo(dir: string, resources: readonly Resource[], message: string): Promise<void> {
  const fresh = !(await import('node:fs')).existsSync(join(dir, '.git'));
  if (fresh) {
    await mkdir(dir, { recursive: true });
    await git(dir, ['init', '-q', '-b', 'main']);
  }
  for (const folder of Object.values(FOLDER)) await rm(join(dir, folder), { recursive: true, force: true });
  for (const r of resources) {
    const folder = join(dir, FOLDER[r.kind]);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${r.metadata.name}.yaml`), stringify(r));
  }
  await git(dir, ['add', '-A', '.']);
  await git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
}
