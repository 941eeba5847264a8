import { posix } from 'node:path';
import { normalisePath, renderDomainXml, resolveDomainType, volumePath } from '../libvirt/index.js';
import type { DesiredHostState } from '../types/desired.js';
import type { LiveHostState } from '../types/live.js';
import type { Action, MigratedVolume, SkippedChange } from '../types/plan.js';
import type { HostMoves, Move } from './find-moves.js';
import { makeAction } from './make-action.js';
import { createDiskAction } from './plan-storage.js';

/** Actions of an arriving VM that stay beside its migration: its cloud-init seed is built on the target as usual. */
const KEPT_FOR_ARRIVAL: ReadonlySet<Action['kind']> = new Set(['seed.create']);

/** `copy 2 volumes`, `recreate 1 volume`. */
function volumeCount(policy: string, count: number): string {
  return `${policy} ${count} volume${count === 1 ? '' : 's'}`;
}

/** The `domain.migrate` action that brings `move.vm` from its source host to `desired`'s host. */
export function migrateAction(move: Move, desired: DesiredHostState, live: LiveHostState, revision: string): Action {
  const { vm, source } = move;
  const poolPath = desired.pool.path;
  const policy = vm.migration?.disks ?? 'copy';
  const sourceVolumes = source.volumes;
  const volumes = vm.disks.map((disk): MigratedVolume => {
    const from = sourceVolumes.find((v) => v.name === disk.volume);
    const to = volumePath(poolPath, disk.volume);
    const sameDir = from !== undefined && normalisePath(posix.dirname(from.path)) === normalisePath(poolPath);
    const overlay = disk.source?.mode === 'overlay' ? disk.source : undefined;
    return {
      volume: disk.volume, format: disk.format, to, pool: disk.pool,
      ...(from === undefined ? {} : { from: from.path }),
      ...(overlay === undefined || sameDir ? {} : { backing: { path: volumePath(poolPath, overlay.volume), format: overlay.format } }),
      create: createDiskAction(desired, vm, disk, 'created for a migration').params as MigratedVolume['create'],
    };
  });
  const disks = new Set(vm.disks.map((d) => d.volume));
  const seed = new RegExp(`^${vm.name}-seed-[0-9a-f]{12}\\.iso$`);
  const cleanup = sourceVolumes
    .filter((v) => disks.has(v.name) || seed.test(v.name))
    .map((v) => ({ pool: v.pool, volume: v.name, path: v.path }));
  const render = { domainType: resolveDomainType(vm.domainType, live.kvm), poolPath, revision };
  const reason = `migrate vm ${vm.name} ${move.from} → ${move.to} (${volumeCount(policy, volumes.length)})`;
  return makeAction({ host: desired.host.name, owner: vm.owner }, 'domain.migrate', reason, {
    name: vm.name, from: move.from, disks: policy, timeoutSeconds: vm.shutdownTimeoutSeconds, volumes,
    xml: renderDomainXml(vm, render), runStrategy: vm.runStrategy, autostart: vm.autostart, cleanup,
  });
}

/** Owner key of an action or move. */
function key(owner: { kind: string; name: string }): string {
  return `${owner.kind}/${owner.name}`;
}

/**
 * Rewrites one host's actions for the VMs that move: an arriving VM's actions give way to one
 * `domain.migrate` (its seed is still built), a leaving VM's actions (prune, seed housekeeping) are
 * dropped since the migration removes it once it runs on the target, and held moves and drain waits
 * become skips.
 */
export function applyMoves(args: {
  desired: DesiredHostState;
  live: LiveHostState;
  revision: string;
  moves: HostMoves;
  converge: readonly Action[];
  prune: readonly Action[];
}): { converge: Action[]; prune: Action[]; skipped: SkippedChange[] } {
  const { desired, moves } = args;
  const host = desired.host.name;
  const arriving = new Map(moves.incoming.map((m) => [key(m.vm.owner), m]));
  const leaving = new Set([...moves.outgoing.map((m) => key(m.vm.owner)), ...moves.held.map((h) => key(h.owner))]);
  const keep = (action: Action) => {
    const owner = key(action.owner);
    if (leaving.has(owner)) return false;
    const move = arriving.get(owner);
    return move === undefined || (move.ready && KEPT_FOR_ARRIVAL.has(action.kind));
  };
  const converge = args.converge.filter(keep);
  const skipped: SkippedChange[] = [];
  for (const move of moves.incoming) {
    if (move.ready) converge.push(migrateAction(move, desired, args.live, args.revision));
    else {
      skipped.push({
        host, owner: move.vm.owner, reason: 'MigrationPending',
        message: `domain.migrate of ${move.vm.name} from ${move.from} waits: ${move.from} is not planned or not reachable in this run; include both hosts to move it`,
      });
    }
  }
  for (const held of moves.held) {
    skipped.push({
      host, owner: held.owner, reason: 'MigrationPending',
      message: `domain.migrate of ${held.vm} ${held.why}`,
    });
  }
  for (const drain of moves.drains) {
    skipped.push({ host, owner: drain.owner, reason: 'DrainPending', message: `domain.migrate of ${drain.vm}: ${drain.reason}` });
  }
  return { converge, prune: args.prune.filter(keep), skipped };
}
