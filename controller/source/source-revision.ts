/** Who made a commit and when (`date` is ISO 8601, UTC). */
export interface GitIdentity {
  name: string;
  email: string;
  date: string;
}

/** What a source follows: a branch, a tag (followed when it moves), or one pinned commit. */
export type SourceRef = { branch: string } | { tag: string } | { commit: string };

/** One revision of the manifests, checked out and readable. */
export interface SourceRevision {
  /** Commit sha; for a local directory also `<sha>-dirty-<hash>` or `local-<hash>`. */
  revision: string;
  /** The followed ref: `refs/heads/<branch>`, `refs/tags/<tag>`, the pinned sha, or `HEAD` / `` for a local directory. */
  ref: string;
  /** A directory holding exactly this revision's files. */
  dir: string;
  /** Git directory holding the commit object (for notes), or null when the revision is not a commit. */
  gitdir: string | null;
  author: GitIdentity | null;
  committer: GitIdentity | null;
  /** Commit message ('' when the revision is not a commit). */
  message: string;
  /** Commit time (committer date, ISO 8601), or null when the revision is not a commit. */
  timestamp: string | null;
  /** True when the revision differs from the previous successful sync (always true for the first). */
  changed: boolean;
  /** True when the followed ref moved to a commit that does not descend from the previous revision (history rewritten). */
  forced: boolean;
  /** Fingerprint (`SHA256:...`) of the trusted SSH key whose signature was verified, when signatures are required. */
  signedBy?: string;
}
