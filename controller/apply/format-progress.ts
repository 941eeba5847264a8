/** Plain one-line progress for CI logs: `hv1  domain.define  web-1  configured  (120 ms)`. Pure. */
import { CHANGE_RESULTS, type ApplyEvent, type ChangeSet, type ChangeSetEntry } from '../types/change-set.js';
import { summarizeChangeSet, type ChangeCounts } from './summarize-change-set.js';

/** How progress lines are laid out. */
export interface ProgressFormatOptions {
  /** Pad host names to this width (0: no padding). */
  hostWidth?: number;
  /** Pad action kinds to this width (0: no padding). */
  kindWidth?: number;
  /** Also print a line when an action starts (default: only when it ends). */
  starts?: boolean;
}

/** Column separator. */
const GAP = '  ';
/** Reasons of plan-skipped changes are CamelCase (`DeletionProtected`); their message says more. */
const PLAN_SKIP_REASON = /^[A-Z][A-Za-z]+$/;

/** One line for `event`, or null when the event prints nothing. */
export function formatApplyEvent(event: ApplyEvent, options: ProgressFormatOptions = {}): string | null {
  const host = pad(event.host, options.hostWidth);
  const kind = (text: string) => pad(text, options.kindWidth);
  switch (event.type) {
    case 'host-start':
      return join(host, 'start', `(${plural(event.actions, 'action')})`);
    case 'action-start':
      return options.starts === true ? join(host, kind(event.action.kind), '...') : null;
    case 'action-end':
      return formatEntry(event.entry, options);
    case 'host-end': {
      const counts = countLine(event.entries);
      if (event.result.ok) return join(host, 'done', counts);
      const error = event.result.error;
      return join(host, 'failed', counts, error === undefined ? '' : `${error.code}: ${oneLine(error.message)}`);
    }
  }
}

/** One line for an entry: host, kind, target, result, duration, and why for skipped or failed ones. */
export function formatEntry(entry: ChangeSetEntry, options: ProgressFormatOptions = {}): string {
  const head = [pad(entry.host, options.hostWidth), pad(entry.kind, options.kindWidth), entry.target ?? entry.owner.name, entry.result];
  if (entry.result === 'skipped') {
    const planSkip = PLAN_SKIP_REASON.test(entry.reason) && entry.message !== undefined;
    const why = planSkip ? `${entry.reason}: ${entry.message}` : entry.reason;
    return join(...head, oneLine(why));
  }
  const duration = `(${formatDuration(entry.durationMs)})`;
  if (entry.result === 'failed') return join(...head, duration, entry.error === undefined ? '' : `${entry.error.code}: ${oneLine(entry.error.message)}`);
  return join(...head, duration, entry.message === undefined ? '' : oneLine(entry.message));
}

/** The closing line of an apply: revision and counts over every host. */
export function formatChangeSetSummary(cs: ChangeSet): string {
  const summary = summarizeChangeSet(cs);
  const failed = summary.failedHosts.length > 0 ? `; hosts not finished: ${summary.failedHosts.join(', ')}` : '';
  const brake = cs.brake === undefined ? '' : `; brake engaged (${cs.brake.code})`;
  return `applied ${cs.revision}: ${countsText(summary.counts)}${failed}${brake}`;
}

/** `2 created, 1 configured` over the results that occur, or `nothing to do`. */
function countLine(entries: readonly ChangeSetEntry[]): string {
  return countsText(summarizeChangeSet({ revision: '', entries: [...entries], hosts: [] }).counts);
}

/** Counts in result order, leaving out zeros. */
function countsText(counts: ChangeCounts): string {
  const parts = CHANGE_RESULTS.filter((result) => counts[result] > 0).map((result) => `${counts[result]} ${result}`);
  return parts.length === 0 ? 'nothing to do' : parts.join(', ');
}

/** `120 ms` below a second, `2.3 s` above. */
export function formatDuration(ms: number): string {
  return Math.round(ms) < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Joins non-empty columns with the gap. */
function join(...columns: string[]): string {
  return columns.filter((column) => column !== '').join(GAP);
}

/** Pads to `width` when given. */
function pad(text: string, width = 0): string {
  return text.padEnd(width);
}

/** `1 action`, `3 actions`. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Collapses control characters (newlines from libvirt's stderr, escapes) so each event stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
