/**
 * Copies the controller's JSON log lines from stdin to `--raw` (appended, as they are) and prints
 * them shortened on stdout (see formatLogLine). It ignores SIGINT and ends with its input, so a
 * Ctrl-C reaches the controller and its last lines are still shown.
 *
 *   gitvirt run ... | node --import tsx scripts/quickstart/pretty-log.ts --raw <file>
 */
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { formatLogLine } from './format-log-line.js';
import { parseFlags, runMain } from './parse-flags.js';

runMain(async () => {
  process.on('SIGINT', () => undefined);
  const flags = parseFlags(process.argv.slice(2), ['raw']);
  const raw = createWriteStream(flags.raw, { flags: 'a' });
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    raw.write(`${line}\n`);
    const shown = formatLogLine(line);
    if (shown !== null) process.stdout.write(`${shown}\n`);
  }
  await new Promise<void>((resolve) => raw.end(resolve));
});
