import { isSchemaObject, type Json, type SchemaNode, type SchemaObject } from './schema-set.js';

/** CEL rules added to CRD schemas for constraints JSON Schema cannot state, by schema `title`. */
export const CEL_RULES: Readonly<Record<string, readonly { rule: string; message: string }[]>> = {
  VirtualMachineSpec: [{ rule: '!has(self.maxMemoryMiB) || self.maxMemoryMiB >= self.memoryMiB', message: 'maxMemoryMiB must not be below memoryMiB' }],
  ClusterMemberSpec: [{ rule: '!has(self.maxMemoryMiB) || self.maxMemoryMiB >= self.memoryMiB', message: 'maxMemoryMiB must not be below memoryMiB' }],
};

const ANNOTATIONS = new Set(['title', '$comment', 'examples', '$schema', '$id', '$defs', 'unevaluatedProperties', 'propertyNames']);
/** Keywords Kubernetes forbids inside allOf/anyOf/oneOf/not. */
const NOT_IN_JUNCTORS = new Set(['description', 'type', 'default', 'additionalProperties', 'nullable']);

/**
 * Converts an inlined JSON Schema (no `$ref`) into a Kubernetes structural schema: `const` becomes
 * `enum`, `if`/`then`/`else` become `anyOf`, numeric `exclusiveMinimum` becomes the boolean form,
 * `uniqueItems` becomes `x-kubernetes-list-type: set`, free-form objects preserve unknown fields, and
 * keywords structural schemas reject are dropped. Descriptions, defaults, patterns and bounds stay.
 */
export function toStructural(node: SchemaNode): SchemaObject {
  if (typeof node === 'boolean') throw new Error('failed to convert schema: boolean schema outside a junctor');
  const out: SchemaObject = {};
  const junctors: Json[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'properties' && isSchemaObject(value)) {
      const props: SchemaObject = {};
      const triggers = conditionTriggers(node);
      for (const [name, sub] of Object.entries(value)) {
        const converted = toStructural(sub as SchemaNode);
        if (triggers.has(name)) delete converted['default'];
        props[name] = converted;
      }
      out.properties = props;
    } else if (key === 'items') out.items = toStructural(value as SchemaNode);
    else if (key === 'additionalProperties') {
      if (isSchemaObject(value) && node['properties'] === undefined) out.additionalProperties = toStructural(value);
    } else if (key === 'uniqueItems') {
      if (value === true) out['x-kubernetes-list-type'] = 'set';
    } else if (key === 'if' || key === 'then' || key === 'else') {
      if (key === 'if') junctors.push(conditional(node));
    } else if (key === 'allOf' && Array.isArray(value)) junctors.push(...value.map((v) => toValidation(v as SchemaNode)));
    else if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) out[key] = value.map((v) => toValidation(v as SchemaNode));
    else if (key === 'not') out.not = toValidation(value as SchemaNode);
    else convertScalar(out, key, value);
  }
  if (junctors.length > 0) out.allOf = flattenAllOf(junctors);
  if (out.type === 'object' && out.properties === undefined && out.additionalProperties === undefined) {
    out['x-kubernetes-preserve-unknown-fields'] = true;
  }
  const title = node['title'];
  const rules = typeof title === 'string' ? CEL_RULES[title] : undefined;
  if (rules !== undefined && rules.length > 0) out['x-kubernetes-validations'] = rules.map((r) => ({ ...r }));
  return out;
}

/**
 * Properties whose mere presence triggers a conditional rule (`if: { required: [mode] }`). The API server
 * applies defaults before validating, so a default on such a property would always trigger the rule.
 */
function conditionTriggers(node: SchemaObject): Set<string> {
  const conditionals = [node, ...(Array.isArray(node['allOf']) ? node['allOf'] : [])];
  const names = new Set<string>();
  for (const c of conditionals) {
    const cond = isSchemaObject(c) ? c['if'] : undefined;
    if (isSchemaObject(cond) && Array.isArray(cond['required']) && cond['properties'] !== undefined) {
      for (const [name, sub] of Object.entries(cond['properties'] as SchemaObject)) {
        if (sub === true && cond['required'].includes(name)) names.add(name);
      }
    }
  }
  return names;
}

/** Converts a schema used inside a junctor: value validations only. */
function toValidation(node: SchemaNode): SchemaObject {
  if (typeof node === 'boolean') return node ? {} : { not: {} };
  const out: SchemaObject = {};
  const junctors: Json[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || NOT_IN_JUNCTORS.has(key)) continue;
    if (key === 'properties' && isSchemaObject(value)) {
      const props: SchemaObject = {};
      for (const [name, sub] of Object.entries(value)) {
        if (sub === true) continue;
        if (sub === false) junctors.push({ not: { required: [name] } });
        else props[name] = toValidation(sub as SchemaNode);
      }
      if (Object.keys(props).length > 0) out.properties = props;
    } else if (key === 'items') out.items = toValidation(value as SchemaNode);
    else if (key === 'if' || key === 'then' || key === 'else') {
      if (key === 'if') junctors.push(conditional(node));
    } else if (key === 'allOf' && Array.isArray(value)) junctors.push(...value.map((v) => toValidation(v as SchemaNode)));
    else if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) out[key] = value.map((v) => toValidation(v as SchemaNode));
    else if (key === 'not') Object.assign(out, negate(toValidation(value as SchemaNode)));
    else if (key === 'uniqueItems') continue;
    else convertScalar(out, key, value);
  }
  const flat = flattenAllOf(junctors);
  if (Object.keys(out).length === 0 && flat.length === 1 && isSchemaObject(flat[0])) return flat[0];
  if (flat.length > 0) out.allOf = flat;
  return out;
}

/** Splices items that are themselves only an `allOf` into the list. */
function flattenAllOf(items: Json[]): Json[] {
  return items.flatMap((item) => {
    if (isSchemaObject(item) && Object.keys(item).length === 1 && Array.isArray(item['allOf'])) return flattenAllOf(item['allOf']);
    return [item];
  });
}

/** `if A then B else C` as `anyOf`. */
function conditional(node: SchemaObject): SchemaObject {
  const cond = toValidation(node['if'] as SchemaNode);
  const then = node['then'] === undefined ? undefined : toValidation(node['then'] as SchemaNode);
  const otherwise = node['else'] === undefined ? undefined : toValidation(node['else'] as SchemaNode);
  if (then !== undefined && otherwise !== undefined) {
    return { anyOf: [{ allOf: [cond, then] }, { allOf: [negate(cond), otherwise] }] };
  }
  if (then !== undefined) return { anyOf: [negate(cond), then] };
  if (otherwise !== undefined) return { anyOf: [cond, otherwise] };
  return {};
}

function negate(node: SchemaObject): SchemaObject {
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'not' && isSchemaObject(node['not'])) return node['not'];
  return { not: node };
}

function convertScalar(out: SchemaObject, key: string, value: Json): void {
  if (key === 'const') out.enum = [value];
  else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'number') {
    out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
    out[key] = true;
  } else out[key] = value;
}
