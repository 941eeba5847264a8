import { inlineRefs } from './inline-refs.js';
import { API_VERSION, GROUP_SUFFIX, KIND_TABLE, type SchemaObject, type SchemaSet } from './schema-set.js';

/** `$id` of the bundled editor schema. */
export const EDITOR_SCHEMA_ID = 'https://gitvirt.io/schemas/v1alpha1/gitvirt.json';

/**
 * Builds one self-contained schema for any gitvirt document, for editors (yaml-language-server): every
 * `$ref` is inlined and the kind schema is chosen by `apiVersion` and `kind`. Documents of other
 * groups are left alone, as gitvirt skips them too; another `gitvirt.io/` version is flagged. Only draft-07 keywords are used.
 */
export function buildEditorSchema(set: SchemaSet): SchemaObject {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: EDITOR_SCHEMA_ID,
    title: 'gitvirt document',
    description: `Any gitvirt ${API_VERSION} document: ${KIND_TABLE.map((k) => k.kind).join(', ')}.`,
    type: 'object',
    properties: {
      apiVersion: { description: `API version; gitvirt reads documents with \`${API_VERSION}\`.`, type: 'string', examples: [API_VERSION] },
      kind: { description: 'Kind of the resource.', type: 'string', examples: KIND_TABLE.map((k) => k.kind) },
    },
    allOf: [
      {
        if: { properties: { apiVersion: { type: 'string', pattern: `^${GROUP_SUFFIX.replace(/\./g, '\\.')}/` } }, required: ['apiVersion'] },
        then: { properties: { apiVersion: { const: API_VERSION } } },
      },
      {
        if: { properties: { apiVersion: { const: API_VERSION } }, required: ['apiVersion'] },
        then: { properties: { kind: { enum: KIND_TABLE.map((k) => k.kind) } } },
      },
      ...KIND_TABLE.map(({ kind, file }) => {
        const doc = set.document(file);
        return {
          if: { properties: { apiVersion: { const: API_VERSION }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
          then: inlineRefs(set, doc.node, doc.base),
        };
      }),
    ],
  };
}
