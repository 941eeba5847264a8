import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaSources, staleFiles } from '../../../scripts/generate.js';
import { generateAll } from '../../../scripts/generate/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('generated files', () => {
  it('are up to date with schemas/ (run `npm run generate` when this fails)', async () => {
    const generated = generateAll(await readSchemaSources(root));
    const stale: string[] = [];
    for (const [path, content] of generated) {
      const committed = await readFile(join(root, path), 'utf8').catch(() => '<missing>');
      if (committed !== content) stale.push(path);
    }
    expect(stale, `stale generated files: ${stale.join(', ')}; run \`npm run generate\` and commit the result`).toEqual([]);
  });

  it('cover types, schema constants, precompiled validators, editor schema, one CRD per kind and the reference', async () => {
    const generated = generateAll(await readSchemaSources(root));
    expect([...generated.keys()]).toEqual([
      'controller/types/resources.ts',
      'controller/types/schema-data.ts',
      'controller/types/schema-validators.ts',
      'schemas/editor/gitvirt.schema.json',
      'crds/hosts.gitvirt.io.yaml',
      'crds/images.gitvirt.io.yaml',
      'crds/networks.gitvirt.io.yaml',
      'crds/virtualmachines.gitvirt.io.yaml',
      'crds/clusters.gitvirt.io.yaml',
      'docs/resources.md',
    ]);
  });

  it('are deterministic', async () => {
    const sources = await readSchemaSources(root);
    expect(generateAll(structuredClone(sources))).toEqual(generateAll(sources));
  });

  it('change when a schema changes, and staleFiles names the files', async () => {
    const sources = await readSchemaSources(root);
    const before = generateAll(sources);
    const changed = structuredClone(sources) as Record<string, any>;
    changed['host.schema.json'].$defs.HostSpec.properties.port.description = 'The SSH port.';
    const after = generateAll(changed);
    const differing = [...after].filter(([path, content]) => before.get(path) !== content).map(([path]) => path);
    expect(differing).toEqual(expect.arrayContaining(['controller/types/resources.ts', 'crds/hosts.gitvirt.io.yaml', 'docs/resources.md']));
    expect(differing).not.toContain('crds/images.gitvirt.io.yaml');
    expect(differing, 'validators point at schema-data.ts for descriptions').not.toContain('controller/types/schema-validators.ts');
    changed['host.schema.json'].$defs.HostSpec.properties.port.maximum = 65534;
    expect(generateAll(changed).get('controller/types/schema-validators.ts')).not.toBe(before.get('controller/types/schema-validators.ts'));

    const dir = await mkdtemp(join(tmpdir(), 'gitvirt-generate-'));
    try {
      for (const [path, content] of before) {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      expect(await staleFiles(dir, before)).toEqual([]);
      expect(await staleFiles(dir, after)).toEqual(differing);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuse a missing schema file', () => {
    expect(() => generateAll({})).toThrow(/common\.schema\.json is missing/);
  });
});
