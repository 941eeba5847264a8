/**
 * A small benchmark harness: wall time over repeated runs after warm-up, CPU time, peak RSS per
 * case (each case in a fresh process), and ratios against a baseline measured in the same run.
 * A `*.bench.ts` file either exports `benchmark` (see `Benchmark`) or is a standalone script.
 */
export { defineBenchmark } from './benchmark.js';
export type { Benchmark, BenchCase, CaseResult } from './benchmark.js';
export { measureCase } from './measure-case.js';
export type { Timings } from './measure-case.js';
export { runCase } from './run-case.js';
export type { RunCaseArgs } from './run-case.js';
export { runScript } from './run-script.js';
export type { RunScriptArgs } from './run-script.js';
export { formatTable } from './format-table.js';
export { findBenchFiles } from './find-bench-files.js';
export type { BenchFile } from './find-bench-files.js';
export { median, min } from './stats.js';
