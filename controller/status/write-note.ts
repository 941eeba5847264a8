/** writeNote and readNote: the gitvirt note of a source commit under `refs/notes/gitvirt`, pushed with retry. */
import git, { type TreeEntry } from 'isomorphic-git';
import { commitAndPush, type CommitAndPushResult } from './commit-and-push.js';
import { mergeNote, NOTES_REF, parseNote, type GitvirtNote, type NoteEntry } from './note.js';
import { shortRevision } from './one-line.js';
import { openStatusRepo, writeCommitObject, type GitAuthor, type StatusFs, type StatusRemote, type StatusRepo } from './status-git.js';
import { DEFAULT_STATUS_AUTHOR } from './write-status.js';

/** A full commit id: only commits get notes (not `local` or `<sha>-dirty` revisions). */
const COMMIT_ID = /^[0-9a-f]{40}$/;

async function readTreeEntries(repo: StatusRepo, oid: string, filepath?: string): Promise<TreeEntry[]> {
  try {
    return (await git.readTree({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache, ...(filepath === undefined ? {} : { filepath }) })).tree;
  } catch {
    return [];
  }
}

/** The note text of `revision` in a notes commit (flat, or in git's two-character fan-out), or null. */
export async function noteTextAt(repo: StatusRepo, notesCommit: string, revision: string): Promise<string | null> {
  const flat = (await readTreeEntries(repo, notesCommit)).find((e) => e.path === revision && e.type === 'blob');
  const fanned = flat ?? (await readTreeEntries(repo, notesCommit, revision.slice(0, 2))).find((e) => e.path === revision.slice(2) && e.type === 'blob');
  if (fanned === undefined) return null;
  const { blob } = await git.readBlob({ fs: repo.fs, gitdir: repo.gitdir, oid: fanned.oid, cache: repo.cache });
  return Buffer.from(blob).toString('utf8');
}

/** The notes tree of `base` with the note of `revision` set to `text` (any fanned-out copy removed). */
async function treeWithNote(repo: StatusRepo, base: string | null, revision: string, text: string): Promise<string> {
  const entries = base === null ? [] : await readTreeEntries(repo, base);
  const fan = revision.slice(0, 2);
  const kept: TreeEntry[] = [];
  for (const entry of entries) {
    if (entry.path === revision) continue;
    if (entry.path === fan && entry.type === 'tree') {
      const inner = (await readTreeEntries(repo, entry.oid)).filter((e) => e.path !== revision.slice(2));
      if (inner.length > 0) kept.push({ ...entry, oid: await git.writeTree({ fs: repo.fs, gitdir: repo.gitdir, tree: inner }) });
      continue;
    }
    kept.push(entry);
  }
  const oid = await git.writeBlob({ fs: repo.fs, gitdir: repo.gitdir, blob: Buffer.from(text, 'utf8') });
  kept.push({ mode: '100644', path: revision, oid, type: 'blob' });
  const key = (e: TreeEntry) => Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path);
  return git.writeTree({ fs: repo.fs, gitdir: repo.gitdir, tree: kept.sort((a, b) => Buffer.compare(key(a), key(b))) });
}

/** Arguments of writeNote. */
export interface WriteNoteArgs {
  /** A local clone holding (or able to hold) the notes ref. */
  repoDir: string;
  /** Where to push `refs/notes/gitvirt`; without it only the local ref moves. */
  remote: StatusRemote | undefined;
  /** The reconciled source commit. */
  revision: string;
  /** This apply, from buildNoteEntry. */
  note: NoteEntry;
  author?: GitAuthor;
  now?: Date;
  maxAttempts?: number;
  fs?: StatusFs;
}

/** What writeNote did; `skipped` when the revision is not a commit id. */
export type WriteNoteResult = CommitAndPushResult | { skipped: 'not-a-commit' };

/**
 * Appends this apply to the note of the source commit under `refs/notes/gitvirt` and pushes the
 * notes ref without force. Writes nothing when the apply changed nothing and repeats the last one.
 * When the remote notes ref moved, the note is re-added on top of the fetched ref (other commits'
 * notes kept) and pushed again.
 */
export async function writeNote(args: WriteNoteArgs): Promise<WriteNoteResult> {
  if (!COMMIT_ID.test(args.revision)) return { skipped: 'not-a-commit' };
  const repo = openStatusRepo({ repoDir: args.repoDir, ...(args.fs === undefined ? {} : { fs: args.fs }) });
  return commitAndPush({
    repo, remote: args.remote, ref: NOTES_REF, ...(args.maxAttempts === undefined ? {} : { maxAttempts: args.maxAttempts }),
    async build(base) {
      const existing = base === null ? null : await noteTextAt(repo, base, args.revision);
      const text = mergeNote(existing, args.revision, args.note);
      if (text === null) return null;
      const tree = await treeWithNote(repo, base, args.revision, text);
      const failed = Object.values(args.note.hosts).filter((h) => h.result !== 'ok').length;
      const changed = args.note.changes.filter((c) => c.result !== 'failed').length;
      const message = `note: ${shortRevision(args.revision)} applied: ${changed} changed, ${failed} host${failed === 1 ? '' : 's'} not ok\n`;
      return writeCommitObject(repo, { tree, parent: base, message, author: args.author ?? DEFAULT_STATUS_AUTHOR, when: args.now ?? new Date() });
    },
  });
}

/** The gitvirt note of a commit from a local repository's notes ref, or undefined when it has none. */
export async function readNote(args: { repoDir: string; revision: string; ref?: string; fs?: StatusFs }): Promise<GitvirtNote | undefined> {
  const repo = openStatusRepo({ repoDir: args.repoDir, ...(args.fs === undefined ? {} : { fs: args.fs }) });
  return readNoteIn(repo, args.revision, args.ref ?? NOTES_REF);
}

/** The gitvirt note of a commit in an open repository. */
export async function readNoteIn(repo: StatusRepo, revision: string, ref = NOTES_REF): Promise<GitvirtNote | undefined> {
  let notesCommit: string;
  try {
    notesCommit = await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref });
  } catch {
    return undefined;
  }
  const text = await noteTextAt(repo, notesCommit, revision);
  return text === null ? undefined : parseNote(text);
}
