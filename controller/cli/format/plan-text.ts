import { diagnosticLine } from './format-text.js';
import type { PlanReport, PlanReportHost, PlanReportObject } from './plan-report.js';
import type { PlanSymbol } from './plan-symbols.js';
import { fieldText, planSummaryLine, shortRevision } from './plan-values.js';
import { painter, printable, type Paint, type StyleName } from './style.js';
import { plural } from './summary-line.js';

/** Options of the text plan. */
export interface PlanTextOptions {
  color?: boolean;
}

/** Colour of each symbol. */
const SYMBOL_STYLE: Readonly<Record<PlanSymbol, StyleName>> = {
  '+': 'ok',
  '~': 'warning',
  '↻': 'warning',
  '-/+': 'error',
  '-': 'error',
};

/** Marker of an object or action changed on the host by hand. */
export const DRIFT_MARK = 'drift: changed on the host by hand';

/** The plan as terminal text: per host its objects and actions with symbols, skips, the brake, the summary. Pure. */
export function formatPlanText(report: PlanReport, options: PlanTextOptions = {}): string {
  const paint = painter(options.color === true);
  const lines: string[] = [];
  for (const d of report.diagnostics) lines.push(diagnosticLine(d, paint));
  if (report.diagnostics.length > 0) lines.push('');
  if (report.outcome !== 'invalid') {
    lines.push(paint('bold', `gitvirt plan for revision ${printable(shortRevision(report.revision))} (${plural(report.hosts.length, 'host')})`), '');
    for (const host of report.hosts) lines.push(...hostLines(host, paint), '');
    lines.push(...unplacedLines(report, paint));
    if (report.brake !== undefined) {
      lines.push(paint('error', `Brake engaged (${report.brake.code}): ${printable(report.brake.message)}`));
      lines.push(`  ${printable(report.brake.override)}`, '');
    }
  }
  const summary = planSummaryLine(report);
  const failed = report.outcome === 'invalid' || report.summary.unreachable > 0 || report.brake !== undefined;
  lines.push(paint(failed ? 'error' : report.summary.changes ? 'bold' : 'ok', printable(summary)));
  return `${lines.join('\n')}\n`;
}

/** The lines of one host. */
export function hostLines(host: PlanReportHost, paint: Paint): string[] {
  const name = paint('bold', printable(host.host));
  if (!host.reachable) return [`${name}: ${paint('error', 'unreachable')}: ${printable(host.error ?? 'not observed')}`];
  const { add, change, destroy } = host.counts;
  if (host.objects.length === 0 && host.skipped.length === 0) return [`${name}: no changes`];
  const lines = [`${name}: ${add} to add, ${change} to change, ${destroy} to destroy`];
  for (const object of host.objects) lines.push(...objectLines(object, paint));
  if (host.skipped.length > 0) {
    lines.push(`  ${paint('dim', 'skipped:')}`);
    for (const skip of host.skipped) {
      lines.push(`      ${printable(`${skip.owner.kind} ${skip.owner.name}`)}: ${paint('warning', skip.reason)}: ${printable(skip.message)}`);
    }
  }
  return lines;
}

/** An object header, its field changes and its actions. */
function objectLines(object: PlanReportObject, paint: Paint): string[] {
  const symbol = (s: PlanSymbol) => paint(SYMBOL_STYLE[s], s);
  const drift = object.drift ? `  ${paint('warning', `(${DRIFT_MARK})`)}` : '';
  const lines = [`  ${symbol(object.symbol)} ${paint('bold', printable(`${object.owner.kind} ${object.owner.name}`))}${drift}`];
  for (const field of object.fields) lines.push(`        ${printable(fieldText(field))}`);
  for (const action of object.actions) {
    const target = action.target === object.owner.name ? '' : ` ${printable(action.target)}`;
    lines.push(`      ${symbol(action.symbol)} ${action.kind}${target}: ${printable(action.reason)}`);
  }
  return lines;
}

/** VMs the scheduler could not place. */
function unplacedLines(report: PlanReport, paint: Paint): string[] {
  if (report.unplaced.length === 0) return [];
  return [
    paint('warning', 'Not placed:'),
    ...report.unplaced.map((u) => `  ${printable(u.vm)} (${u.code}): ${printable(u.reason)}`),
    '',
  ];
}
