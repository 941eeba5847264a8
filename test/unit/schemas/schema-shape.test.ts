import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaSources } from '../../../scripts/generate.js';

const root = join(import.meta.dirname, '..', '..', '..');
const sources = await readSchemaSources(root);

type Node = Record<string, any>;

/** Visits every schema object with its JSON pointer, passing whether it is a property schema. */
function walk(node: unknown, pointer: string, visit: (node: Node, pointer: string, role: string) => void, role = 'root'): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const n = node as Node;
  visit(n, pointer, role);
  for (const key of ['properties', '$defs']) {
    for (const [name, sub] of Object.entries((n[key] ?? {}) as Node)) walk(sub, `${pointer}/${key}/${name}`, visit, key);
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not']) {
    if (n[key] !== undefined) walk(n[key], `${pointer}/${key}`, visit, key);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    (n[key] ?? []).forEach((sub: unknown, i: number) => walk(sub, `${pointer}/${key}/${i}`, visit, key));
  }
}

const JUNCTORS = ['if', 'then', 'else', 'not', 'allOf', 'anyOf', 'oneOf'];

function everywhere(visit: (node: Node, pointer: string, role: string) => void): void {
  for (const [file, schema] of Object.entries(sources)) walk(schema, file, visit);
}

describe('schema sources', () => {
  it('are the six expected files with stable $ids', () => {
    expect(Object.fromEntries(Object.entries(sources).map(([f, s]) => [f, (s as Node).$id]))).toEqual({
      'cluster.schema.json': 'https://gitvirt.io/schemas/v1alpha1/cluster.json',
      'common.schema.json': 'https://gitvirt.io/schemas/v1alpha1/common.json',
      'host.schema.json': 'https://gitvirt.io/schemas/v1alpha1/host.json',
      'image.schema.json': 'https://gitvirt.io/schemas/v1alpha1/image.json',
      'network.schema.json': 'https://gitvirt.io/schemas/v1alpha1/network.json',
      'virtualmachine.schema.json': 'https://gitvirt.io/schemas/v1alpha1/virtualmachine.json',
    });
  });

  it('describe every property and definition', () => {
    const missing: string[] = [];
    everywhere((node, pointer, role) => {
      const inJunctor = JUNCTORS.some((j) => pointer.includes(`/${j}`));
      if ((role === 'properties' || role === '$defs') && !inJunctor && typeof node.description !== 'string') missing.push(pointer);
    });
    expect(missing).toEqual([]);
  });

  it('title every object with properties, and close it to unknown fields', () => {
    const problems: string[] = [];
    everywhere((node, pointer) => {
      if (JUNCTORS.some((j) => pointer.includes(`/${j}`)) || node.properties === undefined) return;
      if (pointer.endsWith('/$defs/vmSpecFields')) return; // shared fields, closed by VirtualMachineSpec and ClusterMemberSpec
      if (typeof node.title !== 'string') problems.push(`${pointer}: no title`);
      if (node.additionalProperties !== false && node.unevaluatedProperties !== false) problems.push(`${pointer}: open`);
    });
    expect(problems).toEqual([]);
  });

  it('use patterns Kubernetes (RE2) can evaluate and no ajv-formats keyword', () => {
    const problems: string[] = [];
    everywhere((node, pointer) => {
      if (node.format !== undefined) problems.push(`${pointer}: format`);
      if (typeof node.pattern === 'string' && /\(\?[=!<]|\\[1-9]/.test(node.pattern)) problems.push(`${pointer}: lookaround or backreference`);
      if (typeof node.pattern === 'string' && !(node.pattern.startsWith('^') && node.pattern.endsWith('$'))) problems.push(`${pointer}: unanchored`);
    });
    expect(problems).toEqual([]);
  });

  it('are formatted as the committed files (two-space JSON)', async () => {
    for (const file of Object.keys(sources)) {
      const text = await readFile(join(root, 'schemas', file), 'utf8');
      expect(text, file).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });
});
