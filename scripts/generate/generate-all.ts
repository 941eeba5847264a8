import { renderCrd } from './render-crd.js';
import { renderDocs } from './render-docs.js';
import { buildEditorSchema } from './build-editor-schema.js';
import { renderSchemaData } from './render-schema-data.js';
import { renderSchemaValidators } from './render-schema-validators.js';
import { GROUP_SUFFIX, KIND_TABLE, SchemaSet } from './schema-set.js';
import { renderResourceTypes } from './render-resource-types.js';

/** Path (relative to the repository root) of the bundled editor schema file. */
export const EDITOR_SCHEMA_PATH = 'schemas/editor/gitvirt.schema.json';

/**
 * Generates every file derived from the schemas. `schemas` maps file names in `schemas/`
 * (`host.schema.json`, ...) to their parsed content; the result maps repository-relative paths to
 * file content, in a stable order. Pure and deterministic.
 */
export function generateAll(schemas: Readonly<Record<string, unknown>>): Map<string, string> {
  const set = new SchemaSet(schemas);
  const files = new Map<string, string>();
  files.set('controller/types/resources.ts', renderResourceTypes(set));
  files.set('controller/types/schema-data.ts', renderSchemaData(set));
  files.set('controller/types/schema-validators.ts', renderSchemaValidators(set));
  files.set(EDITOR_SCHEMA_PATH, `${JSON.stringify(buildEditorSchema(set), null, 2)}\n`);
  for (const info of KIND_TABLE) files.set(`crds/${info.plural}.${GROUP_SUFFIX}.yaml`, renderCrd(set, info));
  files.set('docs/resources.md', renderDocs(set));
  return files;
}
