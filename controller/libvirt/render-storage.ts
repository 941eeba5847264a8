import type { DesiredPool } from '../types/desired.js';
import { buildXml } from './xml.js';

/** What a storage volume is created from. */
export interface VolumeSpec {
  name: string;
  capacityBytes: number;
  format: 'qcow2' | 'raw' | 'iso';
  /** Backing file of a copy-on-write overlay. */
  backing?: { path: string; format: 'qcow2' | 'raw' };
}

/** Renders the XML of a directory storage pool. */
export function renderPoolXml(pool: DesiredPool): string {
  return buildXml('pool', {
    '@_type': 'dir',
    name: pool.name,
    target: { path: pool.path },
  });
}

/** Renders the XML of a storage volume, with a `<backingStore>` for overlays. */
export function renderVolumeXml(volume: VolumeSpec): string {
  return buildXml('volume', {
    name: volume.name,
    capacity: { '@_unit': 'bytes', '#text': volume.capacityBytes },
    target: { format: { '@_type': volume.format } },
    backingStore: volume.backing === undefined ? undefined : {
      path: volume.backing.path,
      format: { '@_type': volume.backing.format },
    },
  });
}
