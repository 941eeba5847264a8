import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { validateConfig, type ConfigResult } from './validate-config.js';

/** Largest configuration file read. */
const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Reads a YAML configuration file and validates it (relative paths resolve against the file's
 * directory). A missing file or bad YAML is an error in the result, never a throw.
 */
export async function readConfig(path: string, options: { readFile?: (path: string) => Promise<string> } = {}): Promise<ConfigResult> {
  const file = resolve(path);
  let text: string;
  try {
    text = await (options.readFile ?? ((p: string) => readFile(p, 'utf8')))(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { errors: [`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : err instanceof Error ? err.message : String(err)}`] };
  }
  if (text.length > MAX_CONFIG_BYTES) return { errors: [`${file}: larger than ${MAX_CONFIG_BYTES} bytes`] };
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 50, prettyErrors: true });
  } catch (err) {
    const pos = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const where = pos === undefined ? file : `${file}:${pos.line}:${pos.col}`;
    const message = err instanceof Error ? (err.message.split('\n', 1)[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') : String(err);
    return { errors: [`${where}: invalid YAML: ${message}`] };
  }
  return validateConfig(value, { baseDir: dirname(file) });
}
