import { GitvirtError } from '../errors/gitvirt-error.js';
import type { ActionKind } from '../types/plan.js';
import { explainLibvirtError, type LibvirtErrorContext, type LibvirtErrorExplanation } from './errors.js';

/** What failed, for LibvirtCommandError. */
export interface LibvirtCommandContext extends LibvirtErrorContext {
  host: string;
  /** Action kind being run, or `observe`. */
  action: ActionKind | 'observe';
  /** The command's argv (never holds a secret; XML travels on stdin or in files). */
  command: readonly string[];
  /** Exit code of the command. */
  exitCode?: number;
}

/** Data of LibvirtCommandError: the context, libvirt's original text, and the explanation. */
export interface LibvirtCommandErrorData extends Omit<LibvirtCommandContext, 'command'> {
  command: string[];
  stderr: string;
  explanation: Omit<LibvirtErrorExplanation, 'message'>;
}

/** A virsh (or qemu-img, curl, ...) command on a host failed; the message explains it, `data.stderr` keeps the original text. */
export class LibvirtCommandError extends GitvirtError<'LibvirtCommandFailed', LibvirtCommandErrorData> {
  constructor(stderr: string, context: LibvirtCommandContext, options: { cause?: unknown } = {}) {
    const { message, ...explanation } = explainLibvirtError(stderr, context);
    super('LibvirtCommandFailed', message, { ...context, command: [...context.command], stderr, explanation }, options);
  }
}

/** Which libvirt object a refusal concerns. */
export interface ObjectRef { host: string; action: ActionKind; object: 'domain' | 'network' | 'volume' | 'pool' | 'image'; name: string }

/** An action would change or remove a libvirt object that carries no gitvirt owner metadata. */
export class ObjectNotOwnedError extends GitvirtError<'ObjectNotOwned', ObjectRef> {
  constructor(data: ObjectRef) {
    super('ObjectNotOwned', `failed to ${verb(data.action)} ${data.name} on host ${data.host}: it has no gitvirt owner metadata, so gitvirt did not create it and never changes it (rename the resource, or remove the object by hand)`, data);
  }
}

/** A downloaded image does not have the sha256 its Image declares. */
export class ImageChecksumMismatchError extends GitvirtError<'ImageChecksumMismatch', { host: string; image: string; url: string; expected: string; actual: string }> {
  constructor(data: { host: string; image: string; url: string; expected: string; actual: string }) {
    super('ImageChecksumMismatch', `failed to fetch image ${data.image} on host ${data.host}: sha256 of ${data.url} is ${data.actual}, expected ${data.expected} (the download was removed; fix spec.source.sha256 or the file at the URL)`, data, { userError: true });
  }
}

/** Neither curl nor wget exists on the host. */
export class HostToolMissingError extends GitvirtError<'HostToolMissing', { host: string; action: ActionKind; tools: string[] }> {
  constructor(data: { host: string; action: ActionKind; tools: string[] }) {
    super('HostToolMissing', `failed to ${verb(data.action)} on host ${data.host}: none of ${data.tools.join(', ')} is installed (install one of them on the host)`, data);
  }
}

/** A volume path that is not inside the gitvirt pool directory. */
export class VolumeOutsidePoolError extends GitvirtError<'VolumeOutsidePool', { host: string; action: ActionKind; path: string; resolved: string; poolPath: string }> {
  constructor(data: { host: string; action: ActionKind; path: string; resolved: string; poolPath: string }) {
    super('VolumeOutsidePool', `failed to ${verb(data.action)} ${data.path} on host ${data.host}: it resolves to ${data.resolved}, outside the gitvirt pool ${data.poolPath}; gitvirt only removes files inside its pool`, data);
  }
}

/** A volume would have to shrink, which loses data. */
export class VolumeShrinkRefusedError extends GitvirtError<'VolumeShrinkRefused', { host: string; path: string; currentBytes: number; wantedBytes: number }> {
  constructor(data: { host: string; path: string; currentBytes: number; wantedBytes: number }) {
    super('VolumeShrinkRefused', `failed to resize volume ${data.path} on host ${data.host}: it holds ${data.currentBytes} bytes and shrinking to ${data.wantedBytes} would lose data (raise sizeGiB, or recreate the disk)`, data, { userError: true });
  }
}

/** An action did not finish within its time limit. */
export class ActionTimeoutError extends GitvirtError<'ActionTimedOut', { host: string; action: ActionKind; timeoutMs: number }> {
  constructor(data: { host: string; action: ActionKind; timeoutMs: number }) {
    super('ActionTimedOut', `failed to ${verb(data.action)} on host ${data.host}: not done after ${Math.round(data.timeoutMs / 1000)} s`, data);
  }
}

/** The observe script's output is not what it prints (cut short, or not from this script). */
export class ObserveOutputInvalidError extends GitvirtError<'ObserveOutputInvalid', { reason: string }> {
  constructor(data: { reason: string }) {
    super('ObserveOutputInvalid', `failed to read observe output: ${data.reason}`, data);
  }
}

/** `domain.define` → `define domain`: words for messages. */
function verb(action: ActionKind): string {
  const [object, operation] = action.split('.') as [string, string];
  return `${operation.replace(/-/g, ' ')} ${object}`;
}
