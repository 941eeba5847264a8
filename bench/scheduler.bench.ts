/**
 * Scheduler benchmark: places 10,000 synthetic VMs (plain, zoned, selector-bound and clustered with
 * anti-affinity) on 500 hosts in 5 zones, then re-runs with every placement live, and prints time and memory.
 * Run: `node --expose-gc --import tsx bench/scheduler.bench.ts [vms] [hosts]`.
 */
import { performance } from 'node:perf_hooks';
import { schedule, type AntiAffinity, type SchedulerHost, type SchedulerVm } from '../controller/compile/scheduler/index.js';

const VMS = Number(process.argv[2] ?? 10_000);
const HOSTS = Number(process.argv[3] ?? 500);
const ZONES = 5;
const CLUSTER_SIZE = 6;

/** Synthetic fleet: mixed host sizes, every 4th host has SSD, every 50th is cordoned. */
function hosts(): SchedulerHost[] {
  return Array.from({ length: HOSTS }, (_, i) => ({
    name: `hv${String(i).padStart(4, '0')}`,
    zone: `z${i % ZONES}`,
    labels: i % 4 === 0 ? { disk: 'ssd' } : ({} as Record<string, string>),
    cordoned: i % 50 === 49,
    capacity: { cpus: 32 + (i % 4) * 16, memoryMiB: 196608 + (i % 3) * 65536 },
    reserved: { cpus: 2, memoryMiB: 4096 },
  }));
}

const SIZES = [
  { cpus: 1, memoryMiB: 1024 },
  { cpus: 2, memoryMiB: 4096 },
  { cpus: 4, memoryMiB: 8192 },
  { cpus: 8, memoryMiB: 16384 },
] as const;
const AFFINITIES: AntiAffinity[] = ['required', 'preferred', 'none'];

/** Synthetic VMs: a quarter free, a quarter zoned, a tenth on SSD hosts, the rest in clusters. */
function vms(): SchedulerVm[] {
  return Array.from({ length: VMS }, (_, i) => {
    const size = SIZES[i % SIZES.length] ?? SIZES[0];
    const name = `vm${String(i).padStart(6, '0')}`;
    const kind = i % 20;
    if (kind < 5) return { name, ...size, placement: {} };
    if (kind < 10) return { name, ...size, placement: { zone: `z${i % ZONES}` } };
    if (kind < 12) return { name, ...size, placement: { selector: { disk: 'ssd' } } };
    const cluster = Math.floor(i / CLUSTER_SIZE);
    const antiAffinity = AFFINITIES[cluster % AFFINITIES.length] ?? 'none';
    return { name, ...size, placement: { zone: `z${cluster % ZONES}` }, group: { name: `c${cluster}`, antiAffinity } };
  });
}

const RUNS = 5;

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs `fn` RUNS times; reports median and best wall time, median CPU time and the heap in use after the runs. */
function measure<T>(label: string, fn: () => T): T {
  const walls: number[] = [];
  const cpus: number[] = [];
  let result: T | undefined;
  let heapMiB = 0;
  for (let run = 0; run < RUNS; run += 1) {
    globalThis.gc?.();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    result = fn();
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
    heapMiB = Math.max(heapMiB, process.memoryUsage().heapUsed / 2 ** 20);
  }
  console.log(
    `${label}: wall median ${median(walls).toFixed(1)} ms (best ${Math.min(...walls).toFixed(1)}), ` +
      `cpu median ${median(cpus).toFixed(1)} ms, peak heap ${heapMiB.toFixed(1)} MiB (${RUNS} runs)`,
  );
  return result as T;
}

const hostList = hosts();
const vmList = vms();
const first = measure(`schedule ${VMS} VMs on ${HOSTS} hosts`, () => schedule({ hosts: hostList, vms: vmList }));
console.log(`  placed ${first.placements.size}, unplaced ${first.unplaced.length}`);
const live = Object.fromEntries(first.placements);
const extra: SchedulerVm = { name: 'vm-extra', cpus: 2, memoryMiB: 2048, placement: {} };
const second = measure('re-schedule with all placements live, one VM added', () =>
  schedule({ hosts: hostList, vms: [...vmList, extra], live }),
);
const moved = [...first.placements].filter(([vm, host]) => second.placements.get(vm) !== host).length;
console.log(`  placed ${second.placements.size}, moved ${moved}`);
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
