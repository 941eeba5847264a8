/** One measured variant of a benchmark, e.g. the real code path or the baseline it is compared with. */
export interface BenchCase<C = unknown> {
  name: string;
  /** Ratios in the report are relative to the baseline case (the first case when none is marked). */
  baseline?: boolean;
  /** One timed run; receives what `setup` returned. */
  run(context: C): unknown;
}

/**
 * A benchmark module exports `benchmark: Benchmark`. Each case runs in its own fresh process
 * (so peak RSS belongs to that case alone): `setup` (untimed), warm-up runs, timed runs, `teardown`.
 */
export interface Benchmark<C = unknown> {
  name: string;
  /** One line printed above the results, e.g. the input size. */
  description?: string;
  /** Builds the input once per case process; not timed. */
  setup?(): C | Promise<C>;
  teardown?(context: C): unknown;
  cases: readonly BenchCase<C>[];
  /** Timed runs per case (default 10; `--iterations` overrides). */
  iterations?: number;
  /** Untimed runs before timing (default 2; `--warmup` overrides). */
  warmup?: number;
}

/** Identity helper that keeps the context type of a benchmark's cases in step with its setup. */
export function defineBenchmark<C>(benchmark: Benchmark<C>): Benchmark<C> {
  return benchmark;
}

/** What the harness measured for one case (or one standalone script). */
export interface CaseResult {
  benchmark: string;
  case: string;
  baseline: boolean;
  /** Wall time of each timed run, milliseconds. */
  wallMs: number[];
  /** CPU time (user + system) of each timed run, milliseconds. */
  cpuMs: number[];
  /** Peak resident set size of the process that ran the case, bytes. */
  peakRssBytes: number;
  /** Output of the run that a benchmark wants shown (e.g. counts), if any. */
  note?: string;
}
