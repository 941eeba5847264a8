import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { EDITOR_SCHEMA } from '../types/schema-data.js';
import type { JsonSchema } from '../types/schema-data.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { editorSchemaFiles, editorSetupText } from './editor-schemas.js';
import { positionals, stringOption } from './options.js';
import { writeOutputFile } from './output-file.js';

/** Typed options of `gitvirt schemas`. */
export interface SchemasOptions {
  out: string;
}

/** Where schemas go unless `--out` says otherwise. */
export const DEFAULT_SCHEMA_DIR = '.gitvirt/schemas';

/** The folder as a user writes it in settings: `./relative` under cwd, else absolute. */
function settingsPath(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return dir.split(sep).join('/');
  return `./${rel.split(sep).join('/')}`;
}

/** Writes the editor schemas and prints how to use them. */
async function runSchemas(bundle: JsonSchema, o: SchemasOptions, io: CliIo): Promise<ExitCode> {
  const dir = resolve(io.cwd, o.out);
  const files = editorSchemaFiles(bundle);
  for (const f of files) await writeOutputFile(join(dir, f.file), `${JSON.stringify(f.schema, null, 2)}\n`);
  io.stdout.write(editorSetupText(settingsPath(io.cwd, dir), files));
  return EXIT.ok;
}

/** Builds the `schemas` command around the bundled editor schema. */
export function createSchemasCommand({ editorSchema }: { editorSchema: JsonSchema }): Command<SchemasOptions> {
  return {
    name: 'schemas',
    summary: 'write JSON Schemas for editors (yaml-language-server) and print the settings to use them',
    usage: '[--out <dir>]',
    description: [
      'Writes gitvirt.schema.json (any gitvirt document, chosen by kind) and one schema per kind',
      '(host, image, network, virtualmachine, cluster) to the folder, then prints the VS Code',
      '`yaml.schemas` setting and the `# yaml-language-server: $schema=...` modeline to use.',
    ].join('\n'),
    options: [{ name: 'out', type: 'string', short: 'o', value: '<dir>', description: 'folder to write the schemas to', default: DEFAULT_SCHEMA_DIR }],
    parse(args) {
      positionals(args, 0);
      return { out: stringOption(args, 'out') ?? DEFAULT_SCHEMA_DIR };
    },
    run: (options, io) => runSchemas(editorSchema, options, io),
  };
}

/** The `schemas` command with the schemas built into gitvirt. */
export const schemasCommand = createSchemasCommand({ editorSchema: EDITOR_SCHEMA });
