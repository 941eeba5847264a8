import type { OwnerRef } from '../types/desired.js';
import type { ActionOutcome, HostClient, PoolFiles } from '../types/host-client.js';
import type { LiveDomain } from '../types/live.js';
import type { Action, ActionKind, ActionParams, MigrateParams } from '../types/plan.js';
import { copyVolume, type CopyResult } from './copy-volume.js';
import { MigrationFailedError, type MigrationRefusal } from './migration-errors.js';

/** What running a migration needs: the action (its host is the target) and both hosts' clients. */
export interface RunMigrationArgs {
  action: Extract<Action, { kind: 'domain.migrate' }>;
  source: HostClient;
  target: HostClient;
  signal?: AbortSignal;
}

/** Whether a domain is on (anything but shut off). */
function isOn(domain: LiveDomain | undefined): boolean {
  return domain !== undefined && domain.state !== 'shutoff';
}

/**
 * Runs a cold migration, each step idempotent so an interrupted one resumes: shut the VM down on the
 * source; copy its volumes to the target (`copy`; verified) or create them (`recreate`, or when the
 * source holds none); define it on the target, set autostart, start it per its run strategy; only
 * then undefine it on the source and delete its volumes there. A failure before the VM runs on the
 * target starts it again on the source when it ran there, and source disks are never deleted before.
 * When the VM already ran on the target before this run began, the source disks are kept (nothing
 * proves they were copied).
 */
export async function runMigration(args: RunMigrationArgs): Promise<ActionOutcome> {
  const { action, source, target, signal } = args;
  const p = action.params;
  const opts = signal === undefined ? {} : { signal };
  const refuse = (refusal: MigrationRefusal, detail: string) => new MigrationFailedError({ vm: p.name, from: p.from, to: action.host, refusal, detail });
  const run = <K extends ActionKind>(client: HostClient, kind: K, params: ActionParams[K], reason: string) =>
    client.run(subAction(client.host, action.owner, kind, params, reason), opts);
  const [sourceLive, targetLive] = await Promise.all([source.observe(opts), target.observe(opts)]);
  const onSource = sourceLive.domains.find((d) => d.name === p.name && d.owner !== null);
  const onTarget = targetLive.domains.find((d) => d.name === p.name);
  if (onTarget !== undefined && onTarget.owner === null) throw refuse('target-not-owned', `a domain named ${p.name} on ${action.host} was not created by gitvirt; remove or rename it`);
  if (isOn(onSource) && isOn(onTarget)) throw refuse('running-twice', `it runs on both ${p.from} and ${action.host}; shut one down by hand`);
  if (p.disks === 'copy') {
    filesOf(source, args);
    filesOf(target, args);
  }
  const ranBefore = isOn(onTarget);
  const wasOn = isOn(onSource);
  const start = p.runStrategy === 'Always' || (p.runStrategy === 'Manual' && (wasOn || ranBefore));
  const done: string[] = [];
  let runsOnTarget = ranBefore;
  try {
    if (!ranBefore) {
      if (onSource !== undefined) {
        const stopped = await run(source, 'domain.stop', { name: p.name, timeoutSeconds: p.timeoutSeconds }, `shut down for the migration to ${action.host}`);
        if (stopped.result !== 'unchanged') done.push(`${stopped.message ?? 'stopped'} on ${p.from}`);
      }
      done.push(await moveVolumes(args, run));
      await run(target, 'domain.define', { name: p.name, xml: p.xml }, `defined by the migration from ${p.from}`);
      await run(target, 'domain.set-autostart', { name: p.name, enabled: p.autostart }, 'autostart as the VM wants');
      if (start) {
        await run(target, 'domain.start', { name: p.name }, `started by the migration from ${p.from}`);
        runsOnTarget = true;
        done.push(`started on ${action.host}`);
      } else done.push(`defined on ${action.host} (not started: runStrategy ${p.runStrategy})`);
    }
    if (onSource !== undefined) {
      await run(source, 'domain.delete', { name: p.name, timeoutSeconds: p.timeoutSeconds }, `moved to ${action.host}`);
      done.push(`undefined on ${p.from}`);
    }
    const kept = ranBefore && onSource !== undefined ? new Set(p.volumes.map((v) => v.volume)) : new Set<string>();
    let deleted = 0;
    for (const file of p.cleanup.filter((c) => !kept.has(c.volume))) {
      if ((await run(source, 'volume.delete', file, `left behind by the migration to ${action.host}`)).result === 'deleted') deleted += 1;
    }
    if (deleted > 0) done.push(`deleted ${deleted} volume${deleted === 1 ? '' : 's'} on ${p.from}`);
    if (kept.size > 0) done.push(`kept the disks on ${p.from} (the VM already ran on ${action.host}; delete them by hand once not needed)`);
  } catch (err) {
    if (!runsOnTarget && wasOn) await run(source, 'domain.start', { name: p.name }, `migration to ${action.host} failed`).catch(() => undefined);
    throw err;
  }
  return { result: 'configured', message: `moved from ${p.from}: ${done.filter((s) => s !== '').join('; ')}` };
}

/** Copies (or creates) every volume on the target; says what it did. */
async function moveVolumes(
  args: RunMigrationArgs,
  run: <K extends ActionKind>(client: HostClient, kind: K, params: ActionParams[K], reason: string) => Promise<ActionOutcome>,
): Promise<string> {
  const { action, source, target } = args;
  const p: MigrateParams = action.params;
  const counts: Record<CopyResult | 'created', number> = { copied: 0, present: 0, 'no-source': 0, created: 0 };
  let bytes = 0;
  for (const volume of p.volumes) {
    if (p.disks === 'copy') {
      const copied = await copyVolume({ vm: p.name, from: p.from, to: action.host, source: filesOf(source, args), target: filesOf(target, args), ...(args.signal === undefined ? {} : { signal: args.signal }) }, volume);
      counts[copied.result] += 1;
      bytes += copied.bytes;
      if (copied.result !== 'no-source') continue;
    }
    if ((await run(target, 'volume.create', volume.create, `disk of ${p.name} on its new host`)).result === 'created') counts.created += 1;
  }
  const parts = [
    counts.copied > 0 ? `copied ${counts.copied} volume${counts.copied === 1 ? '' : 's'} (${bytes} bytes, verified)` : '',
    counts.present > 0 ? `${counts.present} already copied` : '',
    counts.created > 0 ? `created ${counts.created} volume${counts.created === 1 ? '' : 's'}` : '',
  ];
  return parts.filter((s) => s !== '').join(', ');
}

/** The host client's pool file access, or why there is none. */
function filesOf(client: HostClient, args: RunMigrationArgs): PoolFiles {
  if (client.files !== undefined) return client.files;
  throw new MigrationFailedError({
    vm: args.action.params.name, from: args.action.params.from, to: args.action.host, refusal: 'no-file-access',
    detail: `the connection to ${client.host} cannot carry volume data; the VM stays on ${args.action.params.from}`,
  });
}

/** One step of a migration, run as an ordinary action on one host. */
function subAction<K extends ActionKind>(host: string, owner: OwnerRef, kind: K, params: ActionParams[K], reason: string): Action {
  return { kind, host, owner, reason, destructive: false, drift: false, params } as Action;
}
