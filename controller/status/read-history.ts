/** readHistory: the status commits that changed one resource's file, with the source commit and its note. */
import git from 'isomorphic-git';
import { parse } from 'yaml';
import type { GitIdentity } from '../source/index.js';
import type { GitvirtNote, NoteEntry } from './note.js';
import { resourcePath } from './status-paths.js';
import { blobAt, type StatusRepo } from './status-git.js';
import type { Condition, ResourceStatusDoc, StatusKind } from './status-types.js';
import { revisionOfMessage } from './summarize-status.js';
import { readNoteIn } from './write-note.js';

/** One change of a resource's status. */
export interface HistoryEntry {
  /** The status commit. */
  commit: string;
  /** Its time, ISO 8601. */
  time: string;
  change: 'added' | 'changed' | 'removed';
  /** Source revision from the commit's trailer. */
  revision?: string;
  /** The Ready condition the file then held (absent when removed). */
  ready?: Pick<Condition, 'status' | 'reason' | 'message'>;
  host?: string;
  /** The source commit, when the repository holds it: who changed what. */
  source?: { author: GitIdentity; subject: string };
  /** The applies of that source commit (from its note) that touched this resource or its hosts. */
  applies?: NoteEntry[];
}

/** Most status commits walked when looking for changes of one file. */
export const MAX_HISTORY_SCAN = 5000;

async function readDoc(repo: StatusRepo, blob: string): Promise<ResourceStatusDoc | undefined> {
  try {
    const { blob: bytes } = await git.readBlob({ fs: repo.fs, gitdir: repo.gitdir, oid: blob, cache: repo.cache });
    const doc = parse(Buffer.from(bytes).toString('utf8'), { maxAliasCount: 0 }) as ResourceStatusDoc | null;
    return doc !== null && typeof doc === 'object' && typeof doc.status === 'object' && doc.status !== null ? doc : undefined;
  } catch {
    return undefined;
  }
}

async function sourceCommit(repo: StatusRepo, revision: string): Promise<HistoryEntry['source']> {
  if (!/^[0-9a-f]{40}$/.test(revision)) return undefined;
  try {
    const { commit } = await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid: revision, cache: repo.cache });
    const date = new Date(commit.author.timestamp * 1000).toISOString();
    return { author: { name: commit.author.name, email: commit.author.email, date }, subject: commit.message.split('\n', 1)[0] ?? '' };
  } catch {
    return undefined;
  }
}

/** The applies of a note that concern a resource: its changes only, and only applies that touched it or its hosts. */
function relevantApplies(note: GitvirtNote | undefined, kind: StatusKind, name: string, hosts: readonly string[]): NoteEntry[] | undefined {
  if (note === undefined) return undefined;
  const key = `${kind}/${name}`;
  const mine = (c: NoteEntry['changes'][number]) => c.object === key || (kind === 'Cluster' && c.cluster === name) || (kind === 'Host' && c.host === name);
  return note.applies.map((apply) => ({
    ...apply,
    changes: apply.changes.filter(mine),
    hosts: Object.fromEntries(Object.entries(apply.hosts).filter(([host]) => hosts.length === 0 || hosts.includes(host))),
  }));
}

/**
 * The status commits (newest first, at most `limit`) that added, changed or removed
 * `status/<kind>/<name>.yaml`, each with the Ready condition then, the source commit's author and
 * subject when the repository holds it, and the note of that source commit. Walks first parents.
 */
export async function readHistory(args: { repo: StatusRepo; statusCommit: string; kind: StatusKind; name: string; limit?: number }): Promise<HistoryEntry[]> {
  const { repo } = args;
  const path = resourcePath(args.kind, args.name);
  const limit = args.limit ?? 20;
  const entries: HistoryEntry[] = [];
  let oid: string | undefined = args.statusCommit;
  for (let scanned = 0; oid !== undefined && scanned < MAX_HISTORY_SCAN && entries.length < limit; scanned += 1) {
    const { commit } = await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    const parent = commit.parent[0];
    const now = await blobAt(repo, oid, path);
    const before = parent === undefined ? null : await blobAt(repo, parent, path);
    if (now !== before) {
      const doc = now === null ? undefined : await readDoc(repo, now);
      const ready = doc?.status.conditions?.find((c) => c.type === 'Ready');
      const revision = revisionOfMessage(commit.message) ?? doc?.status.observedRevision;
      const hosts = doc?.status.host !== undefined ? [doc.status.host] : (doc?.status.hosts ?? (args.kind === 'Host' ? [args.name] : []));
      const source = revision === undefined ? undefined : await sourceCommit(repo, revision);
      const applies = revision === undefined ? undefined : relevantApplies(await readNoteIn(repo, revision), args.kind, args.name, hosts);
      entries.push({
        commit: oid,
        time: new Date(commit.committer.timestamp * 1000).toISOString(),
        change: now === null ? 'removed' : before === null ? 'added' : 'changed',
        ...(revision === undefined ? {} : { revision }),
        ...(ready === undefined ? {} : { ready: { status: ready.status, reason: ready.reason, message: ready.message } }),
        ...(doc?.status.host === undefined ? {} : { host: doc.status.host }),
        ...(source === undefined ? {} : { source }),
        ...(applies === undefined ? {} : { applies }),
      });
    }
    oid = parent;
  }
  return entries;
}
