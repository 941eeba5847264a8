import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ALL_SCHEMAS, SCHEMA_IDS } from '../../../controller/types/schema-data.js';
import { KINDS, type Kind } from '../../../controller/types/resources.js';
import { MISTAKES, VALID, broken, type Doc } from './samples.js';

function validators() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addSchema(ALL_SCHEMAS);
  return Object.fromEntries(KINDS.map((kind) => {
    const validate = ajv.getSchema(SCHEMA_IDS[kind]);
    if (validate === undefined) throw new Error(`no schema for ${kind}`);
    return [kind, validate];
  })) as Record<Kind, NonNullable<ReturnType<typeof ajv.getSchema>>>;
}

const validate = validators();

function errorsOf(doc: Doc) {
  const check = validate[doc.kind as Kind];
  return check(doc) ? [] : (check.errors ?? []);
}

describe('kind schemas', () => {
  it('compile under ajv 2020 strict mode', () => {
    expect(Object.keys(validate)).toEqual([...KINDS]);
  });

  it.each(Object.entries(VALID))('accept the valid sample %s', (_name, doc) => {
    expect(errorsOf(doc)).toEqual([]);
  });

  it.each(MISTAKES.map((m) => [m.name, m] as const))('refuse: %s', (_name, mistake) => {
    const errors = errorsOf(broken(mistake));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.instancePath)).toContain(mistake.at);
  });

  it('report an unknown VirtualMachine spec field by name', () => {
    const doc = broken(MISTAKES.find((m) => m.name === 'typo in vm spec')!);
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({
      keyword: 'unevaluatedProperties', instancePath: '/spec', params: { unevaluatedProperty: 'memoryMib' },
    }));
  });

  it('accept every VirtualMachine spec field in a Cluster template except placement', () => {
    const vm = structuredClone(VALID['vm-full']!);
    const { placement: _placement, ...spec } = vm.spec;
    const cluster = structuredClone(VALID['cluster']!);
    cluster.spec.template.spec = spec;
    expect(errorsOf(cluster)).toEqual([]);
  });
});
