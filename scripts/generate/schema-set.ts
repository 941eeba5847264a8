/** A JSON value as read from a schema file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON Schema node: an object schema or a boolean schema. */
export type SchemaNode = boolean | SchemaObject;

/** An object JSON Schema node. */
export interface SchemaObject {
  [keyword: string]: Json;
}

/** One kind of resource: its name, schema file and Kubernetes naming. */
export interface KindInfo {
  kind: 'Host' | 'Image' | 'Network' | 'VirtualMachine' | 'Cluster';
  file: string;
  plural: string;
  singular: string;
  shortName: string;
}

/** The resource kinds in their canonical order, with their schema files. */
export const KIND_TABLE: readonly KindInfo[] = [
  { kind: 'Host', file: 'host.schema.json', plural: 'hosts', singular: 'host', shortName: 'gvhost' },
  { kind: 'Image', file: 'image.schema.json', plural: 'images', singular: 'image', shortName: 'gvimage' },
  { kind: 'Network', file: 'network.schema.json', plural: 'networks', singular: 'network', shortName: 'gvnet' },
  { kind: 'VirtualMachine', file: 'virtualmachine.schema.json', plural: 'virtualmachines', singular: 'virtualmachine', shortName: 'gvvm' },
  { kind: 'Cluster', file: 'cluster.schema.json', plural: 'clusters', singular: 'cluster', shortName: 'gvcluster' },
];

/** File name of the shared definitions schema. */
export const COMMON_FILE = 'common.schema.json';

/** The apiVersion every gitvirt document carries. */
export const API_VERSION = 'gitvirt.io/v1alpha1';

/** Header line of every generated file. */
export const GENERATED_HEADER = 'generated from schemas/ by scripts/generate.ts; do not edit';

/** API group of the resources. */
export const GROUP_SUFFIX = 'gitvirt.io';

/** A node together with the `$id` of the document it lives in, needed to resolve relative `$ref`s. */
export interface Located {
  node: SchemaNode;
  base: string;
}

/** All schema documents, indexed by `$id`, with `$ref` resolution. */
export class SchemaSet {
  /** Documents by `$id`. */
  readonly byId: ReadonlyMap<string, SchemaObject>;
  /** Documents by file name (`host.schema.json`). */
  readonly byFile: ReadonlyMap<string, SchemaObject>;

  constructor(files: Readonly<Record<string, unknown>>) {
    const byId = new Map<string, SchemaObject>();
    const byFile = new Map<string, SchemaObject>();
    for (const name of [COMMON_FILE, ...KIND_TABLE.map((k) => k.file)]) {
      const doc = files[name];
      if (!isSchemaObject(doc)) throw new Error(`failed to load schemas: ${name} is missing or not an object`);
      const id = doc['$id'];
      if (typeof id !== 'string') throw new Error(`failed to load schemas: ${name} has no $id`);
      byId.set(id, doc);
      byFile.set(name, doc);
    }
    this.byId = byId;
    this.byFile = byFile;
  }

  /** The document of a file, located at its own `$id`. */
  document(file: string): Located & { node: SchemaObject } {
    const node = this.byFile.get(file);
    if (node === undefined) throw new Error(`failed to find schema file ${file}`);
    return { node, base: String(node['$id']) };
  }

  /** Resolves `ref` relative to `base` to the node it points at. */
  resolve(ref: string, base: string): Located {
    const url = new URL(ref, base);
    const docId = url.href.replace(/#.*$/, '');
    const doc = this.byId.get(docId);
    if (doc === undefined) throw new Error(`failed to resolve $ref ${ref}: no schema ${docId}`);
    let node: Json = doc;
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
    for (const raw of pointer.split('/').slice(1)) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !(token in node)) {
        throw new Error(`failed to resolve $ref ${ref}: no ${pointer} in ${docId}`);
      }
      node = node[token] as Json;
    }
    if (typeof node !== 'boolean' && !isSchemaObject(node)) throw new Error(`failed to resolve $ref ${ref}: not a schema`);
    return { node, base: docId };
  }
}

/** True for a plain JSON object (not an array). */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string value of a keyword, or undefined. */
export function str(node: SchemaNode, keyword: string): string | undefined {
  if (typeof node === 'boolean') return undefined;
  const v = node[keyword];
  return typeof v === 'string' ? v : undefined;
}

/** The sub-schemas under an object-valued keyword such as `properties`. */
export function schemaMap(node: SchemaNode, keyword: string): [string, SchemaNode][] {
  if (typeof node === 'boolean') return [];
  const v = node[keyword];
  if (!isSchemaObject(v)) return [];
  return Object.entries(v).map(([k, s]) => [k, s as SchemaNode]);
}

/** The sub-schemas under an array-valued keyword such as `allOf`. */
export function schemaList(node: SchemaNode, keyword: string): SchemaNode[] {
  if (typeof node === 'boolean') return [];
  const v = node[keyword];
  return Array.isArray(v) ? (v as SchemaNode[]) : [];
}

/** The string list under a keyword such as `required`. */
export function stringList(node: SchemaNode, keyword: string): string[] {
  if (typeof node === 'boolean') return [];
  const v = node[keyword];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
