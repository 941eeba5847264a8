import type { ActionOutcome } from '../types/host-client.js';
import { assertOwned, unchanged, type ActionContext, type ActionExecutor } from './action-context.js';
import type { DomainModel } from './domain-model.js';
import { IOTUNE_FIELDS, normaliseIoTune } from './iotune.js';
import { missingError, readDomain, type DomainSnapshot } from './read-objects.js';

/** An owned domain read right before a setting changes: its persistent and (when on) live models. */
async function readOwned(ctx: ActionContext, name: string, operation: string): Promise<Extract<DomainSnapshot, { exists: true }>> {
  const live = await readDomain(ctx.cmd, name);
  if (!live.exists) throw missingError(ctx.cmd, live, operation);
  assertOwned(ctx, 'domain', name, live.owner);
  return live;
}

/**
 * Applies a setting to the persistent definition and, when the domain is on, to the running one,
 * unless both already hold it. `has` tells whether a model holds the wanted value.
 */
async function applySetting(
  ctx: ActionContext, name: string, operation: string, what: string,
  has: (model: DomainModel) => boolean, run: (flags: string[]) => Promise<unknown>,
): Promise<ActionOutcome> {
  const domain = await readOwned(ctx, name, operation);
  const configOk = has(domain.inactive);
  const liveOk = domain.live === undefined || has(domain.live);
  if (configOk && liveOk) return unchanged(`already set: ${what}`);
  const flags = domain.live === undefined ? ['--config'] : ['--live', '--config'];
  await run(flags);
  return { result: 'configured', message: `set ${domain.live === undefined ? 'in the definition' : 'live and in the definition'}: ${what}` };
}

/** `domain.set-memory`: `setmem` live (when on) and in the definition. configured | unchanged. */
export const setDomainMemory: ActionExecutor<'domain.set-memory'> = ({ name, memoryMiB }, ctx) =>
  applySetting(ctx, name, 'set memory of', `memory ${memoryMiB} MiB`, (m) => m.memoryMiB === memoryMiB,
    (flags) => ctx.cmd.virsh(['setmem', ...flags, '--', name, `${memoryMiB}MiB`], { operation: 'set memory of', kind: 'domain', name }));

/** `domain.set-cpu-shares`: `schedinfo --set cpu_shares=N` live (when on) and in the definition. configured | unchanged. */
export const setDomainCpuShares: ActionExecutor<'domain.set-cpu-shares'> = ({ name, shares }, ctx) =>
  applySetting(ctx, name, 'set CPU shares of', `cpu shares ${shares}`, (m) => m.cpuShares === shares,
    (flags) => ctx.cmd.virsh(['schedinfo', ...flags, '--set', `cpu_shares=${shares}`, '--', name], { operation: 'set CPU shares of', kind: 'domain', name }));

/** `domain.set-iotune`: `blkdeviotune` of one disk, every managed limit (0 = none), live (when on) and in the definition. configured | unchanged. */
export const setDomainIoTune: ActionExecutor<'domain.set-iotune'> = ({ name, target, iotune }, ctx) => {
  const wanted = JSON.stringify(normaliseIoTune(iotune));
  const options = IOTUNE_FIELDS.flatMap(([key, element]) => [`--${element.replace(/_/g, '-')}`, String(Math.max(0, Math.floor(iotune[key] ?? 0)))]);
  return applySetting(ctx, name, `set I/O limits of disk ${target} of`, `I/O limits of ${target}`,
    (m) => JSON.stringify(normaliseIoTune(m.disks.find((d) => d.target === target)?.iotune)) === wanted,
    (flags) => ctx.cmd.virsh(['blkdeviotune', ...flags, ...options, '--', name, target], { operation: `set I/O limits of disk ${target} of`, kind: 'domain', name }));
};

/** `domain.set-autostart`: `autostart [--disable]`. configured | unchanged. */
export const setDomainAutostart: ActionExecutor<'domain.set-autostart'> = async ({ name, enabled }, ctx) => {
  const domain = await readOwned(ctx, name, 'set autostart of');
  if (domain.autostart === enabled) return unchanged(`autostart is already ${enabled ? 'on' : 'off'}`);
  await ctx.cmd.virsh(['autostart', ...(enabled ? [] : ['--disable']), '--', name], { operation: 'set autostart of', kind: 'domain', name });
  return { result: 'configured', message: `autostart ${enabled ? 'on' : 'off'}` };
};
