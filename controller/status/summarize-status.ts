/** One-line summaries of a status tree, for commit messages and headlines. */
import { isReady } from './compute-status.js';
import { shortRevision } from './one-line.js';
import type { StatusSnapshot } from './status-types.js';

/** Counts of a status tree. */
export interface StatusCounts {
  resources: number;
  ready: number;
  hosts: number;
  unreachable: number;
}

/** Counts resources Ready and hosts unreachable. Pure. */
export function countStatus(snapshot: StatusSnapshot): StatusCounts {
  const docs = [...snapshot.resources.values()];
  const hosts = [...snapshot.hosts.values()];
  return {
    resources: docs.length,
    ready: docs.filter(isReady).length,
    hosts: hosts.length,
    unreachable: hosts.filter((h) => !h.status.reachable).length,
  };
}

/** `3/4 ready, 1 host unreachable` (or `all 4 ready`). Pure. */
export function summarizeStatus(snapshot: StatusSnapshot): string {
  const c = countStatus(snapshot);
  const ready = c.ready === c.resources ? `all ${c.resources} ready` : `${c.ready}/${c.resources} ready`;
  return c.unreachable === 0 ? ready : `${ready}, ${c.unreachable} host${c.unreachable === 1 ? '' : 's'} unreachable`;
}

/** Trailer naming the source revision a status commit records. */
export const REVISION_TRAILER = 'Gitvirt-Source-Revision';

/** `status: <summary> at <short rev>`, a blank line, and the revision trailer. Pure. */
export function statusCommitMessage(snapshot: StatusSnapshot, revision: string): string {
  return `status: ${summarizeStatus(snapshot)} at ${shortRevision(revision)}\n\n${REVISION_TRAILER}: ${revision}\n`;
}

/** The source revision named by a commit message's trailer, or undefined. Pure. */
export function revisionOfMessage(message: string): string | undefined {
  const match = new RegExp(`^${REVISION_TRAILER}:[ \\t]*(\\S+)[ \\t]*$`, 'm').exec(message);
  return match?.[1];
}
