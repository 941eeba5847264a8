import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../types/diagnostic.js';
import type { ParsedDocument } from '../types/manifest.js';
import { joinPointer } from './create-locator.js';
import { describeAlternative, describeExpected, describeFormat } from './describe-schema.js';
import { makeDiagnostic, showValue } from './make-diagnostic.js';
import { declaredProperties } from './schema-refs.js';
import { simplifySchemaErrors } from './simplify-schema-errors.js';
import { closest } from './suggest.js';

/** A schema error in words, and where it points. */
interface Rendered { message: string; hint?: string; pointer: string; atKey?: boolean }

type Renderer = (e: ErrorObject) => Rendered;

const p = (e: ErrorObject) => e.params as Record<string, unknown>;

function wrongValue(e: ErrorObject): Rendered {
  const expected = describeExpected(e.parentSchema);
  const rendered: Rendered = { message: `must be ${expected}, got ${showValue(e.data)}`, pointer: e.instancePath };
  if (typeof e.data === 'string' && /^-?\d+(\.\d+)?$/.test(e.data) && /integer|number/.test(expected)) rendered.hint = 'write the number without quotes';
  else if ((typeof e.data === 'number' || typeof e.data === 'boolean') && expected.startsWith('a string')) rendered.hint = `quote the value: "${String(e.data)}"`;
  else if (e.data === null) rendered.hint = 'give the field a value, or remove it';
  return rendered;
}

function unknownProperty(e: ErrorObject, name: string): Rendered {
  const allowed = [...declaredProperties(e.parentSchema)].sort();
  const suggestion = closest(name, allowed);
  return {
    message: `unknown property ${showValue(name)}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
    hint: suggestion !== undefined ? `rename it to "${suggestion}"` : allowed.length > 0 ? `allowed here: ${allowed.join(', ')}` : 'remove it',
    pointer: e.instancePath + joinPointer(name),
    atKey: true,
  };
}

function alternatives(e: ErrorObject): string[] {
  return Array.isArray(e.schema) ? e.schema.map((s, i) => describeAlternative(s, i)) : [];
}

/** `must contain a + b, or c` when the alternatives differ by members, else `must be x, or y`. */
function eitherOf(e: ErrorObject): string {
  const byMembers = Array.isArray(e.schema) && e.schema.every((s) => Array.isArray((s as { required?: unknown }).required));
  return `must ${byMembers ? 'contain' : 'be'} ${alternatives(e).join(', or ')}`;
}

/** How each ajv keyword is put into words, as a table. */
const RENDERERS: Readonly<Record<string, Renderer>> = {
  type: wrongValue,
  minimum: wrongValue,
  maximum: wrongValue,
  exclusiveMinimum: wrongValue,
  exclusiveMaximum: wrongValue,
  enum: (e) => {
    const options = (Array.isArray(e.schema) ? e.schema : []).map(String);
    const suggestion = typeof e.data === 'string' ? closest(e.data, options) : undefined;
    return { ...wrongValue(e), ...(suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` }) };
  },
  const: (e) => ({ message: `must be ${showValue(e.schema)}, got ${showValue(e.data)}`, pointer: e.instancePath }),
  required: (e) => ({
    message: `missing required property ${showValue(p(e).missingProperty)}`,
    hint: `add ${String(p(e).missingProperty)}`,
    pointer: e.instancePath,
    atKey: true,
  }),
  additionalProperties: (e) => unknownProperty(e, String(p(e).additionalProperty)),
  unevaluatedProperties: (e) => unknownProperty(e, String(p(e).unevaluatedProperty)),
  'false schema': (e) => ({ message: 'is not allowed here', hint: 'remove it', pointer: e.instancePath, atKey: true }),
  pattern: (e) => {
    const { what, example } = describeFormat(e.parentSchema);
    const article = what !== undefined && /^(A|An) /.test(what);
    const rendered: Rendered = {
      message: article
        ? `must be ${(what as string)[0]?.toLowerCase()}${(what as string).slice(1)}, got ${showValue(e.data)}`
        : `has an invalid format, got ${showValue(e.data)}`,
      pointer: e.instancePath,
    };
    const hint = article ? (example === undefined ? undefined : `for example ${example}`) : what ?? `match the pattern ${String(p(e).pattern)}`;
    if (hint !== undefined) rendered.hint = hint;
    return rendered;
  },
  minLength: (e) => ({ message: `must be at least ${String(p(e).limit)} characters long, got ${showValue(e.data)}`, pointer: e.instancePath }),
  maxLength: (e) => ({ message: `must be at most ${String(p(e).limit)} characters long, got ${String((e.data as string).length)}`, pointer: e.instancePath }),
  minItems: (e) => ({ message: `must have at least ${String(p(e).limit)} item(s), got ${String((e.data as unknown[]).length)}`, pointer: e.instancePath }),
  maxItems: (e) => ({ message: `must have at most ${String(p(e).limit)} items, got ${String((e.data as unknown[]).length)}`, pointer: e.instancePath }),
  uniqueItems: (e) => ({
    message: `items ${String(p(e).j)} and ${String(p(e).i)} are the same`,
    hint: 'remove the repeated item',
    pointer: e.instancePath + joinPointer(String(p(e).i)),
  }),
  minProperties: (e) => {
    const names = [...declaredProperties(e.parentSchema)].sort();
    return { message: 'must not be empty', hint: names.length > 0 ? `set at least one of: ${names.join(', ')}` : 'add a member', pointer: e.instancePath, atKey: true };
  },
  oneOf: (e) => {
    const options = alternatives(e);
    const passing = p(e).passingSchemas;
    if (Array.isArray(passing)) {
      const matched = passing.map((i) => options[i as number] ?? `alternative ${String(i)}`);
      return { message: `sets more than one of: ${matched.join(', ')}`, hint: `keep exactly one of: ${matched.join(', ')}`, pointer: e.instancePath, atKey: true };
    }
    return { message: eitherOf(e), hint: 'set exactly one of the alternatives', pointer: e.instancePath, atKey: true };
  },
  anyOf: (e) => ({ message: eitherOf(e), hint: 'set one of the alternatives', pointer: e.instancePath, atKey: true }),
};

