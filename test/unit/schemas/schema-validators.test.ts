import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '../../../controller/types/resources.js';
import { ALL_SCHEMAS, COMMON_SCHEMA, SCHEMA_IDS } from '../../../controller/types/schema-data.js';
import { SCHEMA_VALIDATORS } from '../../../controller/types/schema-validators.js';
import { VALIDATOR_OPTIONS, splitStatements } from '../../../scripts/generate/index.js';
import { MISTAKES, VALID, broken, type Doc } from './samples.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** The same schemas compiled by ajv at run time, with the options the generated code was made with. */
function compiledAtRunTime(): Record<Kind, (data: unknown) => unknown[]> {
  const { code: _code, ...options } = VALIDATOR_OPTIONS;
  const ajv = new Ajv2020(options);
  ajv.addSchema(ALL_SCHEMAS);
  return Object.fromEntries(KINDS.map((kind) => {
    const validate = ajv.getSchema(SCHEMA_IDS[kind]);
    if (validate === undefined) throw new Error(`no schema for ${kind}`);
    return [kind, (data: unknown) => (validate(data) ? [] : [...(validate.errors ?? [])])];
  })) as Record<Kind, (data: unknown) => unknown[]>;
}

const precompiled = (doc: Doc): unknown[] => {
  const validate = SCHEMA_VALIDATORS[doc.kind as Kind];
  return validate(doc) ? [] : [...(validate.errors ?? [])];
};

describe('precompiled schema validators', () => {
  const runtime = compiledAtRunTime();
  const cases: [string, Doc][] = [
    ...Object.entries(VALID),
    ...MISTAKES.map((m) => [m.name, broken(m)] as [string, Doc]),
    ['several mistakes at once', { ...broken(MISTAKES[0]!), status: {}, spec: { cpus: '2', disks: [{ name: 'Root', mode: 'clone' }] } }],
    ['a cluster template with placement', (() => {
      const doc = structuredClone(VALID['cluster']!);
      doc.spec.template.spec.placement = { host: 'hv1' };
      return doc;
    })()],
  ];

  it('exist for every kind', () => {
    expect(Object.keys(SCHEMA_VALIDATORS)).toEqual([...KINDS]);
  });

  it.each(cases)('report exactly the errors of run-time compiled ajv: %s', (_name, doc) => {
    expect(precompiled(doc)).toEqual(runtime[doc.kind as Kind](doc));
  });

  it('point errors at the schema objects of schema-data.ts', () => {
    const errors = precompiled(broken(MISTAKES.find((m) => m.name === 'address with semicolon')!)) as { instancePath: string; parentSchema: unknown }[];
    const address = errors.find((e) => e.instancePath === '/spec/address');
    expect(address?.parentSchema).toBe((COMMON_SCHEMA as { $defs: Record<string, unknown> }).$defs.hostAddress);
  });

  it('import only ajv runtime helpers that exist, and the schema constants', async () => {
    const text = await readFile(join(root, 'controller/types/schema-validators.ts'), 'utf8');
    const imported = [...text.matchAll(/^import (?:type )?.* from ["'](.+)["'];$/gm)].map((m) => m[1] as string);
    expect(imported.filter((path) => !path.startsWith('ajv/dist/runtime/'))).toEqual(['ajv/dist/2020.js', './resources.js', './schema-data.js']);
    const require = createRequire(join(root, 'controller/types/schema-validators.ts'));
    for (const path of imported.filter((p) => p.startsWith('ajv/dist/runtime/'))) expect(() => require.resolve(path)).not.toThrow();
    expect(text).not.toMatch(/\brequire\(/);
  });
});

describe('splitStatements', () => {
  it('splits at top-level semicolons and after function bodies, not inside strings, regexes or comments', () => {
    const code = 'const a = {"x;": "}"};function f(s){/* ; */return s.replace(/\\//g, ";")}export const b = f;';
    expect(splitStatements(code)).toEqual(['const a = {"x;": "}"}', 'function f(s){/* ; */return s.replace(/\\//g, ";")}', 'export const b = f']);
  });

  it('refuses what it cannot split safely', () => {
    expect(() => splitStatements('const a = `;`;')).toThrow(/template literal/);
    expect(() => splitStatements('const a = {;')).toThrow(/unbalanced/);
    expect(() => splitStatements('const a = ";')).toThrow(/unterminated string/);
  });
});
