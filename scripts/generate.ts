/**
 * Regenerates everything derived from `schemas/*.schema.json`: `npm run generate` writes the files,
 * `npm run generate -- --check` only lists stale files and exits 1 when there are any.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generate/index.js';

/** Reads the schema sources of a repository: file name → parsed JSON. */
export async function readSchemaSources(root: string): Promise<Record<string, unknown>> {
  const dir = join(root, 'schemas');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.schema.json')).sort();
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;
  return out;
}

/** Paths whose committed content differs from what `generated` says it should be. */
export async function staleFiles(root: string, generated: ReadonlyMap<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, content] of generated) {
    const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(path);
  }
  return stale;
}

async function main(argv: readonly string[]): Promise<number> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const generated = generateAll(await readSchemaSources(root));
  const stale = await staleFiles(root, generated);
  if (argv.includes('--check')) {
    for (const path of stale) process.stderr.write(`stale: ${path}\n`);
    if (stale.length > 0) process.stderr.write('run `npm run generate` and commit the result\n');
    return stale.length > 0 ? 1 : 0;
  }
  for (const path of stale) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), generated.get(path) ?? '');
    process.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
