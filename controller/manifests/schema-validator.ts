import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Kind } from '../types/resources.js';
import { ALL_SCHEMAS, SCHEMA_IDS } from '../types/schema-data.js';

/** Validates one document against its kind's JSON Schema; returns ajv's errors (empty when valid). */
export type SchemaValidator = (value: unknown) => ErrorObject[];

let ajv: Ajv2020 | undefined;
const validators = new Map<Kind, ValidateFunction>();

/** The validator of a kind, compiled on first use and cached for the life of the process. */
export function schemaValidator(kind: Kind): SchemaValidator {
  let validate = validators.get(kind);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, logger: false });
      ajv.addSchema(ALL_SCHEMAS);
    }
    const compiled = ajv.getSchema(SCHEMA_IDS[kind]);
    if (compiled === undefined) throw new Error(`schema of kind ${kind} is missing`);
    validate = compiled as ValidateFunction;
    validators.set(kind, validate);
  }
  const fn = validate;
  return (value) => (fn(value) ? [] : [...(fn.errors ?? [])]);
}
