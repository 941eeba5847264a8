import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { schemaConstName } from './render-schema-data.js';
import { COMMON_FILE, GENERATED_HEADER, KIND_TABLE, type Json, type SchemaSet } from './schema-set.js';
import { splitStatements } from './split-statements.js';

/**
 * Options of the ajv instance whose validators are generated: every error (`allErrors`), with the
 * failing data and schema attached (`verbose`) for the diagnostics, and ESM source output.
 */
export const VALIDATOR_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: false,
  logger: false,
  code: { source: true, esm: true },
} as const;

/** How ajv writes a schema value into generated code (`stringify` of `ajv/dist/compile/codegen`). */
const ajvStringify = (value: unknown): string =>
  JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** ajv's `require` of a runtime helper, e.g. `const func0 = require("ajv/dist/runtime/equal").default`. */
const RUNTIME_REQUIRE = /^const (func\d+) = require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default$/;

/** A schema value ajv embedded as a literal, e.g. `const schema31 = {...}`. */
const SCHEMA_LITERAL = /^const (schema\d+) = ([[{][\s\S]*)$/;

/**
 * Expressions that reach every object and array node of the schemas through the constants of
 * `schema-data.ts`, keyed by the node as ajv writes it (the first path wins for equal nodes).
 */
function schemaPaths(set: SchemaSet): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: Json, expression: string): void => {
    if (node === null || typeof node !== 'object') return;
    const key = ajvStringify(node);
    if (!paths.has(key)) paths.set(key, expression);
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${expression}[${i}]`));
    else for (const [name, value] of Object.entries(node)) visit(value, `${expression}[${JSON.stringify(name)}]`);
  };
  visit(set.document(COMMON_FILE).node, 'COMMON_SCHEMA');
  for (const { kind, file } of KIND_TABLE) visit(set.document(file).node, schemaConstName(kind));
  return paths;
}

/**
 * Renders `controller/types/schema-validators.ts`: every kind's schema compiled ahead of time by
 * ajv's standalone code generation, so validation at run time never compiles a schema. Schema
 * values that errors point at (`schema`, `parentSchema`) are the constants of `schema-data.ts`;
 * ajv's runtime helpers are imported from `ajv/dist/runtime/`.
 */
export function renderSchemaValidators(set: SchemaSet): string {
  const ajv = new Ajv2020(VALIDATOR_OPTIONS);
  ajv.addSchema(set.document(COMMON_FILE).node);
  const refs: Record<string, string> = {};
  for (const { kind, file } of KIND_TABLE) {
    const id = set.document(file).node['$id'];
    ajv.addSchema(set.document(file).node);
    refs[kind] = String(id);
  }
  const code = standalone.default(ajv, refs);
  const paths = schemaPaths(set);
  const imports: string[] = [];
  const body: string[] = [];
  const exported = new Map<string, string>();
  for (const statement of splitStatements(code)) {
    if (statement === '"use strict"') continue;
    const runtime = RUNTIME_REQUIRE.exec(statement);
    const literal = SCHEMA_LITERAL.exec(statement);
    const exportedAs = /^export const ([A-Za-z]+) = (validate\d+)$/.exec(statement);
    if (runtime !== null) {
      const [, name = '', path = ''] = runtime;
      imports.push(`import ${name}Module from "${path}.js";`);
      body.push(`const ${name} = typeof ${name}Module === "function" ? ${name}Module : ${name}Module.default;`);
    } else if (literal !== null && paths.has(literal[2] ?? '')) {
      body.push(`const ${literal[1] ?? ''} = ${paths.get(literal[2] ?? '') ?? ''};`);
    } else if (exportedAs !== null) {
      exported.set(exportedAs[1] ?? '', exportedAs[2] ?? '');
    } else {
      body.push(/^function\s/.test(statement) ? statement : `${statement};`);
    }
  }
  const missing = KIND_TABLE.filter(({ kind }) => !exported.has(kind)).map(({ kind }) => kind);
  if (missing.length > 0) throw new Error(`failed to generate schema validators: no validator for ${missing.join(', ')}`);
  return [
    `// ${GENERATED_HEADER}`,
    '// @ts-nocheck',
    '',
    "import type { ErrorObject } from 'ajv/dist/2020.js';",
    "import type { Kind } from './resources.js';",
    `import { ${['COMMON_SCHEMA', ...KIND_TABLE.map(({ kind }) => schemaConstName(kind))].join(', ')} } from './schema-data.js';`,
    ...imports,
    '',
    '/** A precompiled schema validator: true when `data` is valid, else false with `errors` set. */',
    'export interface SchemaValidateFunction {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    '/** The validator of each kind\'s schema (ajv 2020-12, all errors, verbose). */',
    'export const SCHEMA_VALIDATORS: Readonly<Record<Kind, SchemaValidateFunction>> = {',
    ...KIND_TABLE.map(({ kind }) => `  ${kind}: ${exported.get(kind) ?? ''},`),
    '};',
    '',
    ...body,
    '',
  ].join('\n');
}
