import { readdir, readFile } from 'node:fs/promises';

const PAGE_BYTES = 4096;

/** Pids of the direct children of `pid` (every thread's children), empty when it is gone. */
async function children(pid: number): Promise<number[]> {
  let tasks: string[];
  try {
    tasks = await readdir(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((l) => l.split(' ').filter((s) => s !== '').map(Number));
}

/** Resident set size of one process in bytes (0 when it is gone). */
async function rss(pid: number): Promise<number> {
  const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '');
  return Number(statm.split(' ')[1] ?? 0) * PAGE_BYTES;
}

/** Sum of the resident set sizes of `pid` and all its descendants, bytes. */
export async function processTreeRss(pid: number): Promise<number> {
  let total = 0;
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    total += await rss(next);
    queue.push(...(await children(next)));
  }
  return total;
}

/** Samples the tree's RSS every `intervalMs` until stopped; `stop()` returns the largest sum seen. */
export function sampleTreeRss(pid: number, intervalMs = 50): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await processTreeRss(pid));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
