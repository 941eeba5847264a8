import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReconcileResult } from '../reconcile/index.js';
import type { SourceAuth } from '../source/index.js';
import {
  countStatus, DEFAULT_STATUS_BRANCH, isRemoteRepo, openStatusSource, planFromStatus, reasonRank, readStatusAt, shortRevision, STATUS_KINDS, StatusReadFailedError,
  type HostStatusDoc, type OpenStatusSourceArgs, type ResourceStatusDoc, type StatusRead, type StatusSource,
} from '../status/index.js';
import { DirectoryNotFound } from './cli-errors.js';
import { COLOR_MODES, useColor, type ColorMode } from './color.js';
import { EXIT } from './command.js';
import type { CliIo, Command, ExitCode, OptionSpec, ParsedArgs } from './command.js';
import { painter, printable, type Paint } from './format/style.js';
import { choiceOption, positionals, stringOption } from './options.js';
import { policyOf, type HostCommandOptions } from './ssh-options.js';

/** Output formats of `status` and `history`. */
export type StatusFormat = 'text' | 'json';

/** The `--format` choices. */
export const STATUS_FORMATS: readonly StatusFormat[] = ['text', 'json'];

/** Environment variables holding credentials for a status repository given as a URL. */
export const STATUS_AUTH_ENV = { token: 'GITVIRT_GIT_TOKEN', username: 'GITVIRT_GIT_USERNAME', password: 'GITVIRT_GIT_PASSWORD' } as const;

/** Options shared by `status` and `history`: where the status branch is, and how to print. */
export interface StatusRepoOptions {
  repo: string;
  branch: string;
  format: StatusFormat;
  color: ColorMode;
}

/** Option table entries shared by `status` and `history`. */
export const STATUS_REPO_OPTIONS: readonly OptionSpec[] = [
  { name: 'repo', type: 'string', value: '<url|dir>', description: 'repository holding the status branch: a local clone, or an http(s) URL', default: '.' },
  { name: 'branch', type: 'string', value: '<name>', description: 'status branch (or ref, e.g. origin/gitvirt/status)', default: DEFAULT_STATUS_BRANCH },
  { name: 'format', type: 'string', short: 'f', value: '<format>', description: 'output format', choices: STATUS_FORMATS, default: 'text' },
  { name: 'color', type: 'string', value: '<when>', description: 'colour the text output', choices: COLOR_MODES, default: 'auto' },
];

/** Parses the shared options. */
export function parseStatusRepoOptions(args: ParsedArgs): StatusRepoOptions {
  return {
    repo: stringOption(args, 'repo') ?? '.',
    branch: stringOption(args, 'branch') ?? DEFAULT_STATUS_BRANCH,
    format: choiceOption(args, 'format', STATUS_FORMATS, 'text'),
    color: choiceOption(args, 'color', COLOR_MODES, 'auto'),
  };
}

/** Credentials for a URL repository, from $GITVIRT_GIT_TOKEN or $GITVIRT_GIT_USERNAME/$GITVIRT_GIT_PASSWORD. */
export function statusAuth(env: Readonly<Record<string, string | undefined>>): SourceAuth | undefined {
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const token = value(STATUS_AUTH_ENV.token);
  if (token !== undefined) return { token };
  const password = value(STATUS_AUTH_ENV.password);
  if (password === undefined) return undefined;
  const username = value(STATUS_AUTH_ENV.username);
  return { password, ...(username === undefined ? {} : { username }) };
}

/** Opens a status repository (injectable for tests). */
export type OpenStatus = (args: OpenStatusSourceArgs) => Promise<StatusSource>;

/** Opens the repository of the options and reads the tip of its status branch; a missing branch is a user error. */
export async function withStatus<T>(
  open: OpenStatus, o: StatusRepoOptions, io: CliIo, extra: Pick<OpenStatusSourceArgs, 'notes' | 'sourceHistory'>,
  work: (source: StatusSource, read: StatusRead) => Promise<T>,
): Promise<T> {
  const auth = statusAuth(io.env);
  const source = await open({ repo: o.repo, cwd: io.cwd, branch: o.branch, ...extra, ...(auth === undefined ? {} : { auth }) });
  try {
    if (source.statusCommit === null) {
      throw new StatusReadFailedError({ repo: source.display, ref: o.branch, reason: 'no such branch (has gitvirt written status yet?)' });
    }
    return await work(source, await readStatusAt(source.repo, source.statusCommit));
  } finally {
    await source.close();
  }
}

