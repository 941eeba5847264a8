import { resolve } from 'node:path';
import type { ReconcileResult } from '../reconcile/index.js';
import { useColor } from './color.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { formatPlanJson } from './format/plan-json.js';
import { formatPlanMarkdown } from './format/plan-markdown.js';
import { buildPlanReport, type PlanReport } from './format/plan-report.js';
import { formatPlanText } from './format/plan-text.js';
import { choiceOption, stringOption } from './options.js';
import { writeOutputFile } from './output-file.js';
import { HOST_COMMAND_OPTIONS, parseHostCommandOptions, runReconcile, type HostCommandDeps, type HostCommandOptions } from './ssh-options.js';
import { FROM_STATUS_OPTION, runPlanFromStatus } from './status.js';

/** Output formats of `gitvirt plan`. */
export type PlanFormat = 'text' | 'json' | 'markdown';

/** Every plan format by name. */
export const PLAN_FORMATS: Readonly<Record<PlanFormat, (report: PlanReport, options: { color: boolean }) => string>> = {
  text: formatPlanText,
  json: formatPlanJson,
  markdown: formatPlanMarkdown,
};

/** The `--format` choices of `plan`. */
export const PLAN_FORMAT_NAMES = Object.keys(PLAN_FORMATS) as PlanFormat[];

/** Typed options of `gitvirt plan`. */
export interface PlanOptions extends HostCommandOptions {
  format: PlanFormat;
  output?: string;
  /** Plan against the inventories on this status branch (ref or URL) instead of observing the hosts. */
  fromStatus?: string;
}

/** Exit status of `plan`: 0 no changes, 2 changes, 1 when something is wrong (invalid, unreachable host, brake, compile errors). */
export function planExitCode(report: PlanReport): ExitCode {
  const errors = report.diagnostics.some((d) => d.severity === 'error');
  if (report.outcome === 'invalid' || errors || report.summary.unreachable > 0 || report.brake !== undefined) return EXIT.failed;
  return report.summary.changes ? 2 : EXIT.ok;
}

/** Builds the report of a reconcile result. */
export function reportOf(result: ReconcileResult): PlanReport {
  return buildPlanReport(result);
}

/** Runs `gitvirt plan`. */
async function runPlan(deps: HostCommandDeps, o: PlanOptions, io: CliIo): Promise<ExitCode> {
  const result = o.fromStatus === undefined ? await runReconcile(o, io, deps, { apply: false }) : await runPlanFromStatus(o, o.fromStatus, io);
  const report = reportOf(result);
  const color = useColor(o.color, io.stdout.isTTY, io.env);
  const text = formatPlanText(report, { color });
  if (o.output !== undefined) {
    await writeOutputFile(resolve(io.cwd, o.output), PLAN_FORMATS[o.format](report, { color: false }));
    io.stdout.write(text);
    io.stdout.write(`${o.format} plan written to ${o.output}\n`);
  } else {
    io.stdout.write(o.format === 'text' ? text : PLAN_FORMATS[o.format](report, { color: false }));
  }
  return planExitCode(report);
}

/** Builds the `plan` command; `deps` replace the reconcile engine or the SSH transport in tests. */
export function createPlanCommand(deps: HostCommandDeps = {}): Command<PlanOptions> {
  return {
    name: 'plan',
    summary: 'show what apply would change on the hosts (reads every host over SSH, changes nothing)',
    usage: '[options] [dir]',
    description: [
      'Reads the manifests under dir (default: the current directory), observes every Host over SSH,',
      'and prints per host what apply would do: + create, ~ update in place, ↻ restart, -/+ replace,',
      '- delete, with the fields that change, drift (changes made on a host by hand), and changes held',
      'back (restart required, deletion protection, the brake). Nothing on the hosts is changed.',
      'Exit status: 0 no changes, 2 changes, 1 error (invalid manifests, a host unreachable, brake engaged).',
      '',
      '  gitvirt plan --identity ~/.ssh/gitvirt',
      '  gitvirt plan --format markdown --output plan.md     # for a merge-request comment',
      '  gitvirt plan --from-status origin/gitvirt/status --format markdown   # in CI: no host access (git fetch origin gitvirt/status first)',
    ].join('\n'),
    options: [
      ...HOST_COMMAND_OPTIONS,
      { name: 'format', type: 'string', short: 'f', value: '<format>', description: 'plan format', choices: PLAN_FORMAT_NAMES, default: 'text' },
      { name: 'output', type: 'string', short: 'o', value: '<file>', description: 'write the plan to a file (stdout then gets the text plan)' },
      FROM_STATUS_OPTION,
    ],
    parse(args) {
      const output = stringOption(args, 'output');
      const fromStatus = stringOption(args, 'from-status');
      return {
        ...parseHostCommandOptions(args),
        format: choiceOption(args, 'format', PLAN_FORMAT_NAMES, 'text'),
        ...(output === undefined ? {} : { output }),
        ...(fromStatus === undefined ? {} : { fromStatus }),
      };
    },
    run: (options, io) => runPlan(deps, options, io),
  };
}

/** The `plan` command over real hosts. */
export const planCommand = createPlanCommand();
