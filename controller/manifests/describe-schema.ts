import { showValue } from './make-diagnostic.js';
import { effectiveSchema } from './schema-refs.js';

type SchemaNode = Record<string, unknown>;

/** Maximums at least this large are sanity caps, not worth mentioning. */
const UNBOUNDED = 2 ** 30;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

/** What a value must be, in words: `an integer from 1 to 512`, `one of "nat", "bridge"`, `a list`. */
export function describeExpected(schema: unknown): string {
  const s = effectiveSchema(schema);
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v) => showValue(v)).join(', ')}`;
  if ('const' in s) return showValue(s.const);
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  const parts = types.map((t) => TYPE_NAMES[t] ?? t);
  const base = parts.length > 0 ? parts.join(' or ') : 'a valid value';
  if (types.includes('integer') || types.includes('number')) return `${base}${describeBounds(s)}`;
  return base;
}

function describeBounds(s: SchemaNode): string {
  const min = typeof s.minimum === 'number' ? s.minimum : undefined;
  const max = typeof s.maximum === 'number' && s.maximum < UNBOUNDED ? s.maximum : undefined;
  const xmin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const xmax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  const bounds: string[] = [];
  if (min !== undefined) bounds.push(`>= ${min}`);
  if (xmin !== undefined) bounds.push(`> ${xmin}`);
  if (max !== undefined) bounds.push(`<= ${max}`);
  if (xmax !== undefined) bounds.push(`< ${xmax}`);
  return bounds.length > 0 ? ` ${bounds.join(' and ')}` : '';
}

/** First sentence of a schema description and its `Example: ...` part, if any. */
export function describeFormat(schema: unknown): { what?: string; example?: string } {
  const description = typeof effectiveSchema(schema).description === 'string' ? (effectiveSchema(schema).description as string) : '';
  if (description === '') return {};
  const sentences = description.split(/\.\s+(?=[A-Z`])/);
  const first = (sentences[0] ?? '').replace(/\.$/, '');
  const example = sentences.find((x) => x.startsWith('Example'))?.replace(/^Examples?:\s*/, '').replace(/\.$/, '');
  const out: { what?: string; example?: string } = { what: first };
  if (example !== undefined) out.example = example;
  return out;
}

/** The condition of an `if` schema in words, e.g. `mode is "bridge"` or, negated, `boot is not set`. */
export function describeCondition(ifSchema: unknown, negate: boolean): string | undefined {
  const s = effectiveSchema(ifSchema);
  const props = typeof s.properties === 'object' && s.properties !== null ? (s.properties as Record<string, unknown>) : {};
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const parts: string[] = [];
  for (const [name, sub] of Object.entries(props)) {
    const p = typeof sub === 'object' && sub !== null ? (sub as SchemaNode) : {};
    if ('const' in p) parts.push(`${name} is ${negate ? 'not ' : ''}${showValue(p.const)}`);
    else if (Array.isArray(p.enum)) parts.push(`${name} is ${negate ? 'not ' : ''}one of ${p.enum.map((v) => showValue(v)).join(', ')}`);
    else if (sub === true && required.includes(name)) parts.push(`${name} is ${negate ? 'not ' : ''}set`);
  }
  return parts.length > 0 ? parts.join(negate ? ' or ' : ' and ') : undefined;
}

/** Short description of one alternative of `oneOf`/`anyOf`: its required members, title or type. */
export function describeAlternative(schema: unknown, index: number): string {
  const s = effectiveSchema(schema);
  if (Array.isArray(s.required) && s.required.length > 0) return (s.required as string[]).join(' + ');
  if (typeof s.title === 'string') return s.title;
  if (s.type !== undefined || s.enum !== undefined || 'const' in s) return describeExpected(s);
  return `alternative ${index + 1}`;
}
