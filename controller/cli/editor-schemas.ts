import type { JsonSchema } from '../types/schema-data.js';

/** One schema file for editors. */
export interface EditorSchemaFile {
  /** File name, e.g. `gitvirt.schema.json` or `host.schema.json`. */
  file: string;
  /** What the schema covers: `any kind` or the kind's name. */
  covers: string;
  schema: JsonSchema;
}

/** Name of the bundled schema that accepts every kind. */
export const BUNDLED_SCHEMA_FILE = 'gitvirt.schema.json';

/** The kind-specific branch of the bundled schema's `allOf` (`if kind == X then <schema of X>`). */
interface KindBranch {
  if?: { properties?: { kind?: { const?: unknown } } };
  then?: JsonSchema;
}

/**
 * The editor schema files: the bundled schema (dispatches on `kind`) plus one self-contained
 * schema per kind, cut out of the bundle (no `$ref`s to resolve, so they work from disk). Pure.
 */
export function editorSchemaFiles(bundle: JsonSchema): EditorSchemaFile[] {
  const files: EditorSchemaFile[] = [{ file: BUNDLED_SCHEMA_FILE, covers: 'any gitvirt document (by kind)', schema: bundle }];
  const branches = Array.isArray(bundle['allOf']) ? (bundle['allOf'] as KindBranch[]) : [];
  for (const branch of branches) {
    const kind = branch.if?.properties?.kind?.const;
    if (typeof kind !== 'string' || branch.then === undefined) continue;
    const schema: JsonSchema = { ...(bundle.$schema === undefined ? {} : { $schema: bundle.$schema }), ...branch.then };
    files.push({ file: `${kind.toLowerCase()}.schema.json`, covers: kind, schema });
  }
  return files;
}

/** How to point yaml-language-server at the written schemas; `dir` is the schema folder as the user should write it. */
export function editorSetupText(dir: string, files: readonly EditorSchemaFile[]): string {
  const width = Math.max(...files.map((f) => f.file.length));
  const bundled = `${dir}/${BUNDLED_SCHEMA_FILE}`;
  const settings = JSON.stringify({ 'yaml.schemas': { [bundled]: ['**/*.yaml', '**/*.yml'] } }, null, 2);
  return [
    `wrote ${files.length} JSON Schemas to ${dir}:`,
    ...files.map((f) => `  ${f.file.padEnd(width)}  ${f.covers}`),
    '',
    'Editor setup (yaml-language-server: VS Code YAML extension, Neovim, JetBrains):',
    '',
    'VS Code, in .vscode/settings.json at the repository root:',
    ...settings.split('\n').map((l) => `  ${l}`),
    '',
    'or per file, as its first line (the path is relative to the YAML file; a per-kind schema works too):',
    `  # yaml-language-server: $schema=${bundled}`,
    '',
  ].join('\n');
}
