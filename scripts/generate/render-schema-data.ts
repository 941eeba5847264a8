import { buildEditorSchema } from './build-editor-schema.js';
import { COMMON_FILE, GENERATED_HEADER, KIND_TABLE, type SchemaSet } from './schema-set.js';

/** Name of the constant that holds a kind's schema in `schema-data.ts` (`VirtualMachine` → `VIRTUAL_MACHINE_SCHEMA`). */
export function schemaConstName(kind: string): string {
  return `${kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_SCHEMA`;
}

/** Renders `controller/types/schema-data.ts`: the schemas as constants, so runtime code never reads schema files. */
export function renderSchemaData(set: SchemaSet): string {
  const constName = schemaConstName;
  const common = set.document(COMMON_FILE).node;
  const out: string[] = [
    `// ${GENERATED_HEADER}`,
    '',
    "import type { Kind } from './resources.js';",
    '',
    '/** A JSON Schema document as plain data (accepted by ajv `addSchema`). */',
    'export interface JsonSchema {',
    '  $id?: string;',
    '  $schema?: string;',
    '  [keyword: string]: unknown;',
    '}',
    '',
    '/** `$id` of the shared definitions schema. */',
    `export const COMMON_SCHEMA_ID = ${JSON.stringify(common['$id'])};`,
    '',
    '/** `$id` of each kind\'s schema; pass it to ajv `getSchema`. */',
    'export const SCHEMA_IDS: Readonly<Record<Kind, string>> = {',
    ...KIND_TABLE.map(({ kind, file }) => `  ${kind}: ${JSON.stringify(set.document(file).node['$id'])},`),
    '};',
    '',
    '/** Shared definitions (names, labels, metadata, addresses, paths) referenced by every kind schema. */',
    `export const COMMON_SCHEMA: JsonSchema = ${JSON.stringify(common, null, 2)};`,
  ];
  for (const { kind, file } of KIND_TABLE) {
    out.push('', `/** JSON Schema (draft 2020-12) of a ${kind} document. */`);
    out.push(`export const ${constName(kind)}: JsonSchema = ${JSON.stringify(set.document(file).node, null, 2)};`);
  }
  out.push(
    '',
    '/** The schema of each kind. */',
    'export const SCHEMAS: Readonly<Record<Kind, JsonSchema>> = {',
    ...KIND_TABLE.map(({ kind }) => `  ${kind}: ${constName(kind)},`),
    '};',
    '',
    '/** Every schema, shared definitions first: `ajv.addSchema(ALL_SCHEMAS)` on an `Ajv2020` instance. */',
    `export const ALL_SCHEMAS: JsonSchema[] = [COMMON_SCHEMA, ${KIND_TABLE.map(({ kind }) => constName(kind)).join(', ')}];`,
    '',
    '/** One self-contained draft-07 schema for any gitvirt document (refs inlined, dispatch on `kind`), for editors. */',
    `export const EDITOR_SCHEMA: JsonSchema = ${JSON.stringify(buildEditorSchema(set), null, 2)};`,
  );
  return `${out.join('\n')}\n`;
}
