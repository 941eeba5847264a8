import { schemaMap, stringList, type Located, type SchemaSet } from './schema-set.js';

/** One property of an object schema. */
export interface Member {
  name: string;
  schema: Located;
  required: boolean;
}

/** The properties of an object schema, following a `$ref` whose siblings add properties. */
export function objectMembers(set: SchemaSet, loc: Located): Member[] {
  const node = loc.node;
  if (typeof node === 'boolean') return [];
  const inherited = typeof node['$ref'] === 'string' ? objectMembers(set, set.resolve(node['$ref'], loc.base)) : [];
  const required = new Set(stringList(node, 'required'));
  const members = inherited.map((m) => ({ ...m, required: m.required || required.has(m.name) }));
  for (const [name, sub] of schemaMap(node, 'properties')) {
    const member = { name, schema: { node: sub, base: loc.base }, required: required.has(name) };
    const at = members.findIndex((m) => m.name === name);
    if (at >= 0) members[at] = member;
    else members.push(member);
  }
  return members;
}
