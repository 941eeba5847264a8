import { assertOwned, unchanged, type ActionExecutor } from './action-context.js';
import { domainState, startDomain, STOP_WORDS, stopDomain } from './domain-power.js';
import { parseDomainXml } from './parse-domain.js';
import { readDomain } from './read-objects.js';
import { withUuid } from './with-uuid.js';

/** How long start waits for a domain caught in shutdown to finish before forcing it off. */
export const IN_SHUTDOWN_WAIT_SECONDS = 60;

/**
 * `domain.define`: defines a new domain, or redefines one gitvirt owns (checked right before)
 * whose persistent definition differs from the wanted one. XML travels on stdin.
 * created | configured | unchanged.
 */
export const defineDomain: ActionExecutor<'domain.define'> = async ({ name, xml }, ctx) => {
  const live = await readDomain(ctx.cmd, name);
  if (live.exists) {
    assertOwned(ctx, 'domain', name, live.owner);
    if (JSON.stringify(live.inactive) === JSON.stringify(parseDomainXml(xml))) return unchanged('persistent definition is as wanted');
  }
  await ctx.cmd.virshWithInput(['define', '/dev/stdin'], live.exists ? withUuid(xml, live.uuid) : xml, { operation: 'define', kind: 'domain', name });
  if (!live.exists) return { result: 'created', message: 'defined' };
  return { result: 'configured', message: live.state === 'shutoff' ? 'redefined' : 'redefined; the running domain takes the new definition at its next restart' };
};

/** `domain.start`: starts (resumes, wakes) a domain that is not running. configured | unchanged. */
export const startDomainAction: ActionExecutor<'domain.start'> = async ({ name }, ctx) => {
  const state = (await domainState(ctx, name)) ?? 'shutoff'; // a missing domain fails in `virsh start` with libvirt's words
  if (state === 'shutdown') await stopDomain(ctx, name, IN_SHUTDOWN_WAIT_SECONDS, state);
  const started = await startDomain(ctx, name, state === 'shutdown' ? 'shutoff' : state);
  return started ? { result: 'configured', message: `started (was ${state})` } : unchanged('domain is running');
};

/** `domain.stop`: graceful shutdown, forced off after the timeout. configured | unchanged (off or missing). */
export const stopDomainAction: ActionExecutor<'domain.stop'> = async ({ name, timeoutSeconds }, ctx) => {
  const state = await domainState(ctx, name);
  if (state === null) return unchanged('domain does not exist');
  const stopped = await stopDomain(ctx, name, timeoutSeconds, state);
  return stopped === 'already-off' ? unchanged('domain is shut off') : { result: 'configured', message: STOP_WORDS[stopped] };
};

/** `domain.restart`: stop as domain.stop, then start. configured. */
export const restartDomain: ActionExecutor<'domain.restart'> = async ({ name, timeoutSeconds }, ctx) => {
  const state = (await domainState(ctx, name)) ?? 'shutoff';
  const stopped = await stopDomain(ctx, name, timeoutSeconds, state);
  await startDomain(ctx, name, 'shutoff');
  return { result: 'configured', message: `${STOP_WORDS[stopped]}, started` };
};

/** What `undefine` also removes: the domain's NVRAM, managed save image, and snapshot and checkpoint metadata (disks stay). */
export const UNDEFINE_FLAGS: readonly string[] = ['--nvram', '--managed-save', '--snapshots-metadata', '--checkpoints-metadata'];

/**
 * `domain.delete`: after checking, right before, that gitvirt owns it: stop as domain.stop, then
 * undefine (UNDEFINE_FLAGS); disks stay. deleted | unchanged (missing).
 */
export const deleteDomain: ActionExecutor<'domain.delete'> = async ({ name, timeoutSeconds }, ctx) => {
  const live = await readDomain(ctx.cmd, name);
  if (!live.exists) return unchanged('domain does not exist');
  assertOwned(ctx, 'domain', name, live.owner);
  const stopped = await stopDomain(ctx, name, timeoutSeconds, live.state);
  await ctx.cmd.virsh(['undefine', ...UNDEFINE_FLAGS, '--', name], { operation: 'undefine', kind: 'domain', name });
  return { result: 'deleted', message: `${STOP_WORDS[stopped]}, undefined; its disks are kept` };
};
