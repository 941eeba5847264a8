/**
 * Runs the benchmarks in bench/*.bench.ts and prints a table per benchmark.
 *
 *   npm run bench -- [name...] [--iterations N] [--warmup N] [--script-runs N] [--list]
 *
 * A file exporting `benchmark` (see bench/lib/benchmark.ts) is measured case by case, each case in
 * a fresh process, with ratios against its baseline case. Any other `*.bench.ts` is a standalone
 * script: it runs as is (its own output shows), and its wall time, CPU time and peak RSS are
 * compared with a bare process start-up measured in the same run.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findBenchFiles, formatTable, runCase, runScript } from './lib/index.js';
import type { Benchmark, BenchFile, CaseResult } from './lib/index.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const STARTUP_SCRIPT = join(BENCH_DIR, 'lib', 'script-usage-preload.ts');

const { values, positionals } = parseArgs({
  options: {
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    'script-runs': { type: 'string' },
    list: { type: 'boolean' },
  },
  allowPositionals: true,
});

/** A non-negative integer option, or `fallback`. */
function count(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}

const iterations = count(values.iterations, -1);
const warmup = count(values.warmup, -1);
const scriptRuns = Math.max(1, count(values['script-runs'], 1));

/** Measures every case of a benchmark module. */
async function runModule(bench: BenchFile): Promise<void> {
  const { benchmark } = (await import(pathToFileURL(bench.file).href)) as { benchmark: Benchmark };
  console.log(`\n== ${benchmark.name}${benchmark.description === undefined ? '' : `: ${benchmark.description}`}`);
  const results: CaseResult[] = [];
  for (const c of benchmark.cases) {
    process.stdout.write(`   measuring ${c.name} ...\n`);
    results.push(await runCase({ file: bench.file, caseName: c.name, warmup, iterations, cwd: ROOT }));
  }
  console.log(formatTable(results));
}

/** Runs a standalone script, and a bare start-up as its baseline. */
async function runStandalone(bench: BenchFile): Promise<void> {
  console.log(`\n== ${bench.name} (standalone script)`);
  const startup = await runScript({ file: STARTUP_SCRIPT, name: bench.name, runs: scriptRuns, cwd: ROOT });
  const script = await runScript({ file: bench.file, name: bench.name, runs: scriptRuns, cwd: ROOT });
  console.log(formatTable([{ ...startup, case: 'process start-up (node + tsx)', baseline: true }, script]));
}

const files = (await findBenchFiles(BENCH_DIR)).filter((b) => positionals.length === 0 || positionals.includes(b.name));
if (values.list === true) {
  for (const b of files) console.log(`${b.name}\t${b.type}`);
} else {
  if (files.length === 0) console.log('no benchmarks matched');
  for (const b of files) await (b.type === 'module' ? runModule(b) : runStandalone(b));
}
