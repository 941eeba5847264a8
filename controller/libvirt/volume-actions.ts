import { assertOwned, unchanged, type ActionExecutor } from './action-context.js';
import { refreshPool } from './pool-actions.js';
import { LibvirtCommandError, VolumeOutsidePoolError, VolumeShrinkRefusedError } from './host-client-errors.js';
import { readDomain } from './read-objects.js';
import { partialPath } from './temp-path.js';
import { CREATE_VOLUME_SCRIPT, DELETE_VOLUME_SCRIPT } from './volume-scripts.js';

/**
 * `volume.create`: an overlay on (qcow2 backed by) or a copy of an image volume, or a blank volume;
 * grown to the capacity when that is larger than the image. Built in a temporary file and renamed,
 * so a volume that exists is complete. created | unchanged (exists).
 */
export const createVolume: ActionExecutor<'volume.create'> = async (params, { cmd }) => {
  const { from } = params;
  const mode = from?.mode ?? 'blank';
  if (from === undefined && params.capacityBytes <= 0) {
    throw new LibvirtCommandError('a blank volume needs a capacity greater than 0', {
      operation: 'create', kind: 'volume', name: params.volume, host: cmd.host, action: cmd.action, command: [],
    });
  }
  const args = [params.path, partialPath(params.path), mode, params.format, String(Math.max(0, Math.floor(params.capacityBytes))), from?.path ?? '', from?.format ?? ''];
  const result = await cmd.script(CREATE_VOLUME_SCRIPT, args, { operation: 'create', kind: 'volume', name: params.volume });
  if (result.stdout.trim() === 'present') return unchanged(`${params.path} exists`);
  await refreshPool(cmd, params.pool);
  return { result: 'created', message: mode === 'blank' ? `blank ${params.format} volume` : `${mode} of ${from?.path}` };
};

/**
 * `volume.resize`: grows a volume to the wanted capacity — `qemu-img resize` when no running domain
 * holds the file, else `virsh blockresize` on the owning domain. Never shrinks
 * (VolumeShrinkRefusedError). configured | unchanged.
 */
export const resizeVolume: ActionExecutor<'volume.resize'> = async (params, ctx) => {
  const { cmd } = ctx;
  const subject = { operation: 'resize', kind: 'volume', name: params.volume };
  const info = JSON.parse((await cmd.exec(['qemu-img', 'info', '-U', '--output=json', '--', params.path], subject)).stdout) as { 'virtual-size'?: number; format?: string };
  const current = info['virtual-size'] ?? 0;
  const wanted = Math.floor(params.capacityBytes);
  if (current === wanted) return unchanged(`${params.path} already holds ${wanted} bytes`);
  if (current > wanted) throw new VolumeShrinkRefusedError({ host: cmd.host, path: params.path, currentBytes: current, wantedBytes: wanted });
  const resized = await cmd.exec(['qemu-img', 'resize', '-q', '-f', info.format ?? 'qcow2', '--', params.path, String(wanted)], subject, { allowFailure: true });
  if (resized.code !== 0) {
    if (!/lock/i.test(resized.stderr)) throw new LibvirtCommandError(resized.stderr, { ...subject, host: cmd.host, action: cmd.action, command: ['qemu-img', 'resize', params.path, String(wanted)], exitCode: resized.code });
    const domain = ctx.action.owner.name;
    const live = await readDomain(cmd, domain);
    if (live.exists) assertOwned(ctx, 'domain', domain, live.owner);
    await cmd.virsh(['blockresize', '--', domain, params.path, `${wanted}B`], { operation: `resize disk ${params.path} of`, kind: 'domain', name: domain });
  }
  await refreshPool(cmd, params.pool);
  return { result: 'configured', message: `grown from ${current} to ${wanted} bytes` };
};

/**
 * `volume.delete`: removes a volume file only when its resolved path lies inside the gitvirt pool
 * directory (VolumeOutsidePoolError otherwise). deleted | unchanged (missing).
 */
export const deleteVolume: ActionExecutor<'volume.delete'> = async (params, { cmd, target }) => {
  const poolPath = target.storagePool.path;
  const result = await cmd.script(DELETE_VOLUME_SCRIPT, [params.path, poolPath], { operation: 'delete', kind: 'volume', name: params.volume });
  const [word = '', ...rest] = result.stdout.trim().split(' ');
  if (word === 'missing') return unchanged(`${params.path} does not exist`);
  if (word === 'outside') throw new VolumeOutsidePoolError({ host: cmd.host, action: 'volume.delete', path: params.path, resolved: rest.join(' '), poolPath });
  if (word === 'not-a-file') {
    throw new LibvirtCommandError(`${params.path} is not a regular file`, { operation: 'delete', kind: 'volume', name: params.volume, host: cmd.host, action: cmd.action, command: [] });
  }
  await refreshPool(cmd, params.pool);
  return { result: 'deleted', message: `removed ${params.path}` };
};
