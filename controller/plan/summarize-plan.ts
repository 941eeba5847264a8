import type { Action, Plan } from '../types/plan.js';

/** Counts of a plan, for headlines and exit codes. */
export interface PlanSummary {
  /** Actions by what they do to the object: add, change, destroy. */
  add: number;
  change: number;
  destroy: number;
  skipped: number;
  unreachable: number;
  /** True when anything would be done. */
  changes: boolean;
}

/** What each action does to its object, for the add/change/destroy summary. */
const EFFECT: Readonly<Record<Action['kind'], 'add' | 'change' | 'destroy'>> = {
  'pool.ensure': 'add',
  'network.define': 'add',
  'network.update-dhcp': 'change',
  'network.delete': 'destroy',
  'image.fetch': 'add',
  'volume.create': 'add',
  'volume.resize': 'change',
  'volume.delete': 'destroy',
  'seed.create': 'add',
  'domain.stop': 'change',
  'domain.define': 'change',
  'domain.set-memory': 'change',
  'domain.set-cpu-shares': 'change',
  'domain.set-iotune': 'change',
  'domain.set-autostart': 'change',
  'domain.restart': 'change',
  'domain.start': 'change',
  'domain.delete': 'destroy',
  'domain.migrate': 'change',
};

/** Counts what a plan adds, changes and destroys. */
export function summarizePlan(plan: Plan): PlanSummary {
  const summary: PlanSummary = { add: 0, change: 0, destroy: 0, skipped: 0, unreachable: 0, changes: false };
  for (const host of plan.hosts) {
    for (const action of host.actions) summary[EFFECT[action.kind]] += 1;
    summary.skipped += host.skipped.length;
    if (!host.reachable) summary.unreachable += 1;
  }
  summary.changes = summary.add + summary.change + summary.destroy > 0;
  return summary;
}
