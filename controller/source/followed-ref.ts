import { InvalidSourceConfigError } from './errors.js';
import type { SourceRef } from './source-revision.js';

/** A checked SourceRef: its kind, short name and full remote ref name (the sha for a commit). */
export interface FollowedRef {
  kind: 'branch' | 'tag' | 'commit';
  name: string;
  fullref: string;
}

/** Prefix of each followed ref kind on the remote. */
const PREFIX: Record<FollowedRef['kind'], string> = { branch: 'refs/heads/', tag: 'refs/tags/', commit: '' };

/** Characters and sequences git refuses in a ref name (see git-check-ref-format). */
const BAD_REF = /(^[-/.])|\.\.|\/\/|@\{|[\x00-\x20\x7f~^:?*[\\]|(\.lock|\/|\.)$|(^|\/)\./;

const SHA = /^[0-9a-f]{40}$/;

/** Validates a SourceRef (a branch or tag name, or a full 40-hex commit) and returns its full form. */
export function followedRef(ref: SourceRef): FollowedRef {
  const kinds = (['branch', 'tag', 'commit'] as const).filter((k) => k in ref);
  if (kinds.length !== 1) throw new InvalidSourceConfigError({ field: 'ref', reason: 'give exactly one of branch, tag or commit' });
  const kind = kinds[0] as FollowedRef['kind'];
  const raw = (ref as Record<string, unknown>)[kind];
  if (typeof raw !== 'string' || raw === '') throw new InvalidSourceConfigError({ field: `ref.${kind}`, reason: 'must be a non-empty string' });
  if (kind === 'commit') {
    const sha = raw.toLowerCase();
    if (!SHA.test(sha)) throw new InvalidSourceConfigError({ field: 'ref.commit', reason: 'must be a full 40-hex commit id' });
    return { kind, name: sha, fullref: sha };
  }
  const name = raw.startsWith(PREFIX[kind]) ? raw.slice(PREFIX[kind].length) : raw;
  if (name === '' || BAD_REF.test(name)) throw new InvalidSourceConfigError({ field: `ref.${kind}`, reason: `${JSON.stringify(raw)} is not a valid ${kind} name` });
  return { kind, name, fullref: `${PREFIX[kind]}${name}` };
}
