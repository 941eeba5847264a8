import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSeedIso } from '../../../controller/apply/index.js';
import { isGitvirtError } from '../../../controller/errors/index.js';
import { blkidTags, isoExtract, isoFiles, isoinfo, isoWorkspace } from './iso-tools.js';

/** Deterministic pseudo-random bytes (every value 0..255 appears). */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const SEED = {
  'meta-data': 'instance-id: iid-web-1\nlocal-hostname: web-1\n',
  'user-data': '#cloud-config\nhostname: web-1\nusers:\n  - name: ops\n    ssh_authorized_keys: ["ssh-ed25519 AAAA ops@example"]\n',
  'network-config': 'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n',
};

const ws = isoWorkspace();
afterAll(() => ws.cleanup());

describe('buildSeedIso read by isoinfo', () => {
  const image = ws.write('seed.iso', buildSeedIso(SEED));

  it('records a primary volume "cidata" with Joliet level 3 and Rock Ridge', () => {
    const info = isoinfo(image, '-d').toString('utf8');
    expect(info).toMatch(/^Volume id: cidata$/m);
    expect(info).toMatch(/Joliet with UCS level 3 found/);
    expect(info).toMatch(/Rock Ridge signatures version 1 found/);
    expect(info).toMatch(/^Logical block size is: 2048$/m);
    expect(info).toMatch(new RegExp(`^Volume size is: ${readFileSync(image).length / 2048}$`, 'm'));
  });

  it.each(['-J', '-R'] as const)('lists the exact lowercase names and extracts every file byte for byte (%s)', (tree) => {
    expect(isoFiles(image, tree)).toEqual(['/meta-data', '/network-config', '/user-data']);
    for (const [name, content] of Object.entries(SEED)) {
      expect(isoExtract(image, tree, `/${name}`).toString('utf8')).toBe(content);
    }
  });

  it('gives the primary tree unique level-2 identifiers', () => {
    expect(isoFiles(image, '')).toEqual(['/META_DATA.;1', '/NETWORK_CONFIG.;1', '/USER_DATA.;1']);
    expect(isoinfo(image, '-x', '/META_DATA.;1').toString('utf8')).toBe(SEED['meta-data']);
  });

  it('shows read-only files and directories owned by root through Rock Ridge PX', () => {
    const listing = isoinfo(image, '-R', '-l').toString('utf8');
    expect(listing).toMatch(/^dr-xr-xr-x\s+2\s+0\s+0\s+2048 .* \. $/m);
    expect(listing).toMatch(/^-r--r--r--\s+1\s+0\s+0\s+\d+ .* meta-data $/m);
  });
});

describe('buildSeedIso contents', () => {
  it.each(['-J', '-R'] as const)('stores files of several sectors, empty files and arbitrary bytes exactly (%s)', (tree) => {
    const files = {
      'big.bin': noise(3 * 2048 + 17),
      'exact.bin': noise(2048, 3),
      empty: '',
      'hostile.txt': Buffer.concat([Buffer.from('CD001\u0000\u00ff\r\n', 'latin1'), Buffer.from('$(reboot) `id` ; rm -rf / \u2603\n')]),
      'user-data': '#cloud-config\n' + 'x'.repeat(70_000) + '\n',
    };
    const image = ws.write(`contents${tree}.iso`, buildSeedIso(files));
    expect(isoFiles(image, tree)).toEqual(Object.keys(files).sort().map((n) => `/${n}`));
    for (const [name, content] of Object.entries(files)) {
      const expected = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      expect(isoExtract(image, tree, `/${name}`).equals(expected), name).toBe(true);
    }
  });

  it('spreads a root directory over several sectors when it holds many files', () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`file-with-a-rather-long-name-${String(i).padStart(3, '0')}.cfg`, `n=${i}\n`]));
    const image = ws.write('many.iso', buildSeedIso(files));
    const names = Object.keys(files).sort().map((n) => `/${n}`);
    expect(isoFiles(image, '-J')).toEqual(names);
    expect(isoFiles(image, '-R')).toEqual(names);
    expect(new Set(isoFiles(image, '')).size).toBe(60);
    expect(isoExtract(image, '-R', '/file-with-a-rather-long-name-059.cfg').toString()).toBe('n=59\n');
    expect(isoExtract(image, '-J', '/file-with-a-rather-long-name-000.cfg').toString()).toBe('n=0\n');
  });

  it('keeps primary identifiers unique when names collide after mapping to d-characters', () => {
    const image = ws.write('collide.iso', buildSeedIso({ 'network-config': 'a', network_config: 'b', 'network.config': 'c' }));
    expect(new Set(isoFiles(image, '')).size).toBe(3);
    expect(isoExtract(image, '-R', '/network_config').toString()).toBe('b');
    expect(isoExtract(image, '-R', '/network.config').toString()).toBe('c');
  });

  it('lays out descriptors, path tables and the terminator at their sectors, with both-endian fields agreeing', () => {
    const image = buildSeedIso(SEED);
    const sector = (n: number) => image.subarray(n * 2048, (n + 1) * 2048);
    expect(image.length % 2048).toBe(0);
    expect(image.subarray(0, 16 * 2048).every((b) => b === 0)).toBe(true);
    expect([sector(16)[0], sector(17)[0], sector(18)[0]]).toEqual([1, 2, 255]);
    for (const n of [16, 17, 18]) expect(sector(n).toString('ascii', 1, 6)).toBe('CD001');
    expect([...sector(17).subarray(88, 91)]).toEqual([0x25, 0x2f, 0x45]);
    for (const n of [16, 17]) {
      const pvd = sector(n);
      expect(pvd.readUInt32LE(80)).toBe(image.length / 2048);
      expect(pvd.readUInt32BE(84)).toBe(image.length / 2048);
      expect(pvd.readUInt16LE(128)).toBe(2048);
      expect(pvd.readUInt16BE(130)).toBe(2048);
      const root = pvd.readUInt32LE(156 + 2);
      expect(pvd.readUInt32BE(156 + 6)).toBe(root);
      const l = sector(pvd.readUInt32LE(140));
      const m = sector(pvd.readUInt32BE(148));
      expect(l.readUInt32LE(2)).toBe(root);
      expect(m.readUInt32BE(2)).toBe(root);
    }
  });
});

