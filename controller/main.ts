#!/usr/bin/env node
/**
 * The `gitvirt` executable: the only place that reads argv and the environment or calls
 * `process.exit`. Everything else receives what it needs as arguments.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS, runCli, streamOutput } from './cli/index.js';

/** The package version, from the nearest `package.json` named gitvirt above this file. */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gitvirt' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here; look one level up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** An abort signal for SIGINT and SIGTERM: the first asks the command to stop, the second exits at once. */
function terminationSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`gitvirt: ${name} received, stopping after the running step (again to quit now)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

/**
 * A reader that went away (`gitvirt plan | head`) drops the rest of the output instead of killing
 * the command half-way: an apply still finishes its run and exits with its own status.
 */
function dropOutputWhenReaderCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

/** Runs the CLI and exits with its status once stdout and stderr have drained. */
async function main(): Promise<void> {
  dropOutputWhenReaderCloses(process.stdout);
  dropOutputWhenReaderCloses(process.stderr);
  const code = await runCli({
    argv: process.argv.slice(2),
    commands: COMMANDS,
    version: packageVersion(),
    io: {
      stdout: streamOutput(process.stdout), stderr: streamOutput(process.stderr), cwd: process.cwd(), env: process.env,
      signal: terminationSignal(),
    },
  });
  process.exitCode = code;
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((done) => s.write('', () => done()))));
  process.exit(code);
}

main().catch((err: unknown) => {
  process.stderr.write(`gitvirt: internal error\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
