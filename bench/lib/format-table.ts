import type { CaseResult } from './benchmark.js';
import { median, min } from './stats.js';

/** Milliseconds with a sensible precision. */
function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/** Bytes as MiB. */
function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** `×1.00`, or a dash without a baseline. */
function ratio(value: number, base: number | undefined): string {
  return base === undefined || !Number.isFinite(value) || !(base > 0) ? '—' : `×${(value / base).toFixed(2)}`;
}

/** Pads columns: text left-aligned in the first column, right-aligned elsewhere. */
function align(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

/**
 * A results table for the cases of one benchmark: median and best wall time, median CPU time,
 * peak RSS, and each as a ratio to the baseline case measured in the same run.
 */
export function formatTable(results: readonly CaseResult[]): string {
  const base = results.find((r) => r.baseline);
  const header = ['case', 'runs', 'wall median', 'wall min', 'cpu median', 'peak RSS', 'wall ×base', 'cpu ×base', 'RSS ×base'];
  const rows = results.map((r) => [
    `${r.case}${r.baseline ? ' (baseline)' : ''}`,
    String(r.wallMs.length),
    ms(median(r.wallMs)),
    ms(min(r.wallMs)),
    ms(median(r.cpuMs)),
    mib(r.peakRssBytes),
    ratio(median(r.wallMs), base === undefined ? undefined : median(base.wallMs)),
    ratio(median(r.cpuMs), base === undefined ? undefined : median(base.cpuMs)),
    ratio(r.peakRssBytes, base?.peakRssBytes),
  ]);
  return `${align([header, ...rows]).join('\n')}\n`;
}
