import { describe, expect, it } from 'vitest';
import { parsePoolXml, parseVolumeXml } from '../../../controller/libvirt/index.js';
import { POOL, VOLUMES } from '../../fixtures/libvirt/cases.js';
import { fixtureFiles, readFixture } from './fixtures.js';

describe('parseVolumeXml on libvirt vol-dumpxml', () => {
  for (const file of fixtureFiles('storage', '.xml').filter((name) => name.startsWith('vol-'))) {
    it(file, () => {
      const spec = VOLUMES.find((volume) => file === `vol-${volume.name}.xml`);
      if (spec === undefined) throw new Error(`no case for ${file}`);
      const model = parseVolumeXml(readFixture(`storage/${file}`));
      expect(model).toMatchObject({
        name: spec.name,
        path: `${POOL.path}/${spec.name}`,
        capacityBytes: spec.capacityBytes,
        format: spec.format,
        backing: spec.backing === undefined ? null : { path: spec.backing.path, format: spec.backing.format },
      });
      expect(model.allocationBytes).toBeGreaterThan(0);
    });
  }
});

describe('parsePoolXml on libvirt pool-dumpxml', () => {
  it(`pool-${POOL.name}.xml`, () => {
    const pool = parsePoolXml(readFixture(`storage/pool-${POOL.name}.xml`));
    expect(pool).toMatchObject({ name: POOL.name, type: 'dir', path: POOL.path });
    expect(pool.capacityBytes).toBeGreaterThan(pool.availableBytes ?? Infinity);
  });
});
