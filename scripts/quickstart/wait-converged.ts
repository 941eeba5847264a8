/**
 * Waits until the controller started in the background has converged once: prints its cycle,
 * action and error lines from its log meanwhile, and exits 0 with the time it took, or 1 when the
 * controller exits or the timeout passes.
 *
 *   node --import tsx scripts/quickstart/wait-converged.ts --metrics-url <url> --log <file> --pid <pid> \
 *     --git-dir <bare repo> [--status-branch gitvirt/status] [--timeout-seconds 240]
 */
import { open } from 'node:fs/promises';
import { runGit } from '../../test/testbed/git-repo.js';
import { parseFlags, runMain } from './parse-flags.js';
import { waitForConvergence, type ConvergenceProbes } from './wait-for-convergence.js';

/** New complete lines of a growing file, from where the previous call stopped. */
function logFollower(path: string): () => Promise<string[]> {
  let offset = 0;
  let partial = '';
  return async () => {
    const file = await open(path, 'r').catch(() => null);
    if (file === null) return [];
    try {
      const { size } = await file.stat();
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      await file.read(buffer, 0, buffer.length, offset);
      offset = size;
      const lines = (partial + buffer.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      return lines;
    } finally {
      await file.close();
    }
  };
}

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), ['metrics-url', 'log', 'pid', 'git-dir'], ['status-branch', 'timeout-seconds']);
  const pid = Number(flags.pid);
  const branch = flags['status-branch'] ?? 'gitvirt/status';
  const probes: ConvergenceProbes = {
    metrics: async () => {
      try {
        const res = await fetch(flags['metrics-url'], { signal: AbortSignal.timeout(3000) });
        return res.ok ? await res.text() : null;
      } catch {
        return null;
      }
    },
    newLogLines: logFollower(flags.log),
    alive: () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    },
    statusCommit: () => runGit(flags['git-dir'], ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]).catch(() => null),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const result = await waitForConvergence({
    probes,
    timeoutMs: Number(flags['timeout-seconds'] ?? '240') * 1000,
    print: (line) => process.stdout.write(`    ${line}\n`),
  });
  process.stdout.write(`converged ${(result.waitedMs / 1000).toFixed(1)} s after the start; status commit ${result.statusCommit.slice(0, 12)} on ${branch}\n`);
});
