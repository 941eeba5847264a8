import type { ActionOutcome } from '../types/host-client.js';
import { unchanged, type ActionExecutor } from './action-context.js';
import type { HostCommands } from './host-commands.js';
import { readPool } from './read-objects.js';

/**
 * `pool.ensure`: creates the pool directory, defines the pool when missing, starts it when inactive
 * and turns autostart on. created | configured | unchanged.
 */
export const ensurePool: ActionExecutor<'pool.ensure'> = async ({ pool, xml }, { cmd }) => {
  const subject = { kind: 'storage pool', name: pool.name };
  await cmd.exec(['mkdir', '-p', '--', pool.path], { ...subject, operation: 'create the directory of' });
  let live = await readPool(cmd, pool.name);
  const done: string[] = [];
  if (!live.exists) {
    await cmd.virshWithInput(['pool-define', '/dev/stdin'], xml, { ...subject, operation: 'define' });
    done.push('defined');
    live = await readPool(cmd, pool.name);
    if (!live.exists) return { result: 'created', message: 'defined' };
  }
  if (!live.active) {
    await cmd.virsh(['pool-start', '--', pool.name], { ...subject, operation: 'start' });
    done.push('started');
  }
  if (!live.autostart) {
    await cmd.virsh(['pool-autostart', '--', pool.name], { ...subject, operation: 'set autostart of' });
    done.push('autostart on');
  }
  if (done.length === 0) return unchanged('pool is defined, active and autostarted');
  const outcome: ActionOutcome = { result: done[0] === 'defined' ? 'created' : 'configured', message: done.join(', ') };
  return outcome;
};

/** Makes libvirt re-read a pool's directory, so volumes written beside it are seen. */
export async function refreshPool(cmd: HostCommands, pool: string): Promise<void> {
  await cmd.virsh(['pool-refresh', '--', pool], { operation: 'refresh', kind: 'storage pool', name: pool });
}
