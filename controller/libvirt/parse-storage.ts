import { normalisePath } from './domain-model.js';
import { scaledToBytes } from './units.js';
import { attr, child, childText, parseXmlRoot, text, type XmlNode } from './xml.js';

/** The parts of a storage pool's XML gitvirt reads. */
export interface PoolModel {
  name: string;
  type: string;
  path: string | null;
  capacityBytes: number | null;
  availableBytes: number | null;
}

/** The parts of a storage volume's XML gitvirt reads. */
export interface VolumeModel {
  name: string;
  path: string | null;
  capacityBytes: number | null;
  allocationBytes: number | null;
  format: string | null;
  backing: { path: string; format: string | null } | null;
}

/** Parses `virsh pool-dumpxml` output. */
export function parsePoolXml(xml: string): PoolModel {
  const root = parseXmlRoot(xml, 'pool', 'storage pool');
  const path = childText(child(root, 'target'), 'path');
  return {
    name: childText(root, 'name') ?? '',
    type: attr(root, 'type') ?? '',
    path: path === undefined ? null : normalisePath(path),
    capacityBytes: bytesOf(child(root, 'capacity')),
    availableBytes: bytesOf(child(root, 'available')),
  };
}

/** Parses `virsh vol-dumpxml` output. */
export function parseVolumeXml(xml: string): VolumeModel {
  const root = parseXmlRoot(xml, 'volume', 'storage volume');
  const target = child(root, 'target');
  const backingStore = child(root, 'backingStore');
  const backingPath = childText(backingStore, 'path');
  const path = childText(target, 'path');
  return {
    name: childText(root, 'name') ?? '',
    path: path === undefined ? null : normalisePath(path),
    capacityBytes: bytesOf(child(root, 'capacity')),
    allocationBytes: bytesOf(child(root, 'allocation')),
    format: attr(child(target, 'format'), 'type') ?? null,
    backing: backingPath === undefined ? null : { path: normalisePath(backingPath), format: attr(child(backingStore, 'format'), 'type') ?? null },
  };
}

function bytesOf(node: XmlNode | undefined): number | null {
  return node === undefined ? null : (scaledToBytes(text(node), attr(node, 'unit'), 'bytes') ?? null);
}
