import { formatChangeSetSummary, summarizeChangeSet, type ChangeSet } from '../../apply/index.js';
import { printable, type Paint } from './style.js';

/** Where an explained libvirt error quotes libvirt's own text; that text goes on a line of its own. */
const LIBVIRT_SAID = /; (libvirt said: )/;

/**
 * The end of an apply: each failed action with its full error (libvirt's explanation and original
 * text, one line each), the hosts that did not finish and why, then the change set summary. Pure.
 */
export function formatChangeSetReport(cs: ChangeSet, paint: Paint): string {
  const lines: string[] = [];
  const failed = cs.entries.filter((entry) => entry.result === 'failed');
  for (const entry of failed) {
    lines.push(`${paint('error', 'failed')}: ${printable(`${entry.host} ${entry.kind} ${entry.target ?? entry.owner.name}`)} (${printable(`${entry.owner.kind} ${entry.owner.name}`)})`);
    const message = (entry.error?.message ?? entry.message ?? 'no error text').replace(LIBVIRT_SAID, '\n$1');
    for (const line of message.split(/\r?\n/)) if (line.trim() !== '') lines.push(`    ${printable(line)}`);
    if (entry.error !== undefined) lines.push(`    ${paint('dim', `code: ${entry.error.code}`)}`);
  }
  const failedHosts = new Set(failed.map((entry) => entry.host));
  for (const host of cs.hosts) {
    if (host.ok || failedHosts.has(host.host) || host.error === undefined) continue;
    lines.push(`${paint('error', 'not applied')}: ${printable(host.host)}: ${printable(host.error.message.replace(/\s+/g, ' '))}`);
  }
  if (cs.brake !== undefined) lines.push(`${paint('warning', `brake engaged (${cs.brake.code})`)}: ${printable(cs.brake.message)}`);
  const ok = summarizeChangeSet(cs).failedHosts.length === 0 && failed.length === 0;
  lines.push(paint(ok ? 'ok' : 'error', printable(formatChangeSetSummary(cs))));
  return `${lines.join('\n')}\n`;
}
