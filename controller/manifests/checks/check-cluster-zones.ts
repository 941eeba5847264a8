import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { didYouMean } from '../suggest.js';
import { at, list, str } from './fields.js';
import { report } from './semantic-context.js';
import type { SemanticContext } from './semantic-context.js';

/** A Cluster's `updateStrategy.zoneOrder` may only name zones the cluster declares, and zone names are unique. */
export function checkClusterZones(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.valid.Cluster) {
    const zones = new Map<string, number>();
    list(at(entry.value, 'spec', 'zones')).forEach((zone, i) => {
      const name = str(at(zone, 'name'));
      if (name === undefined) return;
      const first = zones.get(name);
      if (first === undefined) {
        zones.set(name, i);
        return;
      }
      out.push(report(entry, joinPointer('spec', 'zones', i, 'name'), {
        severity: 'error',
        code: 'duplicate-zone',
        message: `zone "${name}" is listed twice (first at /spec/zones/${first})`,
        hint: 'merge the two entries into one and add their replicas',
      }));
    });
    list(at(entry.value, 'spec', 'updateStrategy', 'zoneOrder')).forEach((zone, i) => {
      const name = str(zone);
      if (name === undefined || zones.has(name)) return;
      const suggestion = didYouMean(name, zones.keys());
      out.push(report(entry, joinPointer('spec', 'updateStrategy', 'zoneOrder', i), {
        severity: 'error',
        code: 'dangling-reference',
        message: `zone "${name}" is not one of this cluster's zones${suggestion === '' ? '' : ` (${suggestion})`}`,
        hint: `list only zones from spec.zones: ${[...zones.keys()].join(', ') || '(none)'}`,
      }));
    });
  }
  return out;
}