/** One resource row of the status table. */
export interface StatusRow {
  kind: string;
  name: string;
  ready: boolean;
  reason: string;
  message: string;
  where: string;
  since: string;
}

/** The rows of a status tree, worst first: not Ready first, then by reason (worst first), kind and name. */
export function statusRows(docs: Iterable<ResourceStatusDoc>): StatusRow[] {
  const rows = [...docs].map((doc): StatusRow => {
    const ready = doc.status.conditions.find((c) => c.type === 'Ready');
    return {
      kind: doc.kind, name: doc.metadata.name, ready: ready?.status === 'True', reason: ready?.reason ?? 'Unknown', message: ready?.message ?? '',
      where: doc.status.host ?? (doc.status.hosts ?? []).join(','), since: ready?.lastTransitionTime ?? '',
    };
  });
  const kindRank = (kind: string) => (STATUS_KINDS as readonly string[]).indexOf(kind);
  return rows.sort((a, b) => Number(a.ready) - Number(b.ready) || reasonRank(a.reason) - reasonRank(b.reason)
    || kindRank(a.kind) - kindRank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], paintCell: (row: number, column: number, text: string) => string = (_r, _c, t) => t): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row, r) => row.map((cell, c) => paintCell(r, c, c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

function hostLines(hosts: readonly HostStatusDoc[], paint: Paint): string[] {
  const rows = [['HOST', 'REACHABLE', 'CPUS', 'MEMORY', 'VMS', 'INVENTORY SINCE', 'ERROR'], ...hosts.map((h) => {
    const inv = h.status.inventory;
    return [
      h.metadata.name, h.status.reachable ? 'yes' : 'no', inv === undefined ? '-' : String(inv.node.cpus),
      inv === undefined ? '-' : `${inv.node.memoryMiB} MiB`, String(h.status.allocated?.vms ?? '-'), inv?.since ?? '-', printable(h.status.error ?? ''),
    ];
  })];
  return table(rows, (r, c, text) => (r === 0 ? paint('bold', text) : c === 1 ? paint(text.startsWith('yes') ? 'ok' : 'error', text) : text));
}

/** The text report of a status tree. */
export function formatStatusText(read: StatusRead, branch: string, paint: Paint): string {
  const rows = statusRows(read.snapshot.resources.values());
  const c = countStatus(read.snapshot);
  const source = read.revision === undefined ? '' : `, source ${shortRevision(read.revision)}`;
  const lines = [`Status on ${printable(branch)} at ${read.commit.slice(0, 12)} (${read.time}${printable(source)})`, ''];
  const cells = [['KIND', 'NAME', 'READY', 'REASON', 'ON', 'MESSAGE'], ...rows.map((r) => [r.kind, r.name, r.ready ? 'True' : 'False', r.reason, printable(r.where), printable(r.message)])];
  lines.push(...table(cells, (r, col, text) => (r === 0 ? paint('bold', text) : col === 2 ? paint(text.startsWith('True') ? 'ok' : 'error', text) : text)));
  const hosts = [...read.snapshot.hosts.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (hosts.length > 0) lines.push('', ...hostLines(hosts, paint));
  const verdict = `${c.ready}/${c.resources} ready${c.unreachable === 0 ? '' : `, ${c.unreachable}/${c.hosts} host${c.hosts === 1 ? '' : 's'} unreachable`}`;
  lines.push('', c.ready === c.resources && c.unreachable === 0 ? paint('ok', verdict) : paint('error', verdict));
  return `${lines.join('\n')}\n`;
}

/** The JSON report of a status tree. */
export function formatStatusJson(read: StatusRead, branch: string): string {
  const hosts = [...read.snapshot.hosts.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)).map((h) => ({
    name: h.metadata.name, reachable: h.status.reachable, ...(h.status.error === undefined ? {} : { error: h.status.error }),
    ...(h.status.inventory === undefined ? {} : { cpus: h.status.inventory.node.cpus, memoryMiB: h.status.inventory.node.memoryMiB, inventorySince: h.status.inventory.since }),
    ...(h.status.allocated === undefined ? {} : { allocated: h.status.allocated }),
  }));
  const resources = statusRows(read.snapshot.resources.values()).map((row) => {
    const doc = read.snapshot.resources.get(`status/${row.kind}/${row.name}.yaml`);
    return { ...row, ...(doc?.status.lastError === undefined ? {} : { lastError: doc.status.lastError }) };
  });
  const report = { branch, commit: read.commit, time: read.time, revision: read.revision ?? null, summary: countStatus(read.snapshot), resources, hosts };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Runs `gitvirt status`: 0 when every resource is Ready and every host reachable, 1 otherwise. */
async function runStatus(open: OpenStatus, o: StatusRepoOptions, io: CliIo): Promise<ExitCode> {
  return withStatus(open, o, io, {}, async (_source, read) => {
    const paint = painter(useColor(o.color, io.stdout.isTTY, io.env));
    io.stdout.write(o.format === 'json' ? formatStatusJson(read, o.branch) : formatStatusText(read, o.branch, paint));
    const c = countStatus(read.snapshot);
    return c.ready === c.resources && c.unreachable === 0 ? EXIT.ok : EXIT.failed;
  });
}

/** Builds the `status` command; `open` replaces how the repository is opened in tests. */
export function createStatusCommand(deps: { open?: OpenStatus } = {}): Command<StatusRepoOptions> {
  const open = deps.open ?? openStatusSource;
  return {
    name: 'status',
    summary: 'show what the controller last recorded: each resource\'s Ready condition and each host\'s reachability',
    usage: '[options]',
    description: [
      'Reads the status branch (default gitvirt/status) of a local clone (--repo <dir>, default the',
      'current directory; its local or origin/ branch) or of a remote (--repo <url>, fetched into a',
      `temporary directory; credentials from $${STATUS_AUTH_ENV.token}, or $${STATUS_AUTH_ENV.username} and $${STATUS_AUTH_ENV.password}).`,
      'Lists resources worst first, then the hosts. Changes nothing.',
      'Exit status: 0 every resource Ready and every host reachable, 1 otherwise.',
    ].join('\n'),
    options: STATUS_REPO_OPTIONS,
    parse(args) {
      positionals(args, 0);
      return parseStatusRepoOptions(args);
    },
    run: (options, io) => runStatus(open, options, io),
  };
}

/** The `status` command. */
export const statusCommand = createStatusCommand();

/** The `--from-status` option of `gitvirt plan`. */
export const FROM_STATUS_OPTION: OptionSpec = {
  name: 'from-status', type: 'string', value: '<ref|url>',
  description: 'plan against the host inventories recorded on the status branch, reaching no host: a branch or ref of the repository holding dir (gitvirt/status, origin/gitvirt/status), or a repository URL',
};

/**
 * The plan of `gitvirt plan --from-status <ref|url>`: the manifests under `o.dir` against the
 * inventories recorded on the status branch — of the repository holding `dir` (a ref), or of a URL
 * (credentials as for `gitvirt status`). Needs no SSH credentials.
 */
export async function runPlanFromStatus(o: HostCommandOptions, from: string, io: CliIo, plan: typeof planFromStatus = planFromStatus): Promise<ReconcileResult> {
  const dir = resolve(io.cwd, o.dir);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new DirectoryNotFound(dir);
  const auth = statusAuth(io.env);
  const status = isRemoteRepo(from) ? { url: from, ...(auth === undefined ? {} : { auth }) } : { dir, branch: from };
  return plan({ dir, status, policy: policyOf(o), ...(o.hosts === undefined ? {} : { hosts: o.hosts }) });
}
