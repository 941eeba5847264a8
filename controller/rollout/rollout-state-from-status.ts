import type { RolloutState, RolloutStatus } from './rollout-status.js';

/**
 * The gate's state rebuilt from rollout statuses written earlier (e.g. read back from the status
 * branch after a restart), so health timeouts keep counting from when members became unavailable. Pure.
 */
export function rolloutStateFromStatus(rollouts: readonly RolloutStatus[]): RolloutState {
  const members: RolloutState['members'] = {};
  for (const rollout of rollouts) {
    for (const member of rollout.members) if (member.since !== undefined) members[member.name] = { since: member.since };
  }
  return { members };
}
