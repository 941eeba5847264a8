import type { Diagnostic } from '../../types/diagnostic.js';
import { where } from '../make-diagnostic.js';
import { KINDS, report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** Names are unique per kind: every occurrence of a repeated name gets an error naming the others. */
export function checkDuplicateNames(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const kind of KINDS) {
    const groups = new Map<string, Entry[]>();
    for (const entry of ctx.all) {
      if (entry.kind !== kind) continue;
      const group = groups.get(entry.name);
      if (group === undefined) groups.set(entry.name, [entry]);
      else group.push(entry);
    }
    for (const [name, group] of groups) {
      if (group.length < 2) continue;
      const places = group.map((e) => where(e.locate('/metadata/name')));
      group.forEach((entry, i) => {
        const others = places.filter((_, j) => j !== i).join(', ');
        out.push(report(entry, '/metadata/name', {
          severity: 'error',
          code: 'duplicate-name',
          message: i === 0
            ? `${kind} "${name}" is defined more than once (also at ${others})`
            : `${kind} "${name}" is already defined at ${places[0]}`,
          hint: `rename one of them or delete the copy; ${kind} names must be unique`,
        }));
      });
    }
  }
  return out;
}
