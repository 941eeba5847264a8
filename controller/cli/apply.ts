import { changeSetFailed, formatApplyEvent, type ApplyEvent } from '../apply/index.js';
import type { ReconcileEvent, ReconcileResult } from '../reconcile/index.js';
import { useColor } from './color.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { diagnosticLine } from './format/format-text.js';
import { formatChangeSetReport } from './format/plan-change-set.js';
import { createLiveStatus } from './format/plan-live-status.js';
import { buildPlanReport } from './format/plan-report.js';
import { formatPlanText } from './format/plan-text.js';
import { painter, printable } from './format/style.js';
import { choiceOption } from './options.js';
import { HOST_COMMAND_OPTIONS, parseHostCommandOptions, runReconcile, type HostCommandDeps, type HostCommandOptions } from './ssh-options.js';

/** Typed options of `gitvirt apply`. */
export interface ApplyOptions extends HostCommandOptions {
  /** `live`: a status line per host redrawn in place; `plain`: one line per event (CI logs); `auto`: live on a terminal outside CI. */
  progress: ProgressMode;
}

/** Values of `--progress`. */
export type ProgressMode = 'auto' | 'live' | 'plain';

/** The `--progress` choices. */
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'live', 'plain'];

/** Whether progress is drawn live: asked for, or `auto` on a terminal when not in CI (`CI=true`). */
export function liveProgress(mode: ProgressMode, io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  if (mode !== 'auto') return mode === 'live';
  return io.stdout.isTTY === true && (io.env['CI'] ?? '').toLowerCase() !== 'true';
}

/** Exit status of `apply`: 0 when everything was applied, 1 otherwise (invalid, refused, a failed action, a host not applied). */
export function applyExitCode(result: ReconcileResult): ExitCode {
  if (result.outcome !== 'applied' || result.changeSet === undefined) return EXIT.failed;
  return changeSetFailed(result.changeSet) ? EXIT.failed : EXIT.ok;
}

/** Prints the progress of one apply: observed hosts, the plan, then per-action lines or a live block. */
function progressPrinter(io: CliIo, color: boolean, live: boolean): (event: ReconcileEvent) => void {
  const paint = painter(color);
  let status: ReturnType<typeof createLiveStatus> | undefined;
  let widths = { hostWidth: 0, kindWidth: 'domain.set-cpu-shares'.length };
  const write = (line: string) => io.stdout.write(`${line}\n`);
  return (event) => {
    switch (event.type) {
      case 'observed':
        write(event.ok
          ? `${printable(event.host)}  observed (${Math.round(event.durationMs)} ms)`
          : `${printable(event.host)}  ${paint('error', 'unreachable')}: ${printable(event.error ?? '')}`);
        return;
      case 'planned': {
        const report = buildPlanReport({
          outcome: 'planned', revision: event.revision, diagnostics: event.computed.desired.diagnostics, observed: event.observed, computed: event.computed,
        });
        io.stdout.write(`\n${formatPlanText(report, { color })}`);
        const hosts = event.computed.plan.hosts.map((h) => h.host);
        widths = { ...widths, hostWidth: Math.max(0, ...hosts.map((h) => h.length)) };
        if (event.computed.plan.hosts.some((h) => h.actions.length > 0 || h.skipped.length > 0)) {
          write('');
          if (live) status = createLiveStatus(io.stdout, hosts, paint);
        }
        return;
      }
      case 'apply':
        if (status !== undefined) status.onEvent(event.event);
        else printApplyEvent(event.event, widths, write);
    }
  };
}

function printApplyEvent(event: ApplyEvent, widths: { hostWidth: number; kindWidth: number }, write: (line: string) => void): void {
  if (event.type === 'host-start' && event.actions === 0) return;
  const line = formatApplyEvent(event, widths);
  if (line !== null) write(printable(line));
}

/** Runs `gitvirt apply`. */
async function runApply(deps: HostCommandDeps, o: ApplyOptions, io: CliIo): Promise<ExitCode> {
  const color = useColor(o.color, io.stdout.isTTY, io.env);
  const paint = painter(color);
  const signal = io.signal;
  const result = await runReconcile(o, io, deps, {
    apply: true, refuseOnBrake: true, onEvent: progressPrinter(io, color, liveProgress(o.progress, io)),
    ...(signal === undefined ? {} : { signal }),
  });
  if (result.outcome === 'invalid') {
    for (const d of result.diagnostics) io.stdout.write(`${diagnosticLine(d, paint)}\n`);
    io.stdout.write(`${paint('error', `Nothing applied: ${printable(result.reason ?? 'the manifests have errors')}.`)}\n`);
  } else if (result.outcome === 'refused') {
    const report = buildPlanReport(result);
    io.stdout.write(`${paint('error', `Refusing to apply: ${printable(result.reason ?? '')}`)}\n`);
    if (report.brake !== undefined) io.stdout.write(`  ${printable(report.brake.override)}\n`);
  } else if (result.changeSet !== undefined) {
    io.stdout.write(`\n${formatChangeSetReport(result.changeSet, paint)}`);
  }
  return applyExitCode(result);
}

/** Builds the `apply` command; `deps` replace the reconcile engine or the SSH transport in tests. */
export function createApplyCommand(deps: HostCommandDeps = {}): Command<ApplyOptions> {
  return {
    name: 'apply',
    summary: 'change the hosts to match the manifests (prints the plan, then runs it)',
    usage: '[options] [dir]',
    description: [
      'Reads the manifests under dir (default: the current directory), observes every Host over SSH,',
      'prints the plan (as `gitvirt plan` does) and runs it: hosts in parallel, each host\'s actions in',
      'order; a host that fails or cannot be reached does not stop the others. Refuses to run anything',
      'when the brake is engaged (too many deletions, an empty repository, too many hosts unreachable).',
      'Exit status: 0 everything applied, 1 otherwise.',
    ].join('\n'),
    options: [
      ...HOST_COMMAND_OPTIONS,
      { name: 'progress', type: 'string', value: '<mode>', description: 'progress display', choices: PROGRESS_MODES, default: 'auto' },
    ],
    parse(args) {
      return { ...parseHostCommandOptions(args), progress: choiceOption(args, 'progress', PROGRESS_MODES, 'auto') };
    },
    run: (options, io) => runApply(deps, options, io),
  };
}

/** The `apply` command over real hosts. */
export const applyCommand = createApplyCommand();
