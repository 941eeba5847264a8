import { GitvirtError } from '../errors/gitvirt-error.js';

/** Why a migration could not run. Closed set. */
export type MigrationRefusal =
  /** A host's client has no pool file access (its connection cannot carry binary data). */
  | 'no-file-access'
  /** The VM runs on both hosts at once; gitvirt does not pick one. */
  | 'running-twice'
  /** A domain of that name on the target was not created by gitvirt. */
  | 'target-not-owned'
  /** The copy on the target does not match the source after the transfer. */
  | 'copy-mismatch';

/** Data of MigrationFailedError. */
export interface MigrationFailedData {
  vm: string;
  from: string;
  to: string;
  refusal: MigrationRefusal;
  detail: string;
}

/** A cold migration stopped before it could finish; the VM stays on (or is started again on) its source. */
export class MigrationFailedError extends GitvirtError<'MigrationFailed', MigrationFailedData> {
  constructor(data: MigrationFailedData) {
    super('MigrationFailed', `failed to migrate ${data.vm} from ${data.from} to ${data.to}: ${data.detail}`, data);
  }
}
