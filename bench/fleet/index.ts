/**
 * The fleet benchmark: gitvirt against an Ansible playbook (community.libvirt) and the raw-virsh
 * floor on a real multi-host libvirt testbed — cold converge, no-op cycle, one change, drift repair —
 * each measured side by side in one run and verified on the hosts afterwards.
 */
export { openBenchTestbed, type BenchTestbed } from './testbed-session.js';
export { installBenchDeps, buildGitvirt, BENCH_PACKAGES } from './prepare-machine.js';
export { runFleetBench, type FleetBenchOptions, type StepResult } from './run-fleet.js';
export { formatFleetTable, FLOOR_TARGET } from './format-fleet-table.js';
export { fleetResources, vmName, vmHost, type FleetShape } from './fleet-resources.js';
export { fleetArtifacts, type HostArtifacts, type DomainArtifact } from './fleet-artifacts.js';
export { writeFleetRepo } from './fleet-repo.js';
export { writeAnsibleProject, writeHostVars, type AnsibleProject } from './ansible-project.js';
export { floorColdScript, floorCheckScript, floorRepairScript, resetScript, stateScript, driftScript, driftRepair, type FloorRepair } from './virsh-scripts.js';
export { expectedState, verifyHosts } from './verify-hosts.js';
export { measureCommand, type CommandUsage, type MeasuredCommand } from './measure-command.js';
export { processTreeRss, sampleTreeRss } from './process-tree-rss.js';
export { createTools, TOOLS, SCENARIOS, SCENARIO_TITLES, type ToolName, type ScenarioName } from './fleet-tools.js';
