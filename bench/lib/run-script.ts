import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './benchmark.js';

/** Preload that reports the script's CPU time and peak RSS when it exits. */
const PRELOAD = fileURLToPath(new URL('./script-usage-preload.ts', import.meta.url));

/** Options of `runScript`. */
export interface RunScriptArgs {
  file: string;
  /** Shown as the benchmark name. */
  name?: string;
  runs: number;
  cwd: string;
}

/** One run of the script; its output passes through to ours. */
async function runOnce(file: string, cwd: string, usageFile: string): Promise<{ wallMs: number; cpuMs: number; peakRssBytes: number }> {
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', '--import', PRELOAD, file], {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GITVIRT_BENCH_USAGE_FILE: usageFile },
    });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`${file} exited with ${code}`);
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { cpuMs: number; peakRssBytes: number };
  return { wallMs, ...usage };
}

/**
 * Runs a standalone benchmark script (one that does its own work at import and prints its own
 * results) `runs` times in child processes. Wall time includes process start-up.
 */
export async function runScript({ file, name = basename(file), runs, cwd }: RunScriptArgs): Promise<CaseResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gitvirt-bench-'));
  try {
    const wallMs: number[] = [];
    const cpuMs: number[] = [];
    let peakRssBytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await runOnce(file, cwd, join(dir, `usage-${i}.json`));
      wallMs.push(r.wallMs);
      cpuMs.push(r.cpuMs);
      peakRssBytes = Math.max(peakRssBytes, r.peakRssBytes);
    }
    return { benchmark: name, case: 'script (incl. process start-up)', baseline: false, wallMs, cpuMs, peakRssBytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
