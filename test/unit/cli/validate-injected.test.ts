import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../controller/cli/command.js';
import { runCli } from '../../../controller/cli/run-cli.js';
import { createValidateCommand } from '../../../controller/cli/validate.js';
import type { ValidationInput } from '../../../controller/cli/format/index.js';
import { invalidResult, validResult, WEB_YAML } from '../../fixtures/cli/sample-result.js';
import { captureIo } from './capture-io.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'gitvirt-validate-'));
  await mkdir(join(cwd, 'infra/vms'), { recursive: true });
  await writeFile(join(cwd, 'infra/vms/web.yaml'), WEB_YAML);
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Runs `gitvirt validate` with a reader that returns `result` and records the directory it was asked for. */
async function validate(result: ValidationInput, argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const asked: string[] = [];
  const command = createValidateCommand({
    readRepo: async ({ dir }) => {
      asked.push(dir);
      return result;
    },
  });
  const io = captureIo(cwd, options);
  const code = await runCli({ argv: ['validate', ...argv], commands: [command as Command], version: '0', io });
  return { code, out: io.out(), err: io.err(), asked };
}

describe('gitvirt validate (command behaviour)', () => {
  it('exits 0 for a valid repository, reading the current directory by default', async () => {
    const r = await validate(validResult(), []);
    expect(r).toMatchObject({ code: 0, out: '✓ 37 documents in 14 files are valid\n', err: '' });
    expect(r.asked).toEqual([cwd]);
  });

  it('exits 1 for an invalid one and names files relative to the working directory', async () => {
    const r = await validate(invalidResult(), ['infra']);
    expect(r.code).toBe(1);
    expect(r.asked).toEqual([join(cwd, 'infra')]);
    expect(r.out).toContain('infra/vms/web.yaml:12:14 /spec/memoryMiB: error: must be >= 64');
    expect(r.out).not.toContain(' | ');
  });

  it('shows source excerpts with --verbose and colour only on a TTY without NO_COLOR', async () => {
    const verbose = await validate(invalidResult(), ['infra', '--verbose']);
    expect(verbose.out).toContain('  12 |   memoryMiB: 32\n     |              ^');
    expect(verbose.out).not.toContain('\u001b[');
    const tty = await validate(invalidResult(), ['infra'], { tty: true });
    expect(tty.out).toContain('\u001b[');
    expect(tty.out).toContain('memoryMiB: 32');
    const noColor = await validate(invalidResult(), ['infra'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toContain('\u001b[');
    expect(noColor.out).toContain('memoryMiB: 32');
    expect((await validate(invalidResult(), ['infra', '--color', 'always'])).out).toContain('\u001b[');
  });

  it('fails on warnings with --strict', async () => {
    const result = { ...validResult(), diagnostics: invalidResult().diagnostics.filter((d) => d.severity === 'warning') };
    expect((await validate(result, [])).code).toBe(0);
    expect((await validate(result, ['--strict'])).code).toBe(1);
  });

  it('prints the chosen format on stdout without --output', async () => {
    const r = await validate(invalidResult(), ['--format', 'json']);
    expect(JSON.parse(r.out)).toMatchObject({ valid: false, summary: { errors: 2 } });
  });

  it('writes the report with --output and still prints the text summary', async () => {
    const r = await validate(invalidResult(), ['infra', '--format', 'junit', '--output', 'reports/junit.xml']);
    expect(r.code).toBe(1);
    const xml = await readFile(join(cwd, 'reports/junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('infra/vms/web.yaml');
    expect(r.out).toContain('2 errors, 1 warning in 3 files (5 documents)');
    expect(r.out).toContain('junit report written to reports/junit.xml');
    const cq = await validate(invalidResult(), ['-f', 'codequality', '-o', 'gl.json']);
    expect(JSON.parse(await readFile(join(cwd, 'gl.json'), 'utf8'))).toHaveLength(3);
    expect(cq.out).toContain('vms/web.yaml:12:14');
  });

  it('writes plain text to --output for the text format', async () => {
    const r = await validate(invalidResult(), ['infra', '--output', 'report.txt', '--color', 'always']);
    const file = await readFile(join(cwd, 'report.txt'), 'utf8');
    expect(file).not.toContain('\u001b[');
    expect(file).toContain('infra/vms/web.yaml:12:14 /spec/memoryMiB: error: must be >= 64');
    expect(r.out).toContain('\u001b[');
  });

  it('reports a missing directory as one line and exits 1', async () => {
    const r = await validate(validResult(), ['no-such-dir']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`gitvirt validate: failed to read directory ${join(cwd, 'no-such-dir')}: not found or not a directory\n`);
    expect(r.asked).toEqual([]);
  });

  it('reports an unwritable output file as one line', async () => {
    await writeFile(join(cwd, 'file'), '');
    const r = await validate(validResult(), ['--format', 'json', '--output', 'file/report.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^gitvirt validate: failed to write .*file\/report\.json: .+\n$/);
  });

  it.each([
    [['--format', 'xml'], "invalid value 'xml' for --format"],
    [['a', 'b'], "unexpected argument 'b'"],
    [['--output'], "option '-o, --output <value>' argument missing"],
    [['--strictly'], "unknown option '--strictly'"],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const r = await validate(validResult(), argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('usage: gitvirt validate [options] [dir]');
    expect(r.asked).toEqual([]);
  });
});
