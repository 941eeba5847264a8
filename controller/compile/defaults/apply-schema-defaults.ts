import { isPlainMap, type PlainMap } from '../merge-cloud-config.js';

/** A JSON Schema node, as far as defaults care. */
export type SchemaNode = PlainMap;

/** JSON Schemas by `$id`, for resolving `$ref`s across files. */
export type SchemaRegistry = ReadonlyMap<string, SchemaNode>;

/** How to walk: the schemas, and the titled objects that are created empty when absent so their defaults apply. */
export interface DefaultsContext {
  registry: SchemaRegistry;
  materialize: ReadonlySet<string>;
}

/** A schema node with the `$id` of the document it sits in, for resolving relative `$ref`s. */
interface Located {
  node: SchemaNode;
  base: string;
}

/** Decodes one JSON pointer segment. */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Resolved `$ref`s per registry, by base and reference. */
const RESOLVED = new WeakMap<SchemaRegistry, Map<string, Located>>();

/** Resolves a `$ref` against its document's `$id` (cached per registry). */
export function resolveRef(ref: string, base: string, registry: SchemaRegistry): Located {
  let cache = RESOLVED.get(registry);
  if (cache === undefined) {
    cache = new Map();
    RESOLVED.set(registry, cache);
  }
  const key = `${base}#${ref}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const located = resolveUncached(ref, base, registry);
  cache.set(key, located);
  return located;
}

/** Resolves a `$ref` by URL and JSON pointer. */
function resolveUncached(ref: string, base: string, registry: SchemaRegistry): Located {
  const url = new URL(ref, base);
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  const document = registry.get(url.href);
  if (document === undefined) throw new Error(`unknown schema ${url.href} in $ref ${ref}`);
  let node: unknown = document;
  for (const segment of fragment.split('/').slice(1)) {
    node = isPlainMap(node) ? node[unescapePointer(segment)] : undefined;
  }
  if (!isPlainMap(node)) throw new Error(`unresolvable $ref ${ref} from ${base}`);
  return { node, base: url.href };
}

/** The node and the nodes its `$ref` chain leads to, outermost first. */
function chain(located: Located, registry: SchemaRegistry): Located[] {
  const out: Located[] = [];
  let current: Located | undefined = located;
  while (current !== undefined && out.length < 32) {
    out.push(current);
    const ref: unknown = current.node['$ref'];
    current = typeof ref === 'string' ? resolveRef(ref, current.base, registry) : undefined;
  }
  return out;
}

/** True when every `required` key of a subschema is present, i.e. the branch applies to the value. */
function branchApplies(node: SchemaNode, value: PlainMap): boolean {
  const required = node['required'];
  return Array.isArray(required) && required.length > 0 && required.every((key) => typeof key === 'string' && key in value);
}

/** Subschemas whose defaults also apply: every `allOf`, and each `oneOf`/`anyOf` branch the value selects. */
function subschemas(node: SchemaNode, value: unknown): SchemaNode[] {
  const out: SchemaNode[] = [];
  const allOf = node['allOf'];
  if (Array.isArray(allOf)) out.push(...allOf.filter(isPlainMap));
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = node[keyword];
    if (Array.isArray(branches) && isPlainMap(value)) {
      out.push(...branches.filter(isPlainMap).filter((b) => branchApplies(b, value)));
    }
  }
  return out;
}

/** Deep copy of JSON data, so defaults are never shared between results. */
function cloneJson<T>(value: T): T {
  return typeof value !== 'object' || value === null ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Applies defaults of one located schema node (and its `$ref` chain) to a value, returning the new value. */
function walk(located: Located, value: unknown, ctx: DefaultsContext): unknown {
  const nodes = chain(located, ctx.registry);
  let current = value;
  for (const { node } of nodes) {
    if (current === undefined && 'default' in node) current = cloneJson(node['default']);
  }
  if (current === undefined && nodes.some(({ node }) => typeof node['title'] === 'string' && ctx.materialize.has(node['title']))) {
    current = {};
  }
  if (current === undefined) return undefined;
  for (const { node, base } of nodes) {
    current = walkStructure({ node, base }, current, ctx);
    for (const sub of subschemas(node, current)) current = walk({ node: sub, base }, current, ctx);
  }
  return current;
}

/** Applies defaults below a node: object properties, additional properties and array items. */
function walkStructure({ node, base }: Located, value: unknown, ctx: DefaultsContext): unknown {
  if (Array.isArray(value)) {
    const items = node['items'];
    return isPlainMap(items) ? value.map((item) => walk({ node: items, base }, item, ctx)) : value;
  }
  if (!isPlainMap(value)) return value;
  const out: PlainMap = { ...value };
  const properties = isPlainMap(node['properties']) ? node['properties'] : {};
  for (const [key, sub] of Object.entries(properties)) {
    if (!isPlainMap(sub)) continue;
    const next = walk({ node: sub, base }, out[key], ctx);
    if (next !== undefined) out[key] = next;
  }
  const additional = node['additionalProperties'];
  if (isPlainMap(additional)) {
    for (const key of Object.keys(out)) {
      if (!(key in properties)) out[key] = walk({ node: additional, base }, out[key], ctx);
    }
  }
  return out;
}

/** Returns a copy of `value` with the `default`s of `schema` (and every subschema it reaches) filled in. */
export function applySchemaDefaults<T>(args: { schema: SchemaNode; base: string; value: T; context: DefaultsContext }): T {
  return walk({ node: args.schema, base: args.base }, cloneJson(args.value), args.context) as T;
}
