/** The git note on a reconciled source commit: when it was applied, the result per host, what changed. Pure. */
import { parse } from 'yaml';
import { canonicalJson } from '../compile/index.js';
import { CHANGE_RESULTS, type ChangeResult, type ChangeSet } from '../types/change-set.js';
import type { ActionKind, HostObservation } from '../types/plan.js';
import { oneLine } from './one-line.js';
import { toYaml } from './status-yaml.js';

/** Notes ref gitvirt writes. */
export const NOTES_REF = 'refs/notes/gitvirt';

/** Most applies one note keeps (oldest dropped first). */
export const MAX_NOTE_APPLIES = 20;

/** How one host fared in one apply. */
export interface NoteHostResult extends Record<ChangeResult, number> {
  result: 'ok' | 'failed' | 'unreachable';
  error?: string;
}

/** One change apply made (or failed to make): the action and the object, never its parameters. */
export interface NoteChange {
  host: string;
  action: ActionKind;
  /** `<Kind>/<name>` of the gitvirt object served. */
  object: string;
  cluster?: string;
  /** The libvirt object touched. */
  target: string;
  result: ChangeResult;
  drift?: boolean;
}

/** One apply of a source commit. */
export interface NoteEntry {
  appliedAt: string;
  hosts: Record<string, NoteHostResult>;
  changes: NoteChange[];
  brake?: { code: string; message: string };
}

/** The whole note: the commit and its applies, oldest first. */
export interface GitvirtNote {
  revision: string;
  applies: NoteEntry[];
}

/** Results that count as a change worth listing. */
const LISTED: ReadonlySet<ChangeResult> = new Set(['created', 'configured', 'deleted', 'failed']);

/** The note entry of one apply; hosts whose observation failed are `unreachable`. */
export function buildNoteEntry(args: { changeSet: ChangeSet; observed?: Readonly<Record<string, HostObservation>>; now: Date | string }): NoteEntry {
  const { changeSet } = args;
  const hosts: Record<string, NoteHostResult> = {};
  for (const result of [...changeSet.hosts].sort((a, b) => (a.host < b.host ? -1 : 1))) {
    const counts = Object.fromEntries(CHANGE_RESULTS.map((r) => [r, 0])) as Record<ChangeResult, number>;
    for (const entry of changeSet.entries) if (entry.host === result.host) counts[entry.result] += 1;
    const unreachable = args.observed?.[result.host]?.ok === false || result.error?.code === 'HostUnreachable';
    hosts[result.host] = {
      ...counts,
      result: result.ok ? 'ok' : unreachable ? 'unreachable' : 'failed',
      ...(result.error === undefined ? {} : { error: oneLine(result.error.message) }),
    };
  }
  const changes: NoteChange[] = changeSet.entries.filter((e) => LISTED.has(e.result)).map((e) => ({
    host: e.host, action: e.kind, object: `${e.owner.kind}/${e.owner.name}`, ...(e.owner.cluster === undefined ? {} : { cluster: e.owner.cluster }),
    target: e.target ?? e.owner.name, result: e.result, ...(e.drift ? { drift: true } : {}),
  }));
  return {
    appliedAt: typeof args.now === 'string' ? args.now : args.now.toISOString(),
    hosts,
    changes,
    ...(changeSet.brake === undefined ? {} : { brake: { code: changeSet.brake.code, message: oneLine(changeSet.brake.message) } }),
  };
}

/** A note's text as a GitvirtNote, or undefined when it is not one gitvirt wrote. */
export function parseNote(text: string): GitvirtNote | undefined {
  try {
    const value = parse(text, { maxAliasCount: 0 }) as Partial<GitvirtNote> | null;
    if (value === null || typeof value !== 'object' || typeof value.revision !== 'string' || !Array.isArray(value.applies)) return undefined;
    return { revision: value.revision, applies: value.applies.filter((a) => typeof a === 'object' && a !== null && typeof a.appliedAt === 'string') };
  } catch {
    return undefined;
  }
}

/** True when an entry repeats the last one (apart from its time) and changed nothing. */
function repeats(last: NoteEntry | undefined, entry: NoteEntry): boolean {
  if (last === undefined) return false;
  const changedSomething = entry.changes.some((c) => c.result !== 'failed');
  return !changedSomething && canonicalJson({ ...last, appliedAt: '' }) === canonicalJson({ ...entry, appliedAt: '' });
}

/**
 * The note text with `entry` appended (keeping the last MAX_NOTE_APPLIES), or null when there is
 * nothing new to say: the entry changed nothing and repeats the previous one. A note gitvirt did not
 * write is replaced.
 */
export function mergeNote(existing: string | null, revision: string, entry: NoteEntry, max = MAX_NOTE_APPLIES): string | null {
  const note = existing === null ? undefined : parseNote(existing);
  const applies = note?.revision === revision ? note.applies : [];
  if (repeats(applies[applies.length - 1], entry)) return null;
  return toYaml({ revision, applies: [...applies, entry].slice(-max) });
}
