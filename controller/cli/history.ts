import { openStatusSource, parseResourceKey, readHistory, shortRevision, type HistoryEntry, type NoteEntry, type StatusKind } from '../status/index.js';
import { useColor } from './color.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode } from './command.js';
import { painter, printable, type Paint } from './format/style.js';
import { positionals } from './options.js';
import { integerOption } from './ssh-options.js';
import { parseStatusRepoOptions, STATUS_REPO_OPTIONS, withStatus, type OpenStatus, type StatusRepoOptions } from './status.js';
import { CliUsageError } from './usage-error.js';

/** Typed options of `gitvirt history`. */
export interface HistoryOptions extends StatusRepoOptions {
  kind: StatusKind;
  name: string;
  limit: number;
}

/** Default number of changes listed. */
export const DEFAULT_HISTORY_LIMIT = 20;

/** `hv1 ok: 1 created, 2 configured` for one host of an apply. */
function hostResult(host: string, result: NoteEntry['hosts'][string], paint: Paint): string {
  const counts = (['created', 'configured', 'deleted', 'unchanged', 'skipped', 'failed'] as const)
    .filter((k) => result[k] > 0).map((k) => `${result[k]} ${k}`).join(', ');
  const verdict = paint(result.result === 'ok' ? 'ok' : 'error', result.result);
  return `${printable(host)} ${verdict}${counts === '' ? '' : `: ${counts}`}${result.error === undefined ? '' : ` (${printable(result.error)})`}`;
}

/** The lines of one history entry. */
function entryLines(entry: HistoryEntry, paint: Paint): string[] {
  const source = entry.revision === undefined ? '' : `  source ${printable(shortRevision(entry.revision))}`;
  const lines = [`${paint('bold', entry.time)}  status ${entry.commit.slice(0, 12)}${source}  ${entry.change}`];
  if (entry.ready !== undefined) {
    const status = paint(entry.ready.status === 'True' ? 'ok' : 'error', `Ready=${entry.ready.status}`);
    lines.push(`  ${status} ${printable(entry.ready.reason)}: ${printable(entry.ready.message)}${entry.host === undefined ? '' : ` (on ${printable(entry.host)})`}`);
  }
  if (entry.source !== undefined) {
    const { author, subject } = entry.source;
    lines.push(`  commit by ${printable(author.name)} <${printable(author.email)}> at ${author.date}: ${printable(subject)}`);
  }
  for (const apply of entry.applies ?? []) {
    const hosts = Object.entries(apply.hosts).map(([host, result]) => hostResult(host, result, paint)).join('; ');
    lines.push(`  applied ${apply.appliedAt}${hosts === '' ? '' : `: ${hosts}`}`);
    for (const change of apply.changes) {
      lines.push(`    ${printable(change.host)} ${change.action} ${printable(change.target)}: ${change.result}${change.drift === true ? ' (drift)' : ''}`);
    }
    if (apply.brake !== undefined) lines.push(`    ${paint('warning', `brake engaged (${apply.brake.code})`)}: ${printable(apply.brake.message)}`);
  }
  return lines;
}

/** The text report of a resource's history. */
export function formatHistoryText(kind: StatusKind, name: string, branch: string, entries: readonly HistoryEntry[], paint: Paint): string {
  const head = `History of ${kind}/${name} on ${printable(branch)}, newest first`;
  if (entries.length === 0) return `${head}\n\nno status commit mentions ${kind}/${name}\n`;
  return `${[head, '', ...entries.flatMap((entry) => [...entryLines(entry, paint), ''])].join('\n')}`;
}

/** Runs `gitvirt history`. */
async function runHistory(open: OpenStatus, o: HistoryOptions, io: CliIo): Promise<ExitCode> {
  return withStatus(open, o, io, { notes: true, sourceHistory: true }, async (source) => {
    const entries = await readHistory({ repo: source.repo, statusCommit: source.statusCommit!, kind: o.kind, name: o.name, limit: o.limit });
    if (o.format === 'json') {
      io.stdout.write(`${JSON.stringify({ resource: `${o.kind}/${o.name}`, branch: o.branch, entries }, null, 2)}\n`);
    } else {
      io.stdout.write(formatHistoryText(o.kind, o.name, o.branch, entries, painter(useColor(o.color, io.stdout.isTTY, io.env))));
    }
    return entries.length === 0 ? EXIT.failed : EXIT.ok;
  });
}

/** Builds the `history` command; `open` replaces how the repository is opened in tests. */
export function createHistoryCommand(deps: { open?: OpenStatus } = {}): Command<HistoryOptions> {
  const open = deps.open ?? openStatusSource;
  return {
    name: 'history',
    summary: 'show how a resource\'s status changed, which source commit caused it, and what was applied',
    usage: '[options] <Kind>/<name>',
    description: [
      'Lists the commits of the status branch that changed status/<Kind>/<name>.yaml, newest first:',
      'when, the source revision (from the Gitvirt-Source-Revision trailer) and the Ready condition;',
      'for each source commit, its author and subject (when the repository holds it) and the applies',
      'recorded in its git note (refs/notes/gitvirt): result per host and the changes to this resource.',
      'A local clone needs the notes fetched: git fetch origin refs/notes/gitvirt:refs/notes/gitvirt',
      'Exit status: 0 when the resource has a history, 1 otherwise.',
      '',
      '  gitvirt history VirtualMachine/web1',
      '  gitvirt history --repo https://git.example.com/infra/fleet.git Cluster/api',
    ].join('\n'),
    options: [
      ...STATUS_REPO_OPTIONS,
      { name: 'limit', type: 'string', value: '<n>', description: 'most changes listed', default: String(DEFAULT_HISTORY_LIMIT) },
    ],
    parse(args) {
      const [key] = positionals(args, 1);
      if (key === undefined) throw new CliUsageError('missing the resource, as <Kind>/<name> (e.g. VirtualMachine/web1)');
      const parsed = parseResourceKey(key);
      if (parsed === undefined) throw new CliUsageError(`invalid resource '${key}': expected <Kind>/<name> with Kind one of Host, Network, Image, VirtualMachine, Cluster`);
      return { ...parseStatusRepoOptions(args), ...parsed, limit: integerOption(args, 'limit', 1, DEFAULT_HISTORY_LIMIT) };
    },
    run: (options, io) => runHistory(open, options, io),
  };
}

/** The `history` command. */
export const historyCommand = createHistoryCommand();
