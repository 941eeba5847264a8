import type { Diagnostic } from '../../types/diagnostic.js';
import type { Kind } from '../../types/resources.js';
import { joinPointer } from '../create-locator.js';
import { didYouMean } from '../suggest.js';
import { at, list, str } from './fields.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

/** One reference from a document to another resource by name; `path` becomes a JSON pointer only when reported. */
interface Reference { entry: Entry; path: readonly (string | number)[]; target: Kind; name: string }

/** Where VM-shaped specs (VirtualMachine spec, Cluster template spec) name other resources. */
function vmSpecReferences(entry: Entry, base: readonly string[], refs: Reference[]): void {
  const spec = at(entry.value, ...base);
  list(at(spec, 'disks')).forEach((disk, i) => {
    const name = str(at(disk, 'image'));
    if (name !== undefined) refs.push({ entry, path: [...base, 'disks', i, 'image'], target: 'Image', name });
  });
  list(at(spec, 'interfaces')).forEach((iface, i) => {
    const name = str(at(iface, 'network'));
    if (name !== undefined) refs.push({ entry, path: [...base, 'interfaces', i, 'network'], target: 'Network', name });
  });
}

function hostSelectionReferences(entry: Entry, refs: Reference[]): void {
  list(at(entry.value, 'spec', 'hosts', 'names')).forEach((host, i) => {
    const name = str(host);
    if (name !== undefined) refs.push({ entry, path: ['spec', 'hosts', 'names', i], target: 'Host', name });
  });
}

/** Which references each kind makes, as a table. */
const REFERENCES: Readonly<Record<Kind, (entry: Entry, refs: Reference[]) => void>> = {
  Host: () => undefined,
  Image: hostSelectionReferences,
  Network: hostSelectionReferences,
  VirtualMachine: (entry, refs) => {
    const host = str(at(entry.value, 'spec', 'placement', 'host'));
    if (host !== undefined) refs.push({ entry, path: ['spec', 'placement', 'host'], target: 'Host', name: host });
    vmSpecReferences(entry, ['spec'], refs);
  },
  Cluster: (entry, refs) => vmSpecReferences(entry, ['spec', 'template', 'spec'], refs),
};

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/** Every named Image, Network and Host a document refers to must exist. */
export function checkReferences(ctx: SemanticContext): Diagnostic[] {
  const refs: Reference[] = [];
  for (const entries of Object.values(ctx.valid)) for (const entry of entries) REFERENCES[entry.kind](entry, refs);
  const out: Diagnostic[] = [];
  for (const ref of refs) {
    const names = ctx.byName[ref.target];
    if (names.has(ref.name)) continue;
    const suggestion = didYouMean(ref.name, names.keys());
    out.push(report(ref.entry, joinPointer(...ref.path), {
      severity: 'error',
      code: 'dangling-reference',
      message: `${ref.target} "${ref.name}" does not exist${suggestion === '' ? '' : ` (${suggestion})`}`,
      hint: names.size === 0
        ? `add ${article(ref.target)} ${ref.target} named "${ref.name}" to the repository`
        : `add ${article(ref.target)} ${ref.target} named "${ref.name}" or refer to an existing one`,
    }));
  }
  return out;
}
