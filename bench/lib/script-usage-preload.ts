/**
 * Preloaded (`--import`) into a standalone benchmark script: when the script's process exits, it
 * writes its CPU time and peak RSS as JSON to the file named by `GITVIRT_BENCH_USAGE_FILE`.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['GITVIRT_BENCH_USAGE_FILE'];
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssBytes: usage.maxRSS * 1024 }));
  });
}
