import type { DesiredVm } from '../types/desired.js';
import type { DomainState } from '../types/live.js';

/** Domain state each run strategy wants, and which observed states already satisfy it; null = gitvirt leaves the state alone. */
export const RUN_STRATEGY_STATES: Readonly<Record<DesiredVm['runStrategy'], { want: DomainState; satisfied: readonly DomainState[] } | null>> = {
  Always: { want: 'running', satisfied: ['running', 'blocked'] },
  Halted: { want: 'shutoff', satisfied: ['shutoff', 'shutdown', 'crashed'] },
  Manual: null,
};

/** The state a domain should be brought to, or null when its current state is fine. */
export function wantedState(runStrategy: DesiredVm['runStrategy'], current: DomainState): DomainState | null {
  const rule = RUN_STRATEGY_STATES[runStrategy];
  if (rule === null || rule.satisfied.includes(current)) return null;
  return rule.want;
}
