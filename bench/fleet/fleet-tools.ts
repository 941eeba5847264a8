import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shellQuote } from '../../controller/transport/shell-quote.js';
import type { TestbedState } from '../../test/testbed/testbed-state.js';
import { writeHostVars, type AnsibleProject } from './ansible-project.js';
import type { HostArtifacts } from './fleet-artifacts.js';
import { writeFleetRepo } from './fleet-repo.js';
import type { Resource } from '../../controller/types/resources.js';
import type { MeasuredCommand } from './measure-command.js';
import { floorCheckScript, floorColdScript, floorRepairScript, type FloorRepair } from './virsh-scripts.js';

/** The tools compared, in the order they run. */
export type ToolName = 'floor' | 'gitvirt' | 'ansible';
export const TOOLS: readonly ToolName[] = ['floor', 'gitvirt', 'ansible'];

/** The scenarios, in the order they run (each starts from the state the one before left). */
export type ScenarioName = 'cold' | 'noop' | 'change' | 'drift';
export const SCENARIOS: readonly ScenarioName[] = ['cold', 'noop', 'change', 'drift'];

/** How each scenario is shown in the table. */
export const SCENARIO_TITLES: Readonly<Record<ScenarioName, string>> = {
  cold: 'cold converge', noop: 'no-op cycle', change: 'one change', drift: 'drift repair',
};

/** The desired state a tool is given: the repository's resources and the objects they become per host. */
export interface Target { resources: readonly Resource[]; artifacts: readonly HostArtifacts[]; message: string }

/** What a scenario step hands a tool: the target, and for the floor the repair it must make per host. */
export interface StepInput { scenario: ScenarioName; target: Target; repairs: ReadonlyMap<string, FloorRepair> }

/** A tool: `prepare` (untimed) hands it the target, `command` is what is timed. */
export interface Tool {
  name: ToolName;
  prepare(step: StepInput): Promise<void>;
  command(step: StepInput): MeasuredCommand;
}

/** Everything the tools need to reach the hosts and keep their files. */
export interface ToolsContext { work: string; state: TestbedState; gitvirtMain: string; ansible: AnsibleProject; repoDir: string }

/** The floor: per host one `ssh` running one virsh batch, all hosts in parallel. */
function floorTool(ctx: ToolsContext): Tool {
  const scriptFile = (host: string) => join(ctx.work, `floor-${host}.sh`);
  let hosts: string[] = [];
  return {
    name: 'floor',
    async prepare(step) {
      hosts = step.target.artifacts.map((h) => h.host);
      for (const h of step.target.artifacts) {
        const repair = step.repairs.get(h.host) ?? { redefine: [], start: [], autostart: [] };
        const text = step.scenario === 'cold' ? floorColdScript(h) : step.scenario === 'noop' ? floorCheckScript(h) : floorRepairScript(h, repair);
        await writeFile(scriptFile(h.host), text);
      }
    },
    command() {
      const ssh = (host: string) => `ssh -F ${shellQuote(ctx.state.sshConfigPath)} ${shellQuote(host)} sh -s <${shellQuote(scriptFile(host))} >/dev/null`;
      const body = hosts.map((h, i) => `${ssh(h)} & p${i}=$!`).join('\n');
      const waits = hosts.map((_, i) => `wait $p${i} || rc=1`).join('\n');
      return { argv: ['sh', '-c', `rc=0\n${body}\n${waits}\nexit $rc`] };
    },
  };
}

/** gitvirt as its users run it: `gitvirt apply` on the repository, plain progress. */
function gitvirtTool(ctx: ToolsContext): Tool {
  return {
    name: 'gitvirt',
    async prepare(step) {
      await writeFleetRepo(ctx.repoDir, step.target.resources, step.target.message);
    },
    command() {
      return {
        argv: [process.execPath, ctx.gitvirtMain, 'apply', ctx.repoDir, '--identity', ctx.state.clientKeyPath, '--progress', 'plain', '--color', 'never'],
        env: { CI: 'true' },
      };
    },
  };
}

/** Ansible with community.libvirt: `ansible-playbook` on the generated project. */
function ansibleTool(ctx: ToolsContext): Tool {
  return {
    name: 'ansible',
    async prepare(step) {
      await writeHostVars(ctx.ansible.dir, step.target.artifacts);
    },
    command() {
      return { argv: ctx.ansible.argv, env: ctx.ansible.env, cwd: ctx.ansible.dir };
    },
  };
}

/** The three tools over one context. */
export function createTools(ctx: ToolsContext): Record<ToolName, Tool> {
  return { floor: floorTool(ctx), gitvirt: gitvirtTool(ctx), ansible: ansibleTool(ctx) };
}
