import type { ActionOutcome } from '../types/host-client.js';
import type { Action, ActionKind } from '../types/plan.js';
import type { ActionContext, ActionExecutor, ActionExecutors } from './action-context.js';
import { defineDomain, deleteDomain, restartDomain, startDomainAction, stopDomainAction } from './domain-actions.js';
import { setDomainAutostart, setDomainCpuShares, setDomainIoTune, setDomainMemory } from './domain-tune-actions.js';
import { fetchImage } from './image-actions.js';
import { defineNetwork, deleteNetwork, updateNetworkDhcp } from './network-actions.js';
import { MigrationNeedsBothHostsError } from './migration-errors.js';
import { ensurePool } from './pool-actions.js';
import { createSeed } from './seed-actions.js';
import { createVolume, deleteVolume, resizeVolume } from './volume-actions.js';

/** The executor of every action kind. */
export const ACTION_EXECUTORS: ActionExecutors = {
  'pool.ensure': ensurePool,
  'network.define': defineNetwork,
  'network.update-dhcp': updateNetworkDhcp,
  'network.delete': deleteNetwork,
  'image.fetch': fetchImage,
  'volume.create': createVolume,
  'volume.resize': resizeVolume,
  'volume.delete': deleteVolume,
  'seed.create': createSeed,
  'domain.stop': stopDomainAction,
  'domain.define': defineDomain,
  'domain.set-memory': setDomainMemory,
  'domain.set-cpu-shares': setDomainCpuShares,
  'domain.set-iotune': setDomainIoTune,
  'domain.set-autostart': setDomainAutostart,
  'domain.restart': restartDomain,
  'domain.start': startDomainAction,
  'domain.delete': deleteDomain,
  'domain.migrate': async (params, ctx) => {
    throw new MigrationNeedsBothHostsError({ host: ctx.cmd.host, vm: params.name, from: params.from });
  },
};

/** Time limit of each action kind, in milliseconds; stop, restart and delete add their shutdown timeout. */
export const ACTION_TIMEOUT_MS: Readonly<Record<ActionKind, number>> = {
  'pool.ensure': 120_000,
  'network.define': 120_000,
  'network.update-dhcp': 60_000,
  'network.delete': 120_000,
  'image.fetch': 3_600_000,
  'volume.create': 1_800_000,
  'volume.resize': 300_000,
  'volume.delete': 120_000,
  'seed.create': 120_000,
  'domain.stop': 120_000,
  'domain.define': 120_000,
  'domain.set-memory': 120_000,
  'domain.set-cpu-shares': 120_000,
  'domain.set-iotune': 120_000,
  'domain.set-autostart': 60_000,
  'domain.restart': 300_000,
  'domain.start': 300_000,
  'domain.delete': 120_000,
  'domain.migrate': 7_200_000,
};

/** The time limit of one action: its kind's, plus its shutdown timeout when it has one. */
export function actionTimeoutMs(action: Action): number {
  const params = action.params as { timeoutSeconds?: number };
  return ACTION_TIMEOUT_MS[action.kind] + Math.max(0, params.timeoutSeconds ?? 0) * 1000;
}

/** Runs `action` with its kind's executor. */
export function runActionExecutor(action: Action, ctx: ActionContext): Promise<ActionOutcome> {
  const executor = ACTION_EXECUTORS[action.kind] as ActionExecutor<ActionKind>;
  return executor(action.params as never, ctx);
}
