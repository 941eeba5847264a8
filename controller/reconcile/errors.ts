import { GitvirtError } from '../errors/gitvirt-error.js';

/** A host was not observed because the reconcile was aborted first. */
export class ObserveAbortedError extends GitvirtError<'ObserveAborted', { host: string }> {
  constructor(data: { host: string }) {
    super('ObserveAborted', `failed to observe ${data.host}: aborted before it was read`, data);
  }
}

/** Apply asked for a host that this reconcile does not know. */
export class UnknownHostError extends GitvirtError<'UnknownHost', { host: string }> {
  constructor(data: { host: string }) {
    super('UnknownHost', `failed to open host ${data.host}: no Host of that name in this reconcile`, data);
  }
}
