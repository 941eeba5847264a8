import type { FieldChange } from '../types/change.js';
import { classifyField, type FieldClassRule } from './field-classes.js';

/** A value in a diffable tree: plain objects are compared key by key, anything else as a whole. */
type Tree = unknown;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** Turns a list into an object keyed `[key]`, so that field paths read `disks[vda].bus`. */
export function keyed<T>(items: readonly T[], key: (item: T) => string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[`[${key(item)}]`] = item;
  return out;
}

function join(path: string, key: string): string {
  if (path === '') return key;
  return key.startsWith('[') ? `${path}${key}` : `${path}.${key}`;
}

function collect(path: string, from: Tree, to: Tree, table: readonly FieldClassRule[], out: FieldChange[]): void {
  if (from === to) return;
  if (isPlainObject(from) && isPlainObject(to)) {
    for (const key in to) collect(join(path, key), from[key], to[key], table, out);
    for (const key in from) if (!(key in to)) collect(join(path, key), from[key], undefined, table, out);
    return;
  }
  if (deepEqual(from, to)) return;
  out.push({ path, from: from ?? null, to: to ?? null, class: classifyField(table, path) });
}

/** Field changes turning `from` (live) into `to` (desired), each classified by `table`. */
export function diffFields(from: Tree, to: Tree, table: readonly FieldClassRule[]): FieldChange[] {
  const out: FieldChange[] = [];
  collect('', from, to, table, out);
  return out;
}
