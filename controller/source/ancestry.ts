import { join } from 'node:path';
import git from 'isomorphic-git';
import type { SourceFs } from './materialize-commit.js';

/** Whether one commit descends from another; `unknown` when a shallow or missing history hides the answer. */
export type Ancestry = 'descendant' | 'not-descendant' | 'unknown';

/** Most commits walked before giving up with `unknown`. */
const MAX_WALK = 200_000;

async function shallowCommits(fs: SourceFs, gitdir: string): Promise<Set<string>> {
  const text = await fs.promises.readFile(join(gitdir, 'shallow'), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((line) => line !== ''));
}

/** Walks the history of `oid` (breadth first) looking for `ancestor`. A commit is its own descendant. */
export async function ancestry(args: { fs: SourceFs; gitdir: string; oid: string; ancestor: string; cache?: object }): Promise<Ancestry> {
  const { fs, gitdir, oid, ancestor } = args;
  if (oid === ancestor) return 'descendant';
  const cache = args.cache ?? {};
  const shallow = await shallowCommits(fs, gitdir);
  const queue = [oid];
  const seen = new Set(queue);
  let truncated = false;
  for (let i = 0; i < queue.length; i++) {
    if (i >= MAX_WALK) return 'unknown';
    const current = queue[i] as string;
    if (shallow.has(current)) {
      truncated = true;
      continue;
    }
    let parents: string[];
    try {
      parents = (await git.readCommit({ fs, gitdir, cache, oid: current })).commit.parent;
    } catch {
      truncated = true;
      continue;
    }
    for (const parent of parents) {
      if (parent === ancestor) return 'descendant';
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return truncated ? 'unknown' : 'not-descendant';
}
