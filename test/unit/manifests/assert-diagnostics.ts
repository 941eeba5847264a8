import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateSources } from '../../../controller/manifests/index.js';
import type { Diagnostic } from '../../../controller/types/diagnostic.js';
import { formatDiagnostic } from '../../../controller/types/diagnostic.js';
import type { ValidationResult } from '../../../controller/types/manifest.js';

/** Folder of the manifest fixtures, one sub-folder per case. */
export const FIXTURES = join(import.meta.dirname, '../../fixtures/manifests');

const matches = (d: Diagnostic, want: Partial<Diagnostic>) =>
  Object.entries(want).every(([k, v]) => (v instanceof RegExp ? v.test(String(d[k as keyof Diagnostic])) : d[k as keyof Diagnostic] === v));

/** Returns the one diagnostic matching `want` (strings exact, RegExps tested); fails listing all otherwise. */
export function expectDiagnostic(list: readonly Diagnostic[], want: { [K in keyof Diagnostic]?: Diagnostic[K] | RegExp }): Diagnostic {
  const found = list.filter((d) => matches(d, want as Partial<Diagnostic>));
  if (found.length !== 1) {
    throw new Error(`expected exactly one diagnostic like ${JSON.stringify(want, (_, v) => (v instanceof RegExp ? String(v) : v))}, found ${found.length} among:\n${list.map(formatDiagnostic).join('\n')}`);
  }
  const d = found[0] as Diagnostic;
  if (d.message.trim() === '' || (d.hint ?? '').trim() === '' || d.line < 1 || d.column < 1) throw new Error(`incomplete diagnostic: ${formatDiagnostic(d)}`);
  return d;
}

/** Fails when any diagnostic matches `want`. */
export function expectNoDiagnostic(list: readonly Diagnostic[], want: { [K in keyof Diagnostic]?: Diagnostic[K] | RegExp }): void {
  const found = list.filter((d) => matches(d, want as Partial<Diagnostic>));
  if (found.length > 0) throw new Error(`expected no diagnostic like ${JSON.stringify(want, (_, v) => (v instanceof RegExp ? String(v) : v))}, found:\n${found.map(formatDiagnostic).join('\n')}`);
}

/** Fails when the list holds any error, printing them. */
export function expectNoErrors(list: readonly Diagnostic[]): void {
  expectNoDiagnostic(list, { severity: 'error' });
}

function yamlFiles(dir: string, prefix: string): { file: string; text: string }[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path, `${prefix}${name}/`);
    return /\.ya?ml$/.test(name) ? [{ file: `${prefix}${name}`, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** Validates a fixture case in memory, optionally with the shared `semantic-base` documents; paths are `<case>/<file>`. */
export function loadCase(name: string, options: { base?: boolean } = {}): ValidationResult {
  const sources = [
    ...(options.base === true ? yamlFiles(join(FIXTURES, 'semantic-base'), 'semantic-base/') : []),
    ...yamlFiles(join(FIXTURES, name), `${name}/`),
  ];
  return validateSources({ sources });
}
