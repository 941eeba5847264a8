/** Changes between desired and live state for one host, as computed by diff. */
import type { OwnerRef } from './desired.js';

/** Kind of libvirt object a change applies to. */
export type ObjectKind = 'pool' | 'network' | 'volume' | 'domain';

/** What happens to the object as a whole. */
export type ChangeType = 'create' | 'update' | 'delete' | 'unchanged';

/** How disruptive an update is. */
export type UpdateClass = 'live' | 'restart' | 'replace';

/** Update classes ordered worst first. */
export const UPDATE_CLASS_ORDER: readonly UpdateClass[] = ['replace', 'restart', 'live']; // worst first

/** One changed field of an object. */
export interface FieldChange { path: string; from: unknown; to: unknown; class: UpdateClass }

/** One object-level change on one host. */
export interface Change {
  host: string; object: ObjectKind; name: string; type: ChangeType;
  class?: UpdateClass;                                     // worst class among fields, for updates
  fields: FieldChange[];
  drift: boolean;                                          // live differs from what gitvirt last applied (spec hash matches but content does not)
  owner?: OwnerRef;
}
