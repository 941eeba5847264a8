import { formatDiagnostic } from '../../types/diagnostic.js';
import type { PlanReport, PlanReportHost, PlanReportObject } from './plan-report.js';
import type { PlanSymbol } from './plan-symbols.js';
import { DRIFT_MARK } from './plan-text.js';
import { fieldText, planSummaryLine, shortRevision } from './plan-values.js';

/** First character of a line in a `diff` code block, which MR viewers colour: added, removed, changed. */
const DIFF_MARK: Readonly<Record<PlanSymbol, '+' | '-' | '!'>> = {
  '+': '+',
  '~': '!',
  '↻': '!',
  '-/+': '!',
  '-': '-',
};

/** Escapes text for Markdown outside code (HTML specials, emphasis, links, table pipes) and keeps it on one line. */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fenced(language: string, lines: readonly string[]): string[] {
  const body = lines.map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' '));
  const longest = Math.max(0, ...body.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, ...body, fence];
}

/** The plan as Markdown for a merge-request comment: verdict, brake, a table of hosts, collapsible details per host. Pure. */
export function formatPlanMarkdown(report: PlanReport): string {
  const out: string[] = [`### gitvirt plan · \`${shortRevision(report.revision).replace(/[`\s]/g, '')}\``, '', `**${markdownText(planSummaryLine(report))}**`, ''];
  if (report.brake !== undefined) {
    out.push(`> **Brake engaged (${report.brake.code}):** ${markdownText(report.brake.message)}<br>`, `> ${markdownText(report.brake.override)}`, '');
  }
  if (report.outcome !== 'invalid' && report.hosts.length > 0) {
    out.push('| Host | Add | Change | Destroy | Skipped | Status |', '|:--|--:|--:|--:|--:|:--|');
    for (const host of report.hosts) out.push(tableRow(host));
    out.push('');
    for (const host of report.hosts) if (host.reachable && (host.objects.length > 0 || host.skipped.length > 0)) out.push(...hostDetails(host));
  }
  if (report.unplaced.length > 0) {
    out.push('**Not placed**', '', ...report.unplaced.map((u) => `- \`${markdownText(u.vm)}\` (${u.code}): ${markdownText(u.reason)}`), '');
  }
  if (report.diagnostics.length > 0) {
    out.push(`<details><summary>Findings in the manifests (${report.diagnostics.length})</summary>`, '');
    out.push(...fenced('', report.diagnostics.map(formatDiagnostic)), '', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function tableRow(host: PlanReportHost): string {
  const name = markdownText(host.host);
  if (!host.reachable) return `| ${name} | – | – | – | – | ⚠️ unreachable: ${markdownText(host.error ?? 'not observed')} |`;
  const { add, change, destroy } = host.counts;
  const status = add + change + destroy === 0 ? 'no changes' : 'changes';
  return `| ${name} | ${add} | ${change} | ${destroy} | ${host.skipped.length} | ${status} |`;
}

function hostDetails(host: PlanReportHost): string[] {
  const { add, change, destroy } = host.counts;
  const lines = host.objects.flatMap(objectLines);
  const out = [`<details><summary><b>${markdownText(host.host)}</b>: ${add} to add, ${change} to change, ${destroy} to destroy</summary>`, ''];
  if (lines.length > 0) out.push(...fenced('diff', lines), '');
  if (host.skipped.length > 0) {
    out.push('Skipped:', '');
    for (const s of host.skipped) out.push(`- \`${markdownText(`${s.owner.kind} ${s.owner.name}`)}\` **${s.reason}**: ${markdownText(s.message)}`);
    out.push('');
  }
  out.push('</details>', '');
  return out;
}

/** An object as `diff` lines: the mark, then the text as the terminal shows it. */
function objectLines(object: PlanReportObject): string[] {
  const mark = DIFF_MARK[object.symbol];
  const drift = object.drift ? `  (${DRIFT_MARK})` : '';
  return [
    `${mark} ${object.symbol} ${object.owner.kind} ${object.owner.name}${drift}`,
    ...object.fields.map((field) => `${mark}       ${fieldText(field)}`),
    ...object.actions.map((a) => {
      const target = a.target === object.owner.name ? '' : ` ${a.target}`;
      return `${DIFF_MARK[a.symbol]}     ${a.symbol} ${a.kind}${target}: ${a.reason}`;
    }),
  ];
}
