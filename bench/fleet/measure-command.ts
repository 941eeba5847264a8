import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleTreeRss } from './process-tree-rss.js';

/** What one measured command cost on this machine (its own process tree, not the hosts). */
export interface CommandUsage {
  wallMs: number;
  /** User + system CPU of the command and every descendant it waited for. */
  cpuMs: number;
  /** Largest sum of resident memory of the command's process tree (sampled), at least its largest single process. */
  peakRssBytes: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** A command to measure. */
export interface MeasuredCommand {
  argv: readonly string[];
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  stdin?: string;
  timeoutMs?: number;
}

/** GNU time: elapsed, user, system seconds and maximum RSS in KiB of the command's tree. */
const TIME_FORMAT = '%e %U %S %M';

/**
 * Runs a command under GNU time (exact CPU of the whole waited-for tree, largest process RSS) while
 * sampling the RSS sum of its process tree, and returns the usage with the command's output.
 */
export async function measureCommand(command: MeasuredCommand): Promise<CommandUsage> {
  const dir = await mkdtemp(join(tmpdir(), 'gitvirt-bench-usage-'));
  const usageFile = join(dir, 'usage');
  try {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', TIME_FORMAT, '-o', usageFile, '--', ...command.argv], {
      cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    const sampler = child.pid === undefined ? undefined : sampleTreeRss(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end(command.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGTERM'), command.timeoutMs ?? 900_000);
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      // 'exit', not 'close': a daemonised descendant (an SSH control master) may keep the pipes open.
      child.on('exit', (c, signal) => resolve(c ?? (signal === null ? 1 : 128)));
    });
    child.stdout.destroy();
    child.stderr.destroy();
    clearTimeout(timer);
    const wallMs = performance.now() - started;
    const sampledPeak = (await sampler?.stop()) ?? 0;
    const [, user = '0', system = '0', maxKiB = '0'] = (await readFile(usageFile, 'utf8')).trim().split('\n').pop()?.split(' ') ?? [];
    return {
      wallMs, cpuMs: (Number(user) + Number(system)) * 1000, peakRssBytes: Math.max(sampledPeak, Number(maxKiB) * 1024), code, stdout, stderr,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