describe('buildSeedIso determinism', () => {
  it('gives equal bytes for equal content, whatever the key order, and different bytes otherwise', () => {
    const a = buildSeedIso(SEED);
    const b = buildSeedIso({ 'user-data': SEED['user-data'], 'network-config': SEED['network-config'], 'meta-data': SEED['meta-data'] });
    const digest = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
    expect(digest(b)).toBe(digest(a));
    expect(digest(buildSeedIso({ ...SEED, 'meta-data': 'instance-id: iid-web-2\n' }))).not.toBe(digest(a));
    expect(digest(buildSeedIso(SEED, { volumeId: 'CIDATA' }))).not.toBe(digest(a));
  });

  it('gives the bytes recorded in the fixture, across processes and days', () => {
    const recorded = readFileSync(new URL('../../fixtures/apply/seed-iso.sha256', import.meta.url), 'utf8').split(' ')[0];
    expect(createHash('sha256').update(buildSeedIso(SEED)).digest('hex')).toBe(recorded);
  });

  it('accepts a Buffer and the same text as a string alike', () => {
    expect(buildSeedIso({ 'meta-data': Buffer.from('x: 1\n') }).equals(buildSeedIso({ 'meta-data': 'x: 1\n' }))).toBe(true);
  });
});

describe('buildSeedIso refuses unsafe input', () => {
  const refused = ['', '.', '..', '.hidden', 'trailing.', 'Meta-Data', 'a/b', '../etc/passwd', 'x y', 'nul\u0000', 'new\nline', 'caf\u00e9', 'a'.repeat(65), '*'];
  it.each(refused)('refuses the file name %j with SeedIsoInvalidInput', (name) => {
    let error: unknown;
    try {
      buildSeedIso({ [name]: 'x' });
    } catch (err) {
      error = err;
    }
    expect(isGitvirtError(error, 'SeedIsoInvalidInput')).toBe(true);
    expect((error as Error).message).toMatch(/^failed to build seed ISO: file name /);
    expect((error as Error).message).not.toMatch(/[\u0000\n]/);
  });

  it('accepts names at the edge of the rule', () => {
    const name = 'a'.repeat(30) + '.-_' + '9'.repeat(31);
    const image = ws.write('edge.iso', buildSeedIso({ [name]: 'ok', _: 'u', '-': 'd' }));
    expect(isoExtract(image, '-R', `/${name}`).toString()).toBe('ok');
    expect(isoExtract(image, '-J', `/${name}`).toString()).toBe('ok');
    expect(isoFiles(image, '-R')).toContain('/-');
  });

  it.each(['', 'a'.repeat(17), 'ci data', 'ci\u0000', 'café'])('refuses the volume id %j', (volumeId) => {
    expect(() => buildSeedIso(SEED, { volumeId })).toThrow(/failed to build seed ISO: volume id/);
  });
});

describe('buildSeedIso read by blkid', () => {
  it('is probed as TYPE iso9660 with LABEL cidata, or the label given', () => {
    expect(blkidTags(ws.write('label.iso', buildSeedIso(SEED)))).toMatchObject({ TYPE: 'iso9660', LABEL: 'cidata' });
    expect(blkidTags(ws.write('label2.iso', buildSeedIso(SEED, { volumeId: 'CIDATA' })))).toMatchObject({ TYPE: 'iso9660', LABEL: 'CIDATA' });
  });
});
