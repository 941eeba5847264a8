import { performance } from 'node:perf_hooks';
import type { BenchCase } from './benchmark.js';

/** Timings of one case in the current process. */
export interface Timings {
  wallMs: number[];
  cpuMs: number[];
}

/** Runs a case `warmup` times untimed, then `iterations` times timed (wall and CPU), collecting garbage between runs when exposed. */
export async function measureCase<C>(benchCase: BenchCase<C>, context: C, options: { warmup: number; iterations: number }): Promise<Timings> {
  for (let i = 0; i < options.warmup; i++) await benchCase.run(context);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await benchCase.run(context);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    wallMs.push(wall);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}
