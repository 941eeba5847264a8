import { plural } from './summary-line.js';
import type { PlanReport, PlanReportField } from './plan-report.js';

/** Longest rendering of one field value before it is shortened. */
const MAX_VALUE_LENGTH = 120;

/** A field value as shown in a plan: numbers and booleans bare, strings quoted, objects as compact JSON, absent as `(none)`. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** `memoryMiB: 256 → 512 (live)`; a field of another object than the domain names it (`volume capacityBytes: ...`). */
export function fieldText(field: PlanReportField): string {
  const object = field.object === 'domain' || field.object === 'network' ? '' : `${field.object} `;
  return `${object}${field.path}: ${valueText(field.from)} → ${valueText(field.to)} (${field.class})`;
}

/** The verdict line, in objects, e.g. `Plan: 2 to add, 1 to change, 0 to destroy; 1 skipped; 1 host unreachable.` */
export function planSummaryLine(report: PlanReport): string {
  const { summary, brake } = report;
  if (report.outcome === 'invalid') return `No plan: ${report.reason ?? 'the manifests have errors'}.`;
  const held = report.hosts.reduce((n, h) => n + h.skipped.filter((s) => s.reason === 'BrakeEngaged').length, 0);
  const extra = [
    summary.skipped - held > 0 ? `${summary.skipped - held} skipped` : '',
    summary.unreachable > 0 ? `${plural(summary.unreachable, 'host')} unreachable` : '',
    brake === undefined ? '' : `brake engaged (${brake.code})${held === 0 ? '' : `, ${plural(held, 'change')} held back`}`,
  ].filter((s) => s !== '');
  const tail = extra.length === 0 ? '' : `; ${extra.join('; ')}`;
  if (!summary.changes) {
    const verdict = brake === undefined ? `No changes: the hosts match revision ${shortRevision(report.revision)}` : 'No changes can run';
    return `${verdict}${tail}.`;
  }
  const { add, change, destroy } = report.counts;
  return `Plan: ${add} to add, ${change} to change, ${destroy} to destroy${tail}.`;
}

/** A commit id shortened to 12 characters (keeping a `-dirty` suffix); other revisions as they are. */
export function shortRevision(revision: string): string {
  const match = /^([0-9a-f]{40})(-dirty)?$/.exec(revision);
  return match === null ? revision : `${match[1]!.slice(0, 12)}${match[2] ?? ''}`;
}
