import type { Change } from '../types/change.js';
import type { OwnerKind, OwnerRef } from '../types/desired.js';
import type { OwnerMeta } from '../types/live.js';
import { isGitvirtError } from '../errors/gitvirt-error.js';

/** Owner kinds gitvirt writes into metadata. */
const OWNER_KINDS: ReadonlySet<string> = new Set<OwnerKind>(['VirtualMachine', 'Network', 'Image', 'Pool']);

/** The OwnerRef recorded in live owner metadata (`fallback` kind when the recorded kind is unknown). */
export function ownerRefOf(owner: OwnerMeta, fallback: OwnerKind): OwnerRef {
  return { kind: OWNER_KINDS.has(owner.kind) ? (owner.kind as OwnerKind) : fallback, name: owner.name };
}

/** The live model of an object: the caller's parsed one, else parsed from its XML; undefined when neither is usable. */
export function liveModel<M>(models: ReadonlyMap<string, M> | undefined, object: { name: string; xml?: string }, parse: (xml: string) => M): M | undefined {
  const known = models?.get(object.name);
  if (known !== undefined) return known;
  if (object.xml === undefined) return undefined;
  try {
    return parse(object.xml);
  } catch (err) {
    if (isGitvirtError(err, 'LibvirtXmlInvalid')) return undefined;
    throw err;
  }
}

/**
 * A desired object whose name is taken by a libvirt object gitvirt does not own: reported as
 * `unchanged` without owner, with one `owner` field change (class `replace`) naming the conflict;
 * the live object is never modified.
 */
export function unownedConflict(base: Pick<Change, 'host' | 'object' | 'name'>, wanted: OwnerRef): Change {
  return {
    ...base,
    type: 'unchanged',
    fields: [{ path: 'owner', from: null, to: { kind: wanted.kind, name: wanted.name }, class: 'replace' }],
    drift: false,
  };
}
