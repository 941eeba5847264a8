import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './benchmark.js';

/** The worker that runs one case in a fresh process. */
const WORKER = fileURLToPath(new URL('./case-worker.ts', import.meta.url));

/** Options of `runCase`: -1 for warm-up or iterations means the benchmark's own default. */
export interface RunCaseArgs {
  file: string;
  caseName: string;
  warmup: number;
  iterations: number;
  cwd: string;
}

/** Runs one case of a benchmark module in a fresh Node process (tsx loader, `--expose-gc`) and returns its result. */
export function runCase({ file, caseName, warmup, iterations, cwd }: RunCaseArgs): Promise<CaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [file, caseName, String(warmup), String(iterations)], {
      cwd,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: CaseResult | undefined;
    child.on('message', (m) => {
      result = m as CaseResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`case ${JSON.stringify(caseName)} of ${file} failed (exit ${code ?? signal})`));
    });
  });
}
