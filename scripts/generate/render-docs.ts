import {
  API_VERSION, COMMON_FILE, GENERATED_HEADER, KIND_TABLE, isSchemaObject, str,
  type Json, type Located, type SchemaObject, type SchemaSet,
} from './schema-set.js';
import { objectMembers } from './object-members.js';

/** Titled types documented once elsewhere; their fields are not repeated. */
const SEE_INSTEAD: Readonly<Record<string, string>> = {
  ObjectMeta: 'see [Metadata](#metadata)',
  ClusterMemberSpec: 'every field of the [VirtualMachine](#virtualmachine) `spec` except `placement`',
};

interface Row {
  field: string;
  type: string;
  required: boolean;
  dflt: string;
  description: string;
}

/** Renders `docs/resources.md`: one table of fields per kind, with types, defaults and descriptions. */
export function renderDocs(set: SchemaSet): string {
  const common = set.document(COMMON_FILE);
  const meta = set.resolve('#/$defs/ObjectMeta', common.base);
  const out: string[] = [
    `<!-- ${GENERATED_HEADER} -->`,
    '',
    '# Resource reference',
    '',
    `Every gitvirt document has \`apiVersion: ${API_VERSION}\`, a \`kind\` (${KIND_TABLE.map((k) => `\`${k.kind}\``).join(', ')}),`,
    '`metadata` and `spec`. Unknown fields are errors. Fields with a default may be omitted.',
    '',
    '## Metadata',
    '',
    str(meta.node, 'description') ?? '',
    '',
    ...table(rows(set, meta, 'metadata')),
  ];
  for (const { kind, file } of KIND_TABLE) {
    const doc = set.document(file);
    const spec = objectMembers(set, doc).find((m) => m.name === 'spec');
    if (spec === undefined) throw new Error(`failed to document ${kind}: no spec`);
    out.push('', `## ${kind}`, '', str(doc.node, 'description') ?? '', '', ...table(rows(set, spec.schema, 'spec')));
  }
  return `${out.join('\n')}\n`;
}

function rows(set: SchemaSet, loc: Located, prefix: string): Row[] {
  const result: Row[] = [];
  for (const member of objectMembers(set, loc)) {
    const field = `${prefix}.${member.name}`;
    const node = deref(set, member.schema);
    const own = member.schema.node;
    const description = (typeof own === 'boolean' ? undefined : str(own, 'description')) ?? str(node.node, 'description') ?? '';
    const dflt = typeof own === 'boolean' ? undefined : own['default'] ?? (typeof node.node === 'boolean' ? undefined : node.node['default']);
    result.push({ field, type: typeText(set, node), required: member.required, dflt: dflt === undefined ? '' : code(dflt), description });
    result.push(...children(set, node, field));
  }
  return result;
}

function children(set: SchemaSet, loc: Located, field: string): Row[] {
  const node = loc.node;
  if (typeof node === 'boolean') return [];
  const title = str(node, 'title');
  if (title !== undefined && SEE_INSTEAD[title] !== undefined) return [];
  if (node['type'] === 'object' && objectMembers(set, loc).length > 0) return rows(set, loc, field);
  if (node['type'] === 'array' && node['items'] !== undefined) {
    const item = deref(set, { node: node['items'] as SchemaObject, base: loc.base });
    return children(set, item, `${field}[]`);
  }
  return [];
}

/** Follows a `$ref` that has no sibling properties. */
function deref(set: SchemaSet, loc: Located): Located {
  const node = loc.node;
  if (typeof node === 'boolean') return loc;
  const ref = str(node, '$ref');
  if (ref === undefined || node['properties'] !== undefined || node['unevaluatedProperties'] !== undefined) return loc;
  return deref(set, set.resolve(ref, loc.base));
}

function typeText(set: SchemaSet, loc: Located): string {
  const node = loc.node;
  if (typeof node === 'boolean') return 'any';
  const title = str(node, 'title');
  if (title !== undefined && node['type'] === 'object') {
    const see = SEE_INSTEAD[title];
    return see === undefined ? `object (${title})` : `object (${title}): ${see}`;
  }
  if ('const' in node) return code(node['const'] as Json);
  if (Array.isArray(node['enum'])) return node['enum'].map((v) => code(v)).join(' \\| ');
  const bounds = boundsText(node);
  switch (node['type']) {
    case 'array': {
      const item = deref(set, { node: node['items'] as SchemaObject, base: loc.base });
      return `list of ${typeText(set, item)}${bounds}`;
    }
    case 'object':
      return isSchemaObject(node['additionalProperties']) ? 'map of string to string' : 'object (free-form)';
    default:
      return `${String(node['type'])}${bounds}`;
  }
}

function boundsText(node: SchemaObject): string {
  const parts: string[] = [];
  const min = node['minimum'] ?? node['minItems'] ?? node['minLength'];
  const max = node['maximum'] ?? node['maxItems'] ?? node['maxLength'];
  const unit = node['type'] === 'array' ? ' items' : node['type'] === 'string' ? ' chars' : '';
  if (node['exclusiveMinimum'] !== undefined) parts.push(`> ${String(node['exclusiveMinimum'])}`);
  if (min !== undefined && max !== undefined && node['type'] !== 'string') parts.push(`${String(min)} to ${String(max)}${unit}`);
  else if (min !== undefined && node['type'] !== 'string') parts.push(`≥ ${String(min)}${unit}`);
  if (max !== undefined && (min === undefined || node['type'] === 'string')) parts.push(`≤ ${String(max)}${unit}`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function code(value: Json): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function table(rowsIn: Row[]): string[] {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| Field | Type | Required | Default | Description |',
    '|---|---|---|---|---|',
    ...rowsIn.map((r) => `| \`${r.field}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${cell(r.dflt)} | ${cell(r.description)} |`),
  ];
}
