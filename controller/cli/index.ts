/**
 * The command line: a table of commands (`COMMANDS`), argument parsing and dispatch (`runCli`),
 * one file per command, and the report formats in `format/`. Commands receive typed options and
 * injected `{ stdout, stderr, cwd, env }`, so tests run them in-process.
 */
export { COMMANDS } from './commands.js';
export { runCli } from './run-cli.js';
export type { RunCliArgs } from './run-cli.js';
export { EXIT, streamOutput } from './command.js';
export type { CliIo, Command, CommandEntry, ExitCode, LazyCommand, OptionSpec, OutputStream, ParsedArgs } from './command.js';
export { CliUsageError } from './usage-error.js';
export { DirectoryNotFound, OutputWriteFailed } from './cli-errors.js';
export { commandHelp, globalHelp } from './help.js';
export { booleanOption, choiceOption, positionals, stringOption } from './options.js';
export { useColor, COLOR_MODES } from './color.js';
export type { ColorMode } from './color.js';
export { createValidateCommand } from './validate.js';
export type { ReadRepo, ValidateOptions } from './validate.js';
export { writeOutputFile } from './output-file.js';
export { createSchemasCommand, schemasCommand, DEFAULT_SCHEMA_DIR } from './schemas.js';
export type { SchemasOptions } from './schemas.js';
export { editorSchemaFiles, editorSetupText, BUNDLED_SCHEMA_FILE } from './editor-schemas.js';
export type { EditorSchemaFile } from './editor-schemas.js';
