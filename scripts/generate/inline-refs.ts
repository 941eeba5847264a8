import { isSchemaObject, type Json, type SchemaNode, type SchemaObject, type SchemaSet } from './schema-set.js';

const SINGLE = ['additionalProperties', 'items', 'propertyNames', 'contains', 'if', 'then', 'else', 'not'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', 'dependentSchemas'];
const DROPPED = new Set(['$schema', '$id', '$defs', '$ref']);

/**
 * Returns `node` with every `$ref` replaced by the schema it points at. A `$ref` with sibling keywords is
 * merged with them: sibling annotations win, `properties` and `required` are combined, and
 * `unevaluatedProperties: false` becomes `additionalProperties: false` over the combined properties.
 */
export function inlineRefs(set: SchemaSet, node: SchemaNode, base: string): SchemaNode {
  if (typeof node === 'boolean') return node;
  const own = inlineChildren(set, node, base);
  const ref = node['$ref'];
  if (typeof ref !== 'string') return own;
  const target = set.resolve(ref, base);
  const inlined = inlineRefs(set, target.node, target.base);
  if (typeof inlined === 'boolean') throw new Error(`failed to inline ${ref}: boolean target`);
  return mergeRef(inlined, own);
}

function inlineChildren(set: SchemaSet, node: SchemaObject, base: string): SchemaObject {
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (SINGLE.includes(key)) out[key] = inlineRefs(set, value as SchemaNode, base) as Json;
    else if (LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => inlineRefs(set, v as SchemaNode, base) as Json);
    } else if (MAPS.includes(key) && isSchemaObject(value)) {
      const map: SchemaObject = {};
      for (const [name, sub] of Object.entries(value)) map[name] = inlineRefs(set, sub as SchemaNode, base) as Json;
      out[key] = map;
    } else out[key] = value;
  }
  return out;
}

/** Merges the siblings of a `$ref` into the (already inlined) target. */
export function mergeRef(target: SchemaObject, siblings: SchemaObject): SchemaObject {
  const out: SchemaObject = { ...target };
  for (const [key, value] of Object.entries(siblings)) {
    if (key === 'properties' && isSchemaObject(out.properties) && isSchemaObject(value)) {
      out.properties = { ...out.properties, ...value };
    } else if (key === 'required' && Array.isArray(out.required) && Array.isArray(value)) {
      out.required = [...out.required, ...value.filter((v) => !(out.required as Json[]).includes(v))];
    } else if (key === 'allOf' && Array.isArray(out.allOf) && Array.isArray(value)) {
      out.allOf = [...out.allOf, ...value];
    } else if (key === 'unevaluatedProperties') {
      if (value !== false) throw new Error('failed to inline $ref: only unevaluatedProperties: false is supported');
    } else out[key] = value;
  }
  if (siblings['unevaluatedProperties'] === false) {
    const { allOf, ...rest } = out;
    return allOf === undefined ? { ...rest, additionalProperties: false } : { ...rest, additionalProperties: false, allOf };
  }
  return out;
}
