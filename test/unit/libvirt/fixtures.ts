/** Reading captured libvirt fixtures, and the tiny assertions the libvirt tests share. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of test/fixtures/libvirt. */
export const LIBVIRT_FIXTURES = fileURLToPath(new URL('../../fixtures/libvirt/', import.meta.url));

/** Text of a fixture file, path relative to test/fixtures/libvirt. */
export function readFixture(relative: string): string {
  return readFileSync(join(LIBVIRT_FIXTURES, relative), 'utf8');
}

/** File names in a fixture folder ending in `suffix`, sorted. */
export function fixtureFiles(folder: string, suffix: string): string[] {
  return readdirSync(join(LIBVIRT_FIXTURES, folder)).filter((name) => name.endsWith(suffix)).sort();
}

/** Throws with both values shown when `actual` and `expected` differ as JSON (key order ignored). */
export function assertSameJson(actual: unknown, expected: unknown, what: string): void {
  const canon = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v, 2);
  const a = canon(actual);
  const b = canon(expected);
  if (a !== b) throw new Error(`${what}: models differ\nactual:   ${a}\nexpected: ${b}`);
}
