import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Testbed } from '../../test/testbed/testbed.js';
import type { Resource } from '../../controller/types/resources.js';
import { writeAnsibleProject } from './ansible-project.js';
import { fleetArtifacts, type HostArtifacts } from './fleet-artifacts.js';
import { fleetResources, vmName } from './fleet-resources.js';
import { createTools, SCENARIOS, TOOLS, type ScenarioName, type StepInput, type Target, type ToolName } from './fleet-tools.js';
import { measureCommand, type CommandUsage } from './measure-command.js';
import { verifyHosts } from './verify-hosts.js';
import { driftRepair, driftScript, resetScript, type FloorRepair } from './virsh-scripts.js';

/** Memory of the one VM the change scenario edits, and what the drift scenario sets by hand. */
const CHANGED_MEMORY_MIB = 96;
const DRIFT_MEMORY_MIB = 80;

/** Options of one benchmark run. */
export interface FleetBenchOptions {
  vms: number;
  runs: number;
  tools: readonly ToolName[];
  /** Work directory (repository, playbook, scripts). */
  work: string;
  gitvirtMain: string;
  log: (line: string) => void;
}

/** One measured step: the usage, and what verification found wrong afterwards (empty: the end state was right). */
export interface StepResult { scenario: ScenarioName; tool: ToolName; run: number; usage: CommandUsage; problems: string[] }

/** The Host resources of the testbed, with a capacity large enough that placement never refuses the small VMs. */
function hostResources(testbed: Testbed): Resource[] {
  return testbed.hosts.map((h) => {
    const m = testbed.hostManifest(h);
    return { ...m, spec: { ...m.spec, capacity: { cpus: 512, memoryMiB: 1_048_576 } } } as Resource;
  });
}

/** The base and the changed desired state (one VM's memory), and their per-host objects. */
function targets(testbed: Testbed, vms: number): { base: Target; changed: Target } {
  const shape = { hosts: hostResources(testbed), vms, domainType: testbed.state.kvm ? 'kvm' as const : 'qemu' as const };
  const hosts = testbed.hosts.map((h) => h.name);
  const make = (memory: Record<string, number>, message: string): Target => {
    const resources = fleetResources({ ...shape, memory });
    return { resources, artifacts: fleetArtifacts({ resources, hosts, kvm: testbed.state.kvm }), message };
  };
  return { base: make({}, 'fleet'), changed: make({ [vmName(0)]: CHANGED_MEMORY_MIB }, `${vmName(0)}: memory ${CHANGED_MEMORY_MIB} MiB`) };
}

/** The floor's repairs for the change scenario: the changed VM redefined (with its live memory) on its host. */
function changeRepairs(changed: readonly HostArtifacts[]): Map<string, FloorRepair> {
  const repairs = new Map<string, FloorRepair>();
  for (const h of changed) {
    const d = h.domains.find((x) => x.name === vmName(0));
    if (d !== undefined) repairs.set(h.host, { redefine: [d], start: [], autostart: [] });
  }
  return repairs;
}

/**
 * Runs every tool through the scenarios on the testbed, tool after tool within each run: the hosts
 * are emptied, then cold converge → no-op → one change → drift repair, each timed and then verified.
 */
export async function runFleetBench(testbed: Testbed, o: FleetBenchOptions): Promise<StepResult[]> {
  await mkdir(o.work, { recursive: true });
  const { base, changed } = targets(testbed, o.vms);
  const ansible = await writeAnsibleProject({ dir: join(o.work, 'ansible'), state: testbed.state, artifacts: base.artifacts, forks: Math.min(testbed.hosts.length, 10) });
  const tools = createTools({ work: o.work, state: testbed.state, gitvirtMain: o.gitvirtMain, ansible, repoDir: join(o.work, 'repo') });
  const steps: Record<ScenarioName, StepInput> = {
    cold: { scenario: 'cold', target: base, repairs: new Map() },
    noop: { scenario: 'noop', target: base, repairs: new Map() },
    change: { scenario: 'change', target: changed, repairs: changeRepairs(changed.artifacts) },
    drift: { scenario: 'drift', target: changed, repairs: new Map(changed.artifacts.map((h) => [h.host, driftRepair(h)])) },
  };
  const results: StepResult[] = [];
  for (let run = 1; run <= o.runs; run++) {
    for (const name of o.tools) {
      const tool = tools[name];
      await Promise.all(testbed.hosts.map((h) => testbed.run(h, resetScript(base.artifacts[0]?.pool.pool.path ?? '/var/lib/libvirt/images/gitvirt'), { timeoutMs: 300_000 })));
      for (const scenario of SCENARIOS) {
        const step = steps[scenario];
        if (scenario === 'drift') {
          await Promise.all(step.target.artifacts.map((h) => testbed.run(h.host, driftScript(h, DRIFT_MEMORY_MIB))));
        }
        await tool.prepare(step);
        const usage = await measureCommand(tool.command(step));
        const problems = await verifyHosts(testbed, step.target.artifacts);
        if (usage.code !== 0) problems.unshift(`${name} exited with ${usage.code}: ${(usage.stderr + usage.stdout).trim().split('\n').slice(-5).join(' | ')}`);
        results.push({ scenario, tool: name, run, usage, problems });
        o.log(`run ${run} ${scenario} ${name}: ${(usage.wallMs / 1000).toFixed(2)} s wall, ${(usage.cpuMs / 1000).toFixed(2)} s cpu${problems.length === 0 ? '' : `; ${problems.length} problems: ${problems.slice(0, 3).join('; ')}`}`);
        if (problems.length > 0 && scenario !== SCENARIOS[SCENARIOS.length - 1]) {
          o.log(`${name}: later scenarios of this run start from a wrong state`);
        }
      }
    }
  }
  return results;
}

export { TOOLS, SCENARIOS };
