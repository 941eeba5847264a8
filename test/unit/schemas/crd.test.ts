import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../controller/types/resources.js';
import { MISTAKES, VALID, broken, type Doc } from './samples.js';

const root = join(import.meta.dirname, '..', '..', '..');
const PLURAL: Record<string, string> = { Host: 'hosts', Image: 'images', Network: 'networks', VirtualMachine: 'virtualmachines', Cluster: 'clusters' };

type Node = Record<string, any>;

async function crd(kind: string): Promise<Node> {
  return parse(await readFile(join(root, 'crds', `${PLURAL[kind]}.gitvirt.io.yaml`), 'utf8')) as Node;
}

const FORBIDDEN = ['$ref', '$id', '$schema', '$defs', 'const', 'if', 'then', 'else', 'title', 'unevaluatedProperties', 'propertyNames', 'uniqueItems', 'examples', 'dependentRequired'];
const NOT_IN_JUNCTORS = ['description', 'type', 'default', 'additionalProperties', 'nullable'];
const JUNCTORS = ['allOf', 'anyOf', 'oneOf', 'not'];

/** Structural-schema problems of a CRD schema node (Kubernetes apiextensions rules). */
function structuralProblems(node: unknown, pointer: string, inJunctor: boolean, outer?: Node): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${pointer}: not a schema object`];
  const n = node as Node;
  const problems: string[] = [];
  for (const key of FORBIDDEN) if (key in n) problems.push(`${pointer}: ${key}`);
  if ('exclusiveMinimum' in n && typeof n.exclusiveMinimum !== 'boolean') problems.push(`${pointer}: numeric exclusiveMinimum`);
  if (typeof n.pattern === 'string' && /\(\?[=!<]/.test(n.pattern)) problems.push(`${pointer}: lookaround in pattern`);
  if (inJunctor) {
    for (const key of NOT_IN_JUNCTORS) if (key in n) problems.push(`${pointer}: ${key} inside a junctor`);
    for (const name of Object.keys(n.properties ?? {})) {
      if (outer?.properties?.[name] === undefined) problems.push(`${pointer}: property ${name} not in the structural schema`);
    }
  } else {
    if (typeof n.type !== 'string') problems.push(`${pointer}: no type`);
    if (n.properties !== undefined && n.additionalProperties !== undefined) problems.push(`${pointer}: properties with additionalProperties`);
  }
  for (const [name, sub] of Object.entries((n.properties ?? {}) as Node)) {
    problems.push(...structuralProblems(sub, `${pointer}/properties/${name}`, inJunctor, inJunctor ? outer?.properties?.[name] : undefined));
  }
  if (n.items !== undefined) problems.push(...structuralProblems(n.items, `${pointer}/items`, inJunctor, outer?.items));
  if (typeof n.additionalProperties === 'object') problems.push(...structuralProblems(n.additionalProperties, `${pointer}/additionalProperties`, inJunctor));
  const self = inJunctor ? outer : n;
  for (const key of JUNCTORS) {
    const subs = key === 'not' ? (n.not === undefined ? [] : [n.not]) : (n[key] ?? []);
    subs.forEach((sub: unknown, i: number) => problems.push(...structuralProblems(sub, `${pointer}/${key}/${i}`, true, self)));
  }
  return problems;
}

/** The CRD schema as plain JSON Schema, with unknown fields refused (as `kubectl --validate=strict` does). */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node as Node)) {
    if (key.startsWith('x-kubernetes-')) continue;
    if (key === 'enum' || key === 'default' || key === 'required') out[key] = value;
    else out[key] = asJsonSchema(value);
  }
  if (out.exclusiveMinimum === true) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  const n = node as Node;
  if (n.type === 'object' && n.properties !== undefined && n['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

describe('CRDs', () => {
  it.each(KINDS)('%s is a structural apiextensions.k8s.io/v1 CRD with a status subresource', async (kind) => {
    const doc = await crd(kind);
    expect(doc).toMatchObject({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${PLURAL[kind]}.gitvirt.io` },
      spec: { group: 'gitvirt.io', scope: 'Namespaced', names: { kind, plural: PLURAL[kind] } },
    });
    const [version] = doc.spec.versions;
    expect(version).toMatchObject({ name: 'v1alpha1', served: true, storage: true, subresources: { status: {} } });
    expect(version.additionalPrinterColumns.map((c: Node) => c.name)).toContain('Ready');
    const schema = version.schema.openAPIV3Schema;
    expect(structuralProblems(schema, '', false)).toEqual([]);
    expect(schema.properties.status.properties.conditions.items.required).toEqual(['type', 'status']);
  });

  it('keep descriptions, defaults, patterns and bounds', async () => {
    const spec = (await crd('Host')).spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec.properties.port).toMatchObject({ type: 'integer', minimum: 1, maximum: 65535, default: 22 });
    expect(spec.properties.address.description).toMatch(/SSH/);
    expect(spec.properties.storagePool.properties.path.pattern).toMatch(/^\^/);
  });

  it('drop defaults that would trigger a conditional rule (disk mode without image)', async () => {
    const spec = (await crd('VirtualMachine')).spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec.properties.disks.items.properties.mode.default).toBeUndefined();
    expect(spec.properties.disks.items.properties.bus.default).toBe('virtio');
  });

  it('accept the valid samples and refuse the mistakes like the JSON Schemas do', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const checks = Object.fromEntries(await Promise.all(KINDS.map(async (kind) => {
      const schema = (await crd(kind)).spec.versions[0].schema.openAPIV3Schema;
      return [kind, ajv.compile(asJsonSchema(schema.properties.spec) as object)] as const;
    })));
    const verdict = (doc: Doc): boolean => checks[doc.kind]!(doc.spec) as boolean;
    for (const [name, doc] of Object.entries(VALID)) expect(verdict(doc), name).toBe(true);
    for (const mistake of MISTAKES.filter((m) => m.at.startsWith('/spec'))) {
      expect(verdict(broken(mistake)), mistake.name).toBe(false);
    }
  });
});
