import git, { type CommitObject } from 'isomorphic-git';
import { splitCommitSignature } from './commit-signature.js';
import { SourceCheckoutFailedError } from './errors.js';
import type { SourceFs } from './materialize-commit.js';
import type { GitIdentity } from './source-revision.js';

/** The metadata of a commit a SourceRevision carries. */
export interface CommitInfo {
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
  timestamp: string;
  /** The bytes git signed (the commit object without its signature headers), and the armored signature. */
  payload: Buffer;
  signature: string | null;
}

function identity(person: CommitObject['author']): GitIdentity {
  return { name: person.name, email: person.email, date: new Date(person.timestamp * 1000).toISOString() };
}

/** Reads a commit's author, committer, message, time and signature. */
export async function readCommitInfo(args: { fs: SourceFs; gitdir: string; oid: string; cache?: object }): Promise<CommitInfo> {
  const cache = args.cache ?? {};
  const { commit } = await git.readCommit({ fs: args.fs, gitdir: args.gitdir, oid: args.oid, cache });
  const { object } = await git.readObject({ fs: args.fs, gitdir: args.gitdir, oid: args.oid, cache, format: 'content' });
  const { payload, signature } = splitCommitSignature(Buffer.from(object as Uint8Array).toString('latin1'));
  const committer = identity(commit.committer);
  return {
    author: identity(commit.author),
    committer,
    message: commit.message,
    timestamp: committer.date,
    payload: Buffer.from(payload, 'latin1'),
    signature,
  };
}

/** Most tag objects followed before a tag is called circular. */
const MAX_PEEL = 10;

/** Follows annotated tags until a commit; refuses a tag that points at a tree or a blob. */
export async function peelToCommit(args: { fs: SourceFs; gitdir: string; oid: string; cache?: object }): Promise<string> {
  let oid = args.oid;
  for (let i = 0; i < MAX_PEEL; i++) {
    const { type, object } = await git.readObject({ fs: args.fs, gitdir: args.gitdir, oid, cache: args.cache ?? {}, format: 'parsed' });
    if (type === 'commit') return oid;
    if (type !== 'tag') throw new SourceCheckoutFailedError({ revision: args.oid, reason: `the ref points at a ${type}, not a commit` });
    oid = (object as { object: string }).object;
  }
  throw new SourceCheckoutFailedError({ revision: args.oid, reason: 'too many nested tags' });
}
