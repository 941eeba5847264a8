/**
 * Fleet benchmark on the real testbed (root): gitvirt against an Ansible playbook with
 * community.libvirt and against the raw-virsh floor (per host one ssh running one virsh batch,
 * hosts in parallel), on four scenarios — cold converge, no-op cycle, one change, drift repair —
 * measured side by side in one run, each end state verified on the hosts. Prints one table: wall
 * time, CPU time and peak RSS of each tool's own process tree, gitvirt/floor and ansible/gitvirt.
 *
 *   bash bench/fleet.sh [--vms N] [--hosts N] [--runs N] [--tools floor,gitvirt,ansible] [--keep]
 *   npm run bench -- fleet                  (under the harness; needs what fleet.sh installs)
 *
 * Takes the testbed session lock (waits while an e2e run uses the hosts), brings up its own
 * hosts, installs Ansible and python3-libvirt when missing, builds dist/, and tears down at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildGitvirt, formatFleetTable, installBenchDeps, openBenchTestbed, runFleetBench, TOOLS, type ToolName } from './fleet/index.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const log = (line: string) => process.stderr.write(`fleet: ${line}\n`);

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '40' },
    hosts: { type: 'string', default: '4' },
    runs: { type: 'string', default: '1' },
    tools: { type: 'string', default: TOOLS.join(',') },
    keep: { type: 'boolean', default: false },
  },
});

/** A whole number option within bounds. */
function whole(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

const tools = values.tools.split(',').map((t) => t.trim()).filter((t) => t !== '');
const unknown = tools.filter((t) => !(TOOLS as readonly string[]).includes(t));
if (unknown.length > 0) throw new Error(`--tools: unknown ${unknown.join(', ')} (choose from ${TOOLS.join(', ')})`);
const options = { vms: whole('vms', values.vms, 1, 1000), hosts: whole('hosts', values.hosts, 1, 20), runs: whole('runs', values.runs, 1, 20) };

if (process.getuid?.() !== 0) {
  console.log('fleet: skipped — it needs root (network namespaces, libvirtd, apt-get); run `sudo bash bench/fleet.sh`');
} else {
  await installBenchDeps(ROOT, log);
  const gitvirtMain = await buildGitvirt(ROOT, log);
  const work = await mkdtemp(join(tmpdir(), 'gitvirt-bench-fleet-'));
  const bench = await openBenchTestbed({ hosts: options.hosts, log });
  try {
    log(`${options.vms} VMs on ${options.hosts} hosts, ${options.runs} run(s); tools: ${tools.join(', ')}`);
    const results = await runFleetBench(bench.testbed, { ...options, tools: TOOLS.filter((t) => tools.includes(t)) as ToolName[], work, gitvirtMain, log });
    console.log(`\n== fleet: ${options.vms} VMs on ${options.hosts} hosts (median of ${options.runs} run(s), ${bench.testbed.state.kvm ? 'KVM' : 'TCG, no KVM'})`);
    console.log(formatFleetTable(results));
    const failed = results.filter((r) => r.problems.length > 0);
    for (const r of failed) console.log(`✗ ${r.scenario} ${r.tool} (run ${r.run}): ${r.problems.slice(0, 5).join('; ')}`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await bench.close({ keep: values.keep });
    await rm(work, { recursive: true, force: true });
  }
}
