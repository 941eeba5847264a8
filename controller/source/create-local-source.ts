import * as nodeFs from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { readCommitInfo } from './commit-info.js';
import { InvalidSourceConfigError, SourceReadFailedError } from './errors.js';
import { readLocalHead, type LocalHead } from './local-head.js';
import { isHidden, manifestHash } from './manifest-hash.js';
import type { SourceFs } from './materialize-commit.js';
import type { SourceRevision } from './source-revision.js';

/** Options of LocalSource.watch. */
export interface WatchOptions {
  /** Called once per burst of changes, with the changed paths (relative, POSIX, sorted). */
  onChange(paths: string[]): void;
  /** Quiet time that ends a burst (default 300 ms). */
  debounceMs?: number;
  /** Called when the watcher fails (e.g. too many watched files). */
  onError?(error: unknown): void;
}

/** A local directory of manifests, for development. */
export interface LocalSource {
  readonly dir: string;
  /**
   * Reads the directory's revision: the HEAD commit when the manifests match it,
   * `<sha>-dirty-<hash12>` when they differ, `local-<hash12>` outside a git repository
   * (hash: SHA-256 of the `.yaml`/`.yml` files' paths and contents).
   */
  sync(options?: { signal?: AbortSignal }): Promise<SourceRevision>;
  lastGood(): SourceRevision | null;
  /** Watches the directory (hidden files and folders, `.git` included, ignored); resolves with a stop function once watching. */
  watch(options: WatchOptions): Promise<() => Promise<void>>;
}

/** Default quiet time before a burst of file changes is reported. */
export const DEFAULT_DEBOUNCE_MS = 300;

async function revisionOf(fs: SourceFs, dir: string): Promise<Omit<SourceRevision, 'changed' | 'forced'>> {
  const [hash, head] = await Promise.all([manifestHash({ fs, dir }), readLocalHead({ fs, dir })]);
  const short = hash.slice(0, 12);
  if (head === null) {
    return { revision: `local-${short}`, ref: '', dir, gitdir: null, author: null, committer: null, message: '', timestamp: null };
  }
  if (!head.clean) {
    return { revision: `${head.sha}-dirty-${short}`, ref: head.ref, dir, gitdir: null, author: null, committer: null, message: '', timestamp: null };
  }
  return commitRevision(fs, dir, head);
}

async function commitRevision(fs: SourceFs, dir: string, head: LocalHead): Promise<Omit<SourceRevision, 'changed' | 'forced'>> {
  const gitdir = join(head.root, '.git');
  const info = await readCommitInfo({ fs, gitdir, oid: head.sha });
  return { revision: head.sha, ref: head.ref, dir, gitdir, author: info.author, committer: info.committer, message: info.message, timestamp: info.timestamp };
}

/** A directory read in place: its revision on demand, and a debounced watcher for changes. */
export function createLocalSource(args: { dir: string; fs?: SourceFs }): LocalSource {
  const { dir } = args;
  if (typeof dir !== 'string' || !isAbsolute(dir)) throw new InvalidSourceConfigError({ field: 'dir', reason: 'must be an absolute path' });
  const fs = args.fs ?? nodeFs;
  let last: SourceRevision | null = null;

  return {
    dir,
    async sync(options = {}) {
      options.signal?.throwIfAborted();
      let read: Omit<SourceRevision, 'changed' | 'forced'>;
      try {
        read = await revisionOf(fs, dir);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        throw new SourceReadFailedError({ dir, reason: code === 'ENOENT' ? 'no such directory' : err instanceof Error ? err.message : String(err) }, { cause: err });
      }
      last = { ...read, changed: last === null || last.revision !== read.revision, forced: false };
      return last;
    },
    lastGood: () => last,
    async watch(options) {
      const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
      const changed = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      const ignored = (path: string): boolean => {
        const rel = relative(dir, path);
        return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && rel.split(sep).some(isHidden);
      };
      const watcher = chokidarWatch(dir, { ignored, ignoreInitial: true, persistent: true });
      const flush = (): void => {
        timer = undefined;
        const paths = [...changed].sort();
        changed.clear();
        options.onChange(paths);
      };
      watcher.on('all', (_event, path) => {
        changed.add(relative(dir, path).split(sep).join('/'));
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      watcher.on('error', (err) => options.onError?.(err));
      await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
      return async () => {
        clearTimeout(timer);
        await watcher.close();
      };
    },
  };
}
