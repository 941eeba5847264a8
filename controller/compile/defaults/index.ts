/** Schema defaults: fills in every `default` of the JSON Schemas in `schemas/`, the single source of truth. */
export { applyDefaults, MATERIALIZED_OBJECTS, type DefaultedByKind, type DefaultedResource } from './apply-defaults.js';
export { applySchemaDefaults, resolveRef, type DefaultsContext, type SchemaNode, type SchemaRegistry } from './apply-schema-defaults.js';
