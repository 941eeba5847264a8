import { ALL_SCHEMAS } from '../types/schema-data.js';
import { pointerSegments } from './create-locator.js';

type SchemaNode = Record<string, unknown>;

const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Resolves a `$ref` such as `#/$defs/x` or `common.json#/$defs/x` among the gitvirt schemas. */
export function resolveSchemaRef(ref: string): SchemaNode | undefined {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const roots = file === '' ? ALL_SCHEMAS : ALL_SCHEMAS.filter((s) => typeof s.$id === 'string' && s.$id.endsWith(`/${file}`));
  for (const root of roots) {
    let node: unknown = root;
    for (const segment of pointerSegments(fragment)) node = isNode(node) ? node[segment] : undefined;
    if (isNode(node)) return node;
  }
  return undefined;
}

/** Property names a schema object declares, following `$ref`, `allOf`/`anyOf`/`oneOf` and `then`/`else`. */
export function declaredProperties(schema: unknown, depth = 0, into = new Set<string>()): Set<string> {
  if (!isNode(schema) || depth > 12) return into;
  if (isNode(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) if (sub !== false) into.add(name);
  }
  if (typeof schema.$ref === 'string') declaredProperties(resolveSchemaRef(schema.$ref), depth + 1, into);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) declaredProperties(sub, depth + 1, into);
  }
  for (const key of ['then', 'else'] as const) declaredProperties(schema[key], depth + 1, into);
  return into;
}

/** The schema a keyword sits in, following a top-level `$ref` for descriptive keywords. */
export function effectiveSchema(schema: unknown): SchemaNode {
  if (!isNode(schema)) return {};
  if (typeof schema.$ref === 'string') {
    const target = resolveSchemaRef(schema.$ref);
    if (target !== undefined) return { ...target, ...schema };
  }
  return schema;
}
