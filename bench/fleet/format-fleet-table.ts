import { median } from '../lib/stats.js';
import type { StepResult } from './run-fleet.js';
import { SCENARIO_TITLES, SCENARIOS, TOOLS, type ScenarioName, type ToolName } from './fleet-tools.js';

/** Targets: gitvirt's wall time at most this multiple of the floor's (only where a target is set), and below Ansible's everywhere. */
export const FLOOR_TARGET: Readonly<Partial<Record<ScenarioName, number>>> = { cold: 1.5, noop: 1.5 };

/** Median wall, CPU and peak RSS of one scenario × tool, and whether every run verified. */
interface Cell { wallMs: number; cpuMs: number; rssBytes: number; runs: number; verified: boolean }

function cell(results: readonly StepResult[], scenario: ScenarioName, tool: ToolName): Cell | undefined {
  const rows = results.filter((r) => r.scenario === scenario && r.tool === tool);
  if (rows.length === 0) return undefined;
  return {
    wallMs: median(rows.map((r) => r.usage.wallMs)),
    cpuMs: median(rows.map((r) => r.usage.cpuMs)),
    rssBytes: median(rows.map((r) => r.usage.peakRssBytes)),
    runs: rows.length,
    verified: rows.every((r) => r.problems.length === 0),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !(b > 0) ? '—' : `×${(a / b).toFixed(2)}`);

/** Pads columns: the first two left-aligned, the rest right-aligned. */
function align(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

/** Whether gitvirt met its targets in a scenario, in words. */
function verdict(scenario: ScenarioName, floor: Cell | undefined, gitvirt: Cell | undefined, ansible: Cell | undefined): string {
  if (gitvirt === undefined) return '';
  if (!gitvirt.verified) return 'MISSED (end state wrong)';
  const misses: string[] = [];
  const limit = FLOOR_TARGET[scenario];
  if (limit !== undefined && floor !== undefined && gitvirt.wallMs > limit * floor.wallMs) misses.push(`> ${limit}× floor`);
  if (ansible !== undefined && gitvirt.wallMs >= ansible.wallMs) misses.push('not faster than ansible');
  return misses.length === 0 ? 'met' : `MISSED (${misses.join(', ')})`;
}

/**
 * One table: per scenario and tool the median wall time, CPU time and peak RSS of the tool's own
 * process tree; on gitvirt's row the ratios gitvirt/floor and ansible/gitvirt (wall and CPU) and
 * whether the targets were met; `✗` marks a run whose end state did not verify.
 */
export function formatFleetTable(results: readonly StepResult[]): string {
  const header = ['scenario', 'tool', 'wall', 'cpu', 'peak RSS', 'gitvirt/floor wall', 'cpu', 'ansible/gitvirt wall', 'cpu', 'target'];
  const rows: string[][] = [header];
  for (const scenario of SCENARIOS) {
    const cells = Object.fromEntries(TOOLS.map((t) => [t, cell(results, scenario, t)])) as Record<ToolName, Cell | undefined>;
    if (TOOLS.every((t) => cells[t] === undefined)) continue;
    for (const tool of TOOLS) {
      const c = cells[tool];
      if (c === undefined) continue;
      const g = tool === 'gitvirt';
      rows.push([
        tool === TOOLS.find((t) => cells[t] !== undefined) ? SCENARIO_TITLES[scenario] : '',
        `${tool}${c.verified ? '' : ' ✗'}`,
        seconds(c.wallMs), seconds(c.cpuMs), mib(c.rssBytes),
        g ? ratio(c.wallMs, cells.floor?.wallMs) : '', g ? ratio(c.cpuMs, cells.floor?.cpuMs) : '',
        g ? ratio(cells.ansible?.wallMs, c.wallMs) : '', g ? ratio(cells.ansible?.cpuMs, c.cpuMs) : '',
        g ? verdict(scenario, cells.floor, c, cells.ansible) : '',
      ]);
    }
  }
  return `${align(rows).join('\n')}\n`;
}