/** A hint from the schema's own description of the field, when it has one. */
function fieldHint(e: ErrorObject): string {
  const { what, example } = describeFormat(e.parentSchema);
  if (what === undefined || what === '') return 'see the schema reference for this field';
  return example === undefined ? what : `${what}; for example ${example}`;
}

/** Renders ajv errors of one document as diagnostics pointing at the exact node. */
export function schemaDiagnostics(options: {
  document: ParsedDocument;
  errors: readonly ErrorObject[];
  resource?: { kind: string; name: string };
}): Diagnostic[] {
  const { document, resource } = options;
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { error, condition } of simplifySchemaErrors(options.errors)) {
    const renderer = RENDERERS[error.keyword];
    let rendered: Rendered = renderer === undefined
      ? { message: error.message ?? `fails ${error.keyword}`, pointer: error.instancePath }
      : renderer(error);
    if (error.propertyName !== undefined) {
      rendered = {
        message: `key ${showValue(error.propertyName)} ${rendered.message.replace(/, got .*$/, '')}`,
        ...(rendered.hint === undefined ? {} : { hint: rendered.hint }),
        pointer: error.instancePath + joinPointer(error.propertyName),
        atKey: true,
      };
    }
    const key = `${rendered.pointer}\u0000${rendered.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (condition !== undefined) rendered.message += ` when ${condition}`;
    const at = rendered.atKey === true ? document.locateKey(rendered.pointer) : document.locate(rendered.pointer);
    out.push(makeDiagnostic(at, {
      severity: 'error',
      code: 'schema',
      message: rendered.message,
      hint: rendered.hint ?? fieldHint(error),
      path: rendered.pointer,
      resource,
    }));
  }
  return out;
}
