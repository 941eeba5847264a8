/** Generation of types, schema constants, CRDs, editor schema and docs from the JSON Schemas in `schemas/`. */
export { generateAll, EDITOR_SCHEMA_PATH } from './generate-all.js';
export { SchemaSet, KIND_TABLE, COMMON_FILE, API_VERSION } from './schema-set.js';
export type { KindInfo, SchemaNode, SchemaObject, Json, Located } from './schema-set.js';
export { inlineRefs } from './inline-refs.js';
export { GENERATED_HEADER } from './typescript.js';
