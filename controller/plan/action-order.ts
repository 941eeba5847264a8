import type { Action, ActionKind } from '../types/plan.js';

/**
 * Order of the converge phase on one host: storage and networks before the domains that use them,
 * stops before the disks they free, definitions before live changes, starts last.
 */
export const CONVERGE_ORDER: readonly ActionKind[] = [
  'pool.ensure',
  'network.delete',
  'network.define',
  'network.update-dhcp',
  'image.fetch',
  'domain.stop',
  'volume.delete',
  'volume.create',
  'volume.resize',
  'seed.create',
  'domain.migrate',
  'domain.define',
  'domain.set-memory',
  'domain.set-cpu-shares',
  'domain.set-iotune',
  'domain.set-autostart',
  'domain.restart',
  'domain.start',
];

/** Order of the prune phase, after converging: domains, then the volumes they used, then networks. */
export const PRUNE_ORDER: readonly ActionKind[] = ['domain.delete', 'volume.delete', 'network.delete'];

/** Which phase an action runs in. */
export type Phase = 'converge' | 'prune';

const RANKS: Readonly<Record<Phase, ReadonlyMap<ActionKind, number>>> = {
  converge: new Map(CONVERGE_ORDER.map((kind, index) => [kind, index])),
  prune: new Map(PRUNE_ORDER.map((kind, index) => [kind, index])),
};

/** Sorts each phase's actions by its table (stably, so per-object order is kept) and concatenates them. */
export function orderActions(phases: Readonly<Record<Phase, readonly Action[]>>): Action[] {
  const sorted = (phase: Phase) => {
    const ranks = RANKS[phase];
    return phases[phase]
      .map((action, index) => ({ action, index, rank: ranks.get(action.kind) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ action }) => action);
  };
  return [...sorted('converge'), ...sorted('prune')];
}
