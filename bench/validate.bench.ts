/**
 * `readRepo` end to end on a generated repository of 2,000 manifests (hosts, images, networks,
 * VMs), each sample in a fresh process: module load plus the first call (what one `gitvirt validate`
 * pays), then warm calls in the same process. The floor is measured the same way in the same run:
 * read the files, `yaml.parseAllDocuments`, the precompiled schema validators — no positions,
 * diagnostics or semantic checks. `readRepo` reads plain manifests with its own exact YAML reader
 * (the `yaml` package only for what that declines), so it can go below the floor. CPU time is
 * `process.cpuUsage()` of the sample process (all its threads: compiler and GC included); floor and
 * readRepo samples alternate so that load on the machine affects both alike. Modules load through
 * tsx, as the other benchmarks do; the built CLI loads faster.
 *
 *   npm run bench -- validate                 (standalone script under the harness)
 *   node --import tsx bench/validate.bench.ts [--rounds N] [--warm N]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CaseResult } from './lib/benchmark.js';
import { formatTable } from './lib/format-table.js';
import { DEFAULT_SHAPE, writeManifestRepo } from './lib/generate-manifest-repo.js';
import { median } from './lib/stats.js';

const FILE = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(FILE));

/** The two measured cases; the floor is the baseline. */
const CASES = {
  floor: 'floor: read + yaml.parseAllDocuments + precompiled validators',
  readRepo: 'readRepo (positions, diagnostics, semantic checks)',
} as const;
type CaseName = keyof typeof CASES;

/** What one sample process reports. */
interface Sample {
  /** CPU time of loading the modules, milliseconds. */
  loadCpuMs: number;
  /** CPU and wall time of module load plus the first call, milliseconds. */
  coldCpuMs: number;
  coldWallMs: number;
  /** CPU and wall time of each later call in the same process, milliseconds. */
  warmCpuMs: number[];
  warmWallMs: number[];
  peakRssBytes: number;
  documents: number;
  errors: number;
}

/** One validation of the repository: how many documents it saw and how many errors it found. */
type Run = (dir: string) => Promise<{ documents: number; errors: number }>;

/** The floor: every `.yaml` file read, parsed and checked against its kind's schema. */
async function loadFloor(): Promise<Run> {
  const { parseAllDocuments } = await import('yaml');
  const { SCHEMA_VALIDATORS } = await import('../controller/types/schema-validators.js');
  return async (dir) => {
    let documents = 0;
    let errors = 0;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(await readFile(join(entry.parentPath, entry.name), 'utf8'))) {
        const value = doc.toJS() as { kind?: string };
        const validate = SCHEMA_VALIDATORS[value.kind as keyof typeof SCHEMA_VALIDATORS] as ((data: unknown) => boolean) | undefined;
        documents++;
        if (validate === undefined || !validate(value)) errors++;
      }
    }
    return { documents, errors };
  };
}

/** `readRepo` as `gitvirt validate` calls it. */
async function loadReadRepo(): Promise<Run> {
  const { readRepo } = await import('../controller/manifests/index.js');
  return async (dir) => {
    const result = await readRepo({ dir });
    return { documents: result.stats.documents, errors: result.diagnostics.filter((d) => d.severity === 'error').length };
  };
}

const LOADERS: Readonly<Record<CaseName, () => Promise<Run>>> = { floor: loadFloor, readRepo: loadReadRepo };

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** Runs in the sample process: loads the case's modules, calls it once cold, then `warm` times. */
async function sample(name: CaseName, dir: string, warm: number): Promise<Sample> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const run = await LOADERS[name]();
  const loadCpuMs = cpuMs(process.cpuUsage(cpu));
  const outcome = await run(dir);
  const coldCpuMs = cpuMs(process.cpuUsage(cpu));
  const coldWallMs = performance.now() - wall;
  const warmCpuMs: number[] = [];
  const warmWallMs: number[] = [];
  for (let i = 0; i < warm; i++) {
    const before = process.cpuUsage();
    const start = performance.now();
    await run(dir);
    warmWallMs.push(performance.now() - start);
    warmCpuMs.push(cpuMs(process.cpuUsage(before)));
  }
  return { loadCpuMs, coldCpuMs, coldWallMs, warmCpuMs, warmWallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024, ...outcome };
}

/** Starts a fresh process for one sample and returns what it reports. */
function spawnSample(name: CaseName, dir: string, warm: number): Promise<Sample> {
  const env = { ...process.env };
  delete env['GITVIRT_BENCH_USAGE_FILE'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FILE, '--sample', name, '--dir', dir, '--warm', String(warm)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Sample);
      else reject(new Error(`sample ${name} exited with ${code}: ${out}`));
    });
  });
}

