import type { OwnerMeta } from '../types/live.js';
import { attr, children, type XmlElement, type XmlNode } from './xml.js';

/** XML namespace of gitvirt's ownership metadata. */
export const OWNER_NAMESPACE = 'https://gitvirt.io/xmlns/owner/v1alpha1';

/** Prefix gitvirt writes for its namespace. */
export const OWNER_PREFIX = 'gitvirt';

/**
 * The shutdown time an owner element without `shutdownTimeoutSeconds` stands for: the VM default,
 * so domains written before the attribute existed and VMs with the default are read alike. Fixed:
 * domains already written rely on it, even if the VM default ever changes.
 */
export const DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS = 60;

/** Largest recorded shutdown time honoured (the schema's maximum); anything else reads as absent. */
const MAX_OWNER_SHUTDOWN_TIMEOUT_SECONDS = 3600;

/** The `shutdownTimeoutSeconds` attribute to record for a VM: none for the default, so unchanged VMs render as before. */
export function shutdownTimeoutAttribute(seconds: number): Record<`@_${string}`, string> {
  return seconds === DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS ? {} : { '@_shutdownTimeoutSeconds': String(seconds) };
}

/** A recorded shutdown time: a whole number of seconds up to the schema's maximum, else undefined. */
function parseShutdownTimeout(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-9]{1,4}$/.test(value)) return undefined;
  const seconds = Number(value);
  return seconds <= MAX_OWNER_SHUTDOWN_TIMEOUT_SECONDS ? seconds : undefined;
}

/**
 * The `<metadata>` content `<gitvirt:owner kind name specHash revision>`; `content` adds child
 * elements (named without prefix) inside the owner element — libvirt keeps one element per namespace.
 */
export function renderOwnerMetadata(owner: OwnerMeta, content: Record<string, XmlElement[]> = {}): XmlElement {
  return renderOwnerElement({
    '@_kind': owner.kind,
    '@_name': owner.name,
    '@_specHash': owner.specHash,
    '@_revision': owner.revision,
  }, content);
}

/** The owner element from ready attributes (`@_kind`, ...) plus child elements, in gitvirt's namespace. */
export function renderOwnerElement(attributes: Record<string, string>, content: Record<string, XmlElement[]> = {}): XmlElement {
  const element: XmlElement = { [`@_xmlns:${OWNER_PREFIX}`]: OWNER_NAMESPACE, ...attributes };
  for (const [name, items] of Object.entries(content)) if (items.length > 0) element[`${OWNER_PREFIX}:${name}`] = items;
  return { [`${OWNER_PREFIX}:owner`]: element };
}

/** gitvirt's owner element inside a parsed `<metadata>` node, whatever prefix declares the namespace. */
export function findOwnerElement(metadata: XmlNode | undefined): { node: XmlNode; prefix: string | undefined } | undefined {
  if (metadata === undefined) return undefined;
  for (const key of Object.keys(metadata)) {
    const match = /^(?:([^:@#]+):)?owner$/.exec(key);
    if (!match) continue;
    const prefix = match[1];
    const nsAttr = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
    const node = children(metadata, key).find((candidate) => attr(candidate, nsAttr) === OWNER_NAMESPACE);
    if (node !== undefined) return { node, prefix };
  }
  return undefined;
}

/** Child elements called `name` of the owner element, in gitvirt's namespace. */
export function ownerChildren(found: { node: XmlNode; prefix: string | undefined } | undefined, name: string): XmlNode[] {
  if (found === undefined) return [];
  return children(found.node, found.prefix === undefined ? name : `${found.prefix}:${name}`);
}

/** Reads gitvirt's owner metadata from a parsed `<metadata>` node; null when absent or incomplete. */
export function parseOwnerMetadata(metadata: XmlNode | undefined): OwnerMeta | null {
  const found = findOwnerElement(metadata);
  const kind = attr(found?.node, 'kind');
  const name = attr(found?.node, 'name');
  if (kind === undefined || name === undefined) return null;
  const meta: OwnerMeta = { kind, name, specHash: attr(found?.node, 'specHash') ?? '', revision: attr(found?.node, 'revision') ?? '' };
  if (attr(found?.node, 'deletionProtection') === 'true') meta.deletionProtection = true;
  const deleteVolumes = ownerChildren(found, 'disk')
    .filter((disk) => attr(disk, 'deleteOnRemove') === 'true')
    .flatMap((disk) => attr(disk, 'volume') ?? []);
  if (deleteVolumes.length > 0) meta.deleteVolumes = deleteVolumes;
  const shutdownTimeoutSeconds = parseShutdownTimeout(attr(found?.node, 'shutdownTimeoutSeconds'));
  if (shutdownTimeoutSeconds !== undefined && shutdownTimeoutSeconds !== DEFAULT_OWNER_SHUTDOWN_TIMEOUT_SECONDS) meta.shutdownTimeoutSeconds = shutdownTimeoutSeconds;
  return meta;
}
