import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Kind } from '../types/resources.js';
import { SCHEMA_VALIDATORS } from '../types/schema-validators.js';

/** Validates one document against its kind's JSON Schema; returns ajv's errors (empty when valid). */
export type SchemaValidator = (value: unknown) => ErrorObject[];

/** The validator of a kind, compiled ahead of time by `npm run generate` (no schema is compiled at run time). */
export function schemaValidator(kind: Kind): SchemaValidator {
  const validate = SCHEMA_VALIDATORS[kind];
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}