/** A harness row from the samples of one case. */
function row(name: CaseName, samples: readonly Sample[], pick: (s: Sample) => { wallMs: number[]; cpuMs: number[] }): CaseResult {
  const picked = samples.map(pick);
  return {
    benchmark: 'validate',
    case: CASES[name],
    baseline: name === 'floor',
    wallMs: picked.flatMap((p) => p.wallMs),
    cpuMs: picked.flatMap((p) => p.cpuMs),
    peakRssBytes: Math.max(...samples.map((s) => s.peakRssBytes)),
  };
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

/** Plain-JS preload for the built CLI: writes the process's CPU time and peak RSS when it exits. */
const CLI_USAGE_PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.cpuUsage();
  writeFileSync(process.env.GITVIRT_BENCH_USAGE_FILE, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
});
`;

/** Builds dist/ (tsc) so the CLI case measures what users run. */
async function buildCli(): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
  return join(ROOT, 'dist', 'controller', 'main.js');
}

/** One `gitvirt validate <dir>` of the built CLI in a fresh process: wall, CPU and peak RSS; throws unless it exits 0. */
async function cliSample(main: string, preload: string, dir: string): Promise<{ wallMs: number; cpuMs: number; peakRssBytes: number }> {
  const usageFile = join(dirname(preload), `usage-${process.pid}.json`);
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, main, 'validate', dir], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, GITVIRT_BENCH_USAGE_FILE: usageFile },
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`gitvirt validate exited with ${code}`);
  return { wallMs, ...(JSON.parse(await readFile(usageFile, 'utf8')) as { cpuMs: number; peakRssBytes: number }) };
}

/** Measures `gitvirt validate` of the built CLI `rounds` times and prints its medians. */
async function measureCli(dir: string, rounds: number, documents: number): Promise<void> {
  const main = await buildCli();
  const preloadDir = await mkdtemp(join(tmpdir(), 'gitvirt-bench-cli-'));
  try {
    const preload = join(preloadDir, 'usage.mjs');
    await writeFile(preload, CLI_USAGE_PRELOAD);
    const samples = [];
    for (let round = 0; round < rounds; round++) samples.push(await cliSample(main, preload, dir));
    const peak = Math.max(...samples.map((s) => s.peakRssBytes));
    console.log(
      `gitvirt validate (built CLI, as users run it), ${documents} manifests, fresh process, ${rounds} runs (medians): ` +
        `${ms(median(samples.map((s) => s.wallMs)))} wall, ${ms(median(samples.map((s) => s.cpuMs)))} CPU, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await rm(preloadDir, { recursive: true, force: true });
  }
}

/** Runs the rounds, checks that both cases saw a valid repository, and prints the tables. */
async function main(rounds: number, warm: number): Promise<void> {
  const loadAverage = loadavg().map((l) => l.toFixed(1)).join(' ');
  const dir = await mkdtemp(join(tmpdir(), 'gitvirt-bench-validate-'));
  try {
    const { documents, files } = await writeManifestRepo(dir);
    console.log(`validate: ${documents} manifests in ${files} files (${DEFAULT_SHAPE.vms} VMs), ${rounds} fresh processes per case, ${warm} warm calls each`);
    const samples: Record<CaseName, Sample[]> = { floor: [], readRepo: [] };
    for (let round = 0; round < rounds; round++) {
      const order: CaseName[] = round % 2 === 0 ? ['floor', 'readRepo'] : ['readRepo', 'floor'];
      for (const name of order) samples[name].push(await spawnSample(name, dir, warm));
    }
    for (const name of Object.keys(CASES) as CaseName[]) {
      const bad = samples[name].find((s) => s.documents !== documents || s.errors > 0);
      if (bad !== undefined) throw new Error(`${name} did not see a valid repository: ${bad.documents} documents, ${bad.errors} errors`);
    }
    const names = Object.keys(CASES) as CaseName[];
    console.log('\nfresh process: module load + first call (CPU includes module load)');
    console.log(formatTable(names.map((n) => row(n, samples[n], (s) => ({ wallMs: [s.coldWallMs], cpuMs: [s.coldCpuMs] })))));
    console.log(`warm: later calls in the same process (${warm} per process)`);
    console.log(formatTable(names.map((n) => row(n, samples[n], (s) => ({ wallMs: s.warmWallMs, cpuMs: s.warmCpuMs })))));
    const cold = (n: CaseName) => median(samples[n].map((s) => s.coldCpuMs));
    const coldWall = (n: CaseName) => median(samples[n].map((s) => s.coldWallMs));
    const load = (n: CaseName) => median(samples[n].map((s) => s.loadCpuMs));
    const hot = (n: CaseName) => median(samples[n].flatMap((s) => s.warmCpuMs));
    const hotWall = (n: CaseName) => median(samples[n].flatMap((s) => s.warmWallMs));
    console.log(
      [
        `readRepo, ${documents} manifests (medians):`,
        `  fresh process  ${ms(cold('readRepo'))} CPU, ${ms(coldWall('readRepo'))} wall ` +
          `(module load ${ms(load('readRepo'))} CPU, first call ${ms(cold('readRepo') - load('readRepo'))} CPU)`,
        `  warm           ${ms(hot('readRepo'))} CPU, ${ms(hotWall('readRepo'))} wall`,
        `floor (yaml.parseAllDocuments + validators):`,
        `  fresh process  ${ms(cold('floor'))} CPU (module load ${ms(load('floor'))}); warm ${ms(hot('floor'))} CPU`,
        `readRepo / floor: fresh ×${(cold('readRepo') / cold('floor')).toFixed(2)}, warm ×${(hot('readRepo') / hot('floor')).toFixed(2)}`,
        `(load average at the start: ${loadAverage}; other work on the machine inflates CPU time too)`,
      ].join('\n'),
    );
    await measureCli(dir, rounds, documents);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: { sample: { type: 'string' }, dir: { type: 'string' }, rounds: { type: 'string' }, warm: { type: 'string' } },
});
const warm = Number(values.warm ?? 3);
if (values.sample !== undefined) {
  if (!(values.sample in CASES) || values.dir === undefined) throw new Error(`unknown sample ${values.sample}`);
  process.stdout.write(`${JSON.stringify(await sample(values.sample as CaseName, values.dir, warm))}\n`);
} else {
  await main(Number(values.rounds ?? 5), warm);
}
