/** readRecordedInventory: each host's last recorded inventory, as observations `plan --from-status` plans against. */
import type { HttpClient } from 'isomorphic-git';
import type { SourceAuth } from '../source/index.js';
import type { HostObservation } from '../types/plan.js';
import { StatusReadFailedError } from './errors.js';
import { liveFromInventory } from './host-status.js';
import { openStatusSource } from './open-status-source.js';
import { readStatusAt } from './read-status.js';
import type { StatusFs } from './status-git.js';
import type { StatusSnapshot } from './status-types.js';
import { DEFAULT_STATUS_BRANCH } from './write-status.js';

/**
 * Per host of a status snapshot: `{ ok: true, live }` from its recorded inventory (the last one read,
 * also when the host was unreachable since), or `{ ok: false }` when it was never read. Pure.
 */
export function recordedObservations(snapshot: StatusSnapshot): Record<string, HostObservation> {
  const observed: Record<string, HostObservation> = {};
  for (const doc of [...snapshot.hosts.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const host = doc.metadata.name;
    const { inventory } = doc.status;
    observed[host] = inventory === undefined
      ? { ok: false, error: `no inventory recorded for ${host}${doc.status.error === undefined ? '' : ` (${doc.status.error})`}`, code: 'NoRecordedInventory' }
      : { ok: true, live: liveFromInventory(host, inventory) };
  }
  return observed;
}

/** Where the recorded inventory comes from: a directory inside a clone, or a URL; and the status branch (or ref). */
export interface ReadRecordedInventoryArgs {
  dir?: string;
  url?: string;
  branch?: string;
  auth?: SourceAuth;
  http?: HttpClient;
  fs?: StatusFs;
}

/**
 * Reads the status branch (`branch` may also be a ref such as `origin/gitvirt/status`) of a local
 * clone or a URL and returns each host's recorded inventory as an observation, so compute-plan can
 * run without reaching any host. Throws StatusReadFailedError when there is no status branch.
 */
export async function readRecordedInventory(args: ReadRecordedInventoryArgs): Promise<Record<string, HostObservation>> {
  const repo = args.url ?? args.dir ?? '.';
  const branch = args.branch ?? DEFAULT_STATUS_BRANCH;
  const source = await openStatusSource({
    repo, branch,
    ...(args.auth === undefined ? {} : { auth: args.auth }),
    ...(args.http === undefined ? {} : { http: args.http }),
    ...(args.fs === undefined ? {} : { fs: args.fs }),
  });
  try {
    if (source.statusCommit === null) throw new StatusReadFailedError({ repo: source.display, ref: branch, reason: 'no such branch (has gitvirt written status yet?)' });
    return recordedObservations((await readStatusAt(source.repo, source.statusCommit)).snapshot);
  } finally {
    await source.close();
  }
}
