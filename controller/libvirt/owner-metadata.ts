import type { OwnerMeta } from '../types/live.js';
import { attr, children, type XmlElement, type XmlNode } from './xml.js';

/** XML namespace of gitvirt's ownership metadata. */
export const OWNER_NAMESPACE = 'https://gitvirt.io/xmlns/owner/v1alpha1';

/** Prefix gitvirt writes for its namespace. */
export const OWNER_PREFIX = 'gitvirt';

/** The `<metadata>` element content carrying `<gitvirt:owner .../>`. */
export function renderOwnerMetadata(owner: OwnerMeta): XmlElement {
  return {
    [`${OWNER_PREFIX}:owner`]: {
      [`@_xmlns:${OWNER_PREFIX}`]: OWNER_NAMESPACE,
      '@_kind': owner.kind,
      '@_name': owner.name,
      '@_specHash': owner.specHash,
      '@_revision': owner.revision,
    },
  };
}

/**
 * Reads gitvirt's owner element from a parsed `<metadata>` node, whatever prefix declares the
 * namespace; null when absent or incomplete.
 */
export function parseOwnerMetadata(metadata: XmlNode | undefined): OwnerMeta | null {
  if (metadata === undefined) return null;
  for (const key of Object.keys(metadata)) {
    const match = /^(?:([^:@#]+):)?owner$/.exec(key);
    if (!match) continue;
    for (const node of children(metadata, key)) {
      const nsAttr = match[1] === undefined ? 'xmlns' : `xmlns:${match[1]}`;
      if (attr(node, nsAttr) !== OWNER_NAMESPACE) continue;
      const kind = attr(node, 'kind');
      const name = attr(node, 'name');
      if (kind === undefined || name === undefined) continue;
      return { kind, name, specHash: attr(node, 'specHash') ?? '', revision: attr(node, 'revision') ?? '' };
    }
  }
  return null;
}
