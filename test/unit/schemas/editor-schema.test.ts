import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { EDITOR_SCHEMA } from '../../../controller/types/schema-data.js';
import { MISTAKES, VALID, broken } from './samples.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('editor schema', () => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(EDITOR_SCHEMA);

  it('is self-contained draft-07 without $ref', () => {
    expect(EDITOR_SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(JSON.stringify(EDITOR_SCHEMA)).not.toContain('"$ref"');
  });

  it('is also written to schemas/editor/ for yaml-language-server', async () => {
    const file = JSON.parse(await readFile(join(root, 'schemas/editor/gitvirt.schema.json'), 'utf8')) as unknown;
    expect(file).toEqual(EDITOR_SCHEMA);
  });

  it.each(Object.entries(VALID))('accepts the valid sample %s', (_name, doc) => {
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(MISTAKES.map((m) => [m.name, m] as const))('refuses: %s', (_name, mistake) => {
    expect(validate(broken(mistake))).toBe(false);
  });

  it('leaves documents of other apiVersions alone', () => {
    expect(validate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} })).toBe(true);
  });
});
