/**
 * Child-process entry that runs one case of one benchmark module and sends a `CaseResult` to its
 * parent over IPC. Arguments: module path, case name, warm-up count, iteration count (-1 = the
 * benchmark's own default).
 */
import { pathToFileURL } from 'node:url';
import type { Benchmark, CaseResult } from './benchmark.js';
import { measureCase } from './measure-case.js';

/** Loads the module, runs setup, measures the case and reports. */
async function main(): Promise<void> {
  const [file = '', caseName = '', warmupArg = '-1', iterationsArg = '-1'] = process.argv.slice(2);
  const mod = (await import(pathToFileURL(file).href)) as { benchmark?: Benchmark };
  const benchmark = mod.benchmark;
  if (benchmark === undefined) throw new Error(`${file} does not export a benchmark`);
  const index = benchmark.cases.findIndex((c) => c.name === caseName);
  const benchCase = benchmark.cases[index];
  if (benchCase === undefined) throw new Error(`${file} has no case ${JSON.stringify(caseName)}`);
  const baselineIndex = Math.max(0, benchmark.cases.findIndex((c) => c.baseline === true));
  const warmup = Number(warmupArg) >= 0 ? Number(warmupArg) : (benchmark.warmup ?? 2);
  const iterations = Number(iterationsArg) > 0 ? Number(iterationsArg) : (benchmark.iterations ?? 10);
  const context = benchmark.setup === undefined ? undefined : await benchmark.setup();
  try {
    const timings = await measureCase(benchCase, context, { warmup, iterations });
    const result: CaseResult = {
      benchmark: benchmark.name,
      case: benchCase.name,
      baseline: index === baselineIndex,
      ...timings,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    process.send?.(result);
  } finally {
    await benchmark.teardown?.(context);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
