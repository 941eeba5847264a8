import {
  API_VERSION, COMMON_FILE, GENERATED_HEADER, KIND_TABLE, isSchemaObject, schemaMap, str,
  type Json, type Located, type SchemaNode, type SchemaObject, type SchemaSet,
} from './schema-set.js';
import { objectMembers } from './object-members.js';

/** Renders `controller/types/resources.ts`: one interface per titled schema object, plus kind unions and constants. */
export function renderResourceTypes(set: SchemaSet): string {
  const out: string[] = [
    `// ${GENERATED_HEADER}`,
    '',
    '/** The apiVersion of every gitvirt document. */',
    `export const API_VERSION = ${literal(API_VERSION)};`,
    '',
    '/** The resource kinds, in canonical order. */',
    `export const KINDS = [${KIND_TABLE.map((k) => literal(k.kind)).join(', ')}] as const;`,
    '',
    '/** A resource kind. */',
    'export type Kind = (typeof KINDS)[number];',
    '',
    '/** Any gitvirt resource document. */',
    `export type Resource = ${KIND_TABLE.map((k) => k.kind).join(' | ')};`,
    '',
    '/** The document type of each kind. */',
    'export interface ResourceByKind {',
    ...KIND_TABLE.map((k) => `  ${k.kind}: ${k.kind};`),
    '}',
  ];
  for (const titled of titledSchemas(set)) out.push('', ...renderInterface(set, titled));
  return `${out.join('\n')}\n`;
}

/** Every titled schema object in canonical order: common definitions, then each kind's document and definitions. */
export function titledSchemas(set: SchemaSet): Located[] {
  const found: Located[] = [];
  const seen = new Set<string>();
  const add = (loc: Located): void => {
    const title = str(loc.node, 'title');
    if (title === undefined || !isObjectType(loc.node)) return;
    if (seen.has(title)) throw new Error(`failed to generate types: title ${title} is used twice`);
    seen.add(title);
    found.push(loc);
  };
  const common = set.document(COMMON_FILE);
  for (const [, def] of schemaMap(common.node, '$defs')) add({ node: def, base: common.base });
  for (const { file } of KIND_TABLE) {
    const doc = set.document(file);
    add(doc);
    for (const [, def] of schemaMap(doc.node, '$defs')) add({ node: def, base: doc.base });
  }
  return found;
}

function isObjectType(node: SchemaNode): boolean {
  return typeof node !== 'boolean' && node['type'] === 'object';
}

function renderInterface(set: SchemaSet, loc: Located): string[] {
  const title = str(loc.node, 'title') ?? '';
  const lines = [...docComment(str(loc.node, 'description'), undefined, ''), `export interface ${title} {`];
  for (const member of objectMembers(set, loc)) {
    const doc = str(member.schema.node, 'description') ?? describeRef(set, member.schema);
    const dflt = typeof member.schema.node === 'boolean' ? undefined : member.schema.node['default'];
    lines.push(...docComment(doc, dflt, '  '));
    lines.push(`  ${member.name}${member.required ? '' : '?'}: ${typeExpr(set, member.schema)};`);
  }
  const extra = additionalType(set, loc);
  if (extra !== undefined) lines.push(`  [key: string]: ${extra};`);
  lines.push('}');
  return lines;
}

function additionalType(set: SchemaSet, loc: Located): string | undefined {
  const node = loc.node;
  if (typeof node === 'boolean' || node['unevaluatedProperties'] === false) return undefined;
  const extra = node['additionalProperties'];
  if (extra === false || node['properties'] === undefined) return undefined;
  return extra === undefined || extra === true ? 'unknown' : typeExpr(set, { node: extra as SchemaNode, base: loc.base });
}

function describeRef(set: SchemaSet, loc: Located): string | undefined {
  const ref = str(loc.node, '$ref');
  return ref === undefined ? undefined : str(set.resolve(ref, loc.base).node, 'description');
}

/** The TypeScript type expression of a schema node. */
export function typeExpr(set: SchemaSet, loc: Located): string {
  const node = loc.node;
  if (node === true) return 'unknown';
  if (node === false) return 'never';
  const title = str(node, 'title');
  if (title !== undefined && isObjectType(node)) return title;
  if ('const' in node) return literal(node['const'] as Json);
  if (Array.isArray(node['enum'])) return node['enum'].map((v) => literal(v)).join(' | ');
  const ref = str(node, '$ref');
  if (ref !== undefined) return typeExpr(set, set.resolve(ref, loc.base));
  switch (node['type']) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = typeExpr(set, { node: (node['items'] ?? true) as SchemaNode, base: loc.base });
      return /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      return objectTypeExpr(set, loc, node);
    default:
      throw new Error(`failed to generate types: unsupported schema ${JSON.stringify(node).slice(0, 80)}`);
  }
}

function objectTypeExpr(set: SchemaSet, loc: Located, node: SchemaObject): string {
  const members = objectMembers(set, loc);
  if (members.length === 0) {
    const extra = node['additionalProperties'];
    const value = extra === undefined || extra === true || extra === false
      ? 'unknown'
      : typeExpr(set, { node: extra as SchemaNode, base: loc.base });
    return `Record<string, ${value}>`;
  }
  return `{ ${members.map((m) => `${m.name}${m.required ? '' : '?'}: ${typeExpr(set, m.schema)};`).join(' ')} }`;
}

function docComment(text: string | undefined, dflt: Json | undefined, indent: string): string[] {
  const parts = [text ?? '', dflt === undefined ? '' : `@default ${JSON.stringify(dflt)}`]
    .filter((p) => p !== '')
    .map((p) => p.replace(/\*\//g, '*\\/'));
  if (parts.length === 0) return [];
  if (parts.length === 1) return [`${indent}/** ${parts[0]} */`];
  return [`${indent}/**`, ...parts.map((p) => `${indent} * ${p}`), `${indent} */`];
}

/** A JSON value as a TypeScript literal (strings single-quoted). */
export function literal(value: Json): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (isSchemaObject(value) || Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}
