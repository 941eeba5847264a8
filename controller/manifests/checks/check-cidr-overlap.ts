import type { Diagnostic } from '../../types/diagnostic.js';
import { where } from '../make-diagnostic.js';
import { at } from './fields.js';
import { formatCidr, parseCidr } from './ipv4.js';
import type { Ipv4Range } from './ipv4.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** Two Networks whose CIDRs overlap would route the same addresses twice; sorted sweep, O(n log n). */
export function checkCidrOverlap(ctx: SemanticContext): Diagnostic[] {
  const ranges: { entry: Entry; range: Ipv4Range }[] = [];
  for (const entry of ctx.valid.Network) {
    const range = parseCidr(at(entry.value, 'spec', 'cidr'));
    if (range !== undefined) ranges.push({ entry, range });
  }
  ranges.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const out: Diagnostic[] = [];
  let widest: { entry: Entry; range: Ipv4Range } | undefined;
  for (const current of ranges) {
    if (widest !== undefined && current.range.start <= widest.range.end) {
      const other = widest.entry;
      out.push(report(current.entry, '/spec/cidr', {
        severity: 'error',
        code: 'cidr-overlap',
        message: `${formatCidr(current.range)} overlaps ${formatCidr(widest.range)} of Network "${other.name}" (${where(other.locate('/spec/cidr'))})`,
        hint: 'give each Network its own address range',
      }));
    }
    if (widest === undefined || current.range.end > widest.range.end) widest = current;
  }
  return out;
}
