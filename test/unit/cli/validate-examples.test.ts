import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../controller/cli/commands.js';
import { runCli } from '../../../controller/cli/run-cli.js';
import type { CodeQualityIssue, JsonReport } from '../../../controller/cli/format/index.js';
import { MISTAKES } from '../../fixtures/cli/mistakes.js';
import type { Mistake } from '../../fixtures/cli/mistakes.js';
import { captureIo } from './capture-io.js';

const EXAMPLES = resolve(import.meta.dirname, '../../../examples-repo');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gitvirt-examples-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs the real `gitvirt` CLI in-process. */
async function gitvirt(cwd: string, ...argv: string[]) {
  const io = captureIo(cwd);
  const code = await runCli({ argv, commands: COMMANDS, version: '0', io });
  return { code, out: io.out(), err: io.err() };
}

/** A copy of examples-repo with one mistake; returns its folder and the 1-based line the mistake is on. */
async function withMistake(m: Mistake): Promise<{ dir: string; line: number }> {
  const dir = await mkdtemp(join(tmp, 'repo-'));
  await cp(EXAMPLES, dir, { recursive: true });
  const file = join(dir, m.file);
  const before = await readFile(file, 'utf8');
  const after = before.replace(m.find, m.replace);
  expect(after, `fixture ${m.name} must change ${m.file}`).not.toBe(before);
  await writeFile(file, after);
  const needle = m.lineOf ?? m.replace.split('\n')[0] ?? '';
  const line = needle === '' ? 0 : after.split('\n').findIndex((l) => l.includes(needle)) + 1;
  return { dir, line };
}

describe('gitvirt validate on examples-repo', { timeout: 60_000 }, () => {
  it('exits 0: the example repository is valid', async () => {
    const r = await gitvirt(resolve(EXAMPLES, '..'), 'validate', 'examples-repo');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^✓ \d+ documents in \d+ files are valid\n$/);
    expect(r.code).toBe(0);
  });

  it.each(MISTAKES.map((m) => [m.name, m] as const))('exits 1 and names file and line: %s', async (_name, m) => {
    const { dir, line } = await withMistake(m);
    const r = await gitvirt(dir, 'validate');
    expect(r.code).toBe(1);
    const hit = r.out.split('\n').find((l) => l.startsWith(`${m.file}:`) && l.includes(m.expect));
    expect(hit, r.out).toBeDefined();
    if (line > 0) expect(hit).toMatch(new RegExp(`^${m.file.replace(/\./g, '\\.')}:${line}:\\d+ `));
    expect(r.out).toMatch(/\d+ errors? .*in \d+ files/);
  });

  it('writes every format for an invalid copy, all well-formed and pointing at the mistake', async () => {
    const m = MISTAKES[0] as Mistake;
    const { dir, line } = await withMistake(m);

    const json = await gitvirt(dir, 'validate', '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as JsonReport;
    expect(report.valid).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: m.file, line, path: '/spec/memoryMiB', severity: 'error' }));

    expect((await gitvirt(dir, 'validate', '--format', 'junit', '--output', 'out/junit.xml')).code).toBe(1);
    const xml = await readFile(join(dir, 'out/junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(Number(parsed.testsuites['@_failures'])).toBe(report.summary.errors);
    expect(xml).toContain(`${m.file}:${line}:`);

    const cq = await gitvirt(dir, 'validate', '--format', 'codequality', '--output', 'gl-code-quality-report.json');
    expect(cq.code).toBe(1);
    expect(cq.out).toContain(`${m.file}:${line}:`);
    const issues = JSON.parse(await readFile(join(dir, 'gl-code-quality-report.json'), 'utf8')) as CodeQualityIssue[];
    expect(issues.length).toBe(report.diagnostics.length);
    expect(issues).toContainEqual(expect.objectContaining({ check_name: 'schema', location: { path: m.file, lines: { begin: line } } }));
    const again = JSON.parse((await gitvirt(dir, 'validate', '--format', 'codequality')).out) as CodeQualityIssue[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});
