/** Generation of types, schema constants, precompiled schema validators, CRDs, the editor schema and the reference docs from the JSON Schemas in `schemas/`. */
export { generateAll, EDITOR_SCHEMA_PATH } from './generate-all.js';
export { SchemaSet, KIND_TABLE, COMMON_FILE, API_VERSION, GENERATED_HEADER, GROUP_SUFFIX } from './schema-set.js';
export type { KindInfo, SchemaNode, SchemaObject, Json, Located } from './schema-set.js';
export { inlineRefs } from './inline-refs.js';
export { toStructural } from './to-structural.js';
export { renderResourceTypes } from './render-resource-types.js';
export { renderSchemaData, schemaConstName } from './render-schema-data.js';
export { renderSchemaValidators, VALIDATOR_OPTIONS } from './render-schema-validators.js';
export { splitStatements } from './split-statements.js';
export { renderCrd, buildCrd } from './render-crd.js';
export { renderDocs } from './render-docs.js';
export { buildEditorSchema } from './build-editor-schema.js';
