/**
 * `readRepo` end to end on a generated repository of 2,000 manifests (hosts, images, networks,
 * VMs), against the floor: reading the same files, `yaml.parseAllDocuments`, and plain ajv schema
 * validation — no positions, no diagnostics, no semantic checks.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { parseAllDocuments } from 'yaml';
import { readRepo } from '../controller/manifests/index.js';
import { ALL_SCHEMAS, SCHEMA_IDS } from '../controller/types/schema-data.js';
import type { Kind } from '../controller/types/resources.js';
import { defineBenchmark } from './lib/index.js';
import { DEFAULT_SHAPE, writeManifestRepo } from './lib/generate-manifest-repo.js';

interface Context {
  dir: string;
  validators: Map<string, ValidateFunction>;
  documents: number;
}

/** All `.yaml` files under `dir`, recursively. */
async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => join(e.parentPath, e.name));
}

/** The floor: read, parse, validate against the kind's schema; counts invalid documents. */
async function floor(ctx: Context): Promise<number> {
  let invalid = 0;
  for (const file of await yamlFiles(ctx.dir)) {
    for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
      const value = doc.toJS() as { kind?: string };
      const validate = ctx.validators.get(String(value.kind));
      if (validate === undefined || !validate(value)) invalid++;
    }
  }
  return invalid;
}

/** Export read by bench/run.ts. */
export const benchmark = defineBenchmark<Context>({
  name: 'validate',
  description: `readRepo on ${DEFAULT_SHAPE.hosts + DEFAULT_SHAPE.images + DEFAULT_SHAPE.networks + DEFAULT_SHAPE.vms} generated manifests vs the parse + ajv floor`,
  iterations: 5,
  warmup: 1,
  async setup() {
    const dir = await mkdtemp(join(tmpdir(), 'gitvirt-bench-validate-'));
    const { documents } = await writeManifestRepo(dir);
    const ajv = new Ajv2020({ strict: false, logger: false });
    ajv.addSchema(ALL_SCHEMAS);
    const validators = new Map<string, ValidateFunction>();
    for (const [kind, id] of Object.entries(SCHEMA_IDS) as [Kind, string][]) validators.set(kind, ajv.getSchema(id) as ValidateFunction);
    // Both cases must see a valid repository, or the comparison means nothing.
    const invalid = await floor({ dir, validators, documents });
    const result = await readRepo({ dir });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (invalid > 0 || errors.length > 0 || result.stats.documents !== documents) {
      throw new Error(`generated repository is not valid: ${invalid} schema failures, ${errors.length} errors, e.g. ${JSON.stringify(errors[0])}`);
    }
    return { dir, validators, documents };
  },
  teardown: (ctx) => rm(ctx.dir, { recursive: true, force: true }),
  cases: [
    { name: 'floor: read + yaml.parseAllDocuments + ajv', baseline: true, run: floor },
    { name: 'readRepo (positions, diagnostics, semantic checks)', run: (ctx) => readRepo({ dir: ctx.dir }) },
  ],
});
