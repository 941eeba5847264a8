import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { requireDirectory } from './cli-errors.js';
import { COLOR_MODES, useColor } from './color.js';
import type { ColorMode } from './color.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { REPORT_FORMATS, REPORT_FORMAT_NAMES, buildValidationReport, formatText } from './format/index.js';
import type { ReportFormat, ValidationInput } from './format/index.js';
import { booleanOption, choiceOption, positionals, stringOption } from './options.js';
import { writeOutputFile } from './output-file.js';

/** Typed options of `gitvirt validate`. */
export interface ValidateOptions {
  dir: string;
  format: ReportFormat;
  output?: string;
  strict: boolean;
  verbose: boolean;
  color: ColorMode;
}

/** Reads and validates a repository of manifests (the manifests module's `readRepo`). */
export type ReadRepo = (args: { dir: string }) => Promise<ValidationInput>;

/** Largest file read back for source excerpts. */
const MAX_EXCERPT_SOURCE_BYTES = 2 * 1024 * 1024;

/** The path to show for a repository-relative file: prefixed by the repo folder when it lies under cwd. */
function displayPathFor(cwd: string, dir: string): (file: string) => string {
  const rel = relative(cwd, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return (file) => file;
  const prefix = rel.split(sep).join('/');
  return (file) => `${prefix}/${file}`;
}

/** Reads the files diagnostics point into, keyed by displayed path (I/O; unreadable files are skipped). */
async function readSources(dir: string, files: readonly string[], display: (f: string) => string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of new Set(files)) {
    const abs = join(dir, file);
    try {
      if ((await stat(abs)).size > MAX_EXCERPT_SOURCE_BYTES) continue;
      sources.set(display(file), await readFile(abs, 'utf8'));
    } catch {
      // The diagnostic itself already says what is wrong with this file.
    }
  }
  return sources;
}


/** Runs `gitvirt validate` with the given options. */
async function runValidate(readRepo: ReadRepo, o: ValidateOptions, io: CliIo): Promise<ExitCode> {
  const dir = resolve(io.cwd, o.dir);
  await requireDirectory(dir);
  const result = await readRepo({ dir });
  const display = displayPathFor(io.cwd, dir);
  const report = buildValidationReport({ result, strict: o.strict, displayPath: display });
  const excerpts = o.verbose || io.stdout.isTTY === true;
  const pointed = [...result.diagnostics, ...(o.verbose ? result.notices : [])].map((d) => d.file);
  const sources = excerpts ? await readSources(dir, pointed, display) : new Map<string, string>();
  const color = useColor(o.color, io.stdout.isTTY, io.env);
  const text = formatText(report, { color, excerpts, verbose: o.verbose, sources });
  if (o.output !== undefined) {
    const file = resolve(io.cwd, o.output);
    const plain = { color: false, excerpts: o.verbose, verbose: o.verbose, sources };
    await writeOutputFile(file, REPORT_FORMATS[o.format](report, plain));
    io.stdout.write(text);
    io.stdout.write(`${o.format} report written to ${o.output}\n`);
  } else if (o.format === 'text') {
    io.stdout.write(text);
  } else {
    io.stdout.write(REPORT_FORMATS[o.format](report, {}));
  }
  return report.valid ? EXIT.ok : EXIT.failed;
}

/** Builds the `validate` command around a repository reader. */
export function createValidateCommand({ readRepo }: { readRepo: ReadRepo }): Command<ValidateOptions> {
  return {
    name: 'validate',
    summary: 'check the manifests of a repository (schemas and cross-references)',
    usage: '[options] [dir]',
    description: [
      'Reads every .yaml/.yml file under dir (default: the current directory), validates each',
      'document against the gitvirt schemas, then checks names, references, networks and capacity.',
      'Exit status: 0 valid, 1 invalid (any error; with --strict also any warning), 2 usage error.',
      '',
      'With --output, the report in --format goes to the file and a text summary to stdout:',
      '  gitvirt validate --format junit --output junit.xml',
      '  gitvirt validate --format codequality --output gl-code-quality-report.json',
    ].join('\n'),
    options: [
      { name: 'format', type: 'string', short: 'f', value: '<format>', description: 'report format', choices: REPORT_FORMAT_NAMES, default: 'text' },
      { name: 'output', type: 'string', short: 'o', value: '<file>', description: 'write the report to a file (stdout then gets the text summary)' },
      { name: 'strict', type: 'boolean', description: 'warnings fail validation too' },
      { name: 'verbose', type: 'boolean', description: 'show source excerpts and skipped documents' },
      { name: 'color', type: 'string', value: '<when>', description: 'colour the text output', choices: COLOR_MODES, default: 'auto' },
    ],
    parse(args) {
      const [dir = '.'] = positionals(args, 1);
      const output = stringOption(args, 'output');
      return {
        dir,
        format: choiceOption(args, 'format', REPORT_FORMAT_NAMES, 'text'),
        ...(output === undefined ? {} : { output }),
        strict: booleanOption(args, 'strict'),
        verbose: booleanOption(args, 'verbose'),
        color: choiceOption(args, 'color', COLOR_MODES, 'auto'),
      };
    },
    run: (options, io) => runValidate(readRepo, options, io),
  };
}
