import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A benchmark file and how to run it. */
export interface BenchFile {
  file: string;
  name: string;
  /** `module`: exports `benchmark` (measured per case); `script`: standalone, run as is. */
  type: 'module' | 'script';
}

/** A module that exports `benchmark` (a `Benchmark`); anything else is a standalone script. */
const EXPORTS_BENCHMARK = /^export\s+(const|let|var)\s+benchmark\b/m;

/** The `*.bench.ts` files of a folder, sorted, each classified as module or script. */
export async function findBenchFiles(dir: string): Promise<BenchFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.bench.ts')).sort();
  return Promise.all(
    names.map(async (n) => {
      const file = join(dir, n);
      const type = EXPORTS_BENCHMARK.test(await readFile(file, 'utf8')) ? 'module' : 'script';
      return { file, name: n.replace(/\.bench\.ts$/, ''), type } satisfies BenchFile;
    }),
  );
}
