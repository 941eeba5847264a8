import { GitvirtError } from '../errors/gitvirt-error.js';

/** A pool file call named a path outside the host's gitvirt pool directory. */
export class PoolPathRefusedError extends GitvirtError<'PoolPathRefused', { host: string; path: string; poolPath: string }> {
  constructor(data: { host: string; path: string; poolPath: string }) {
    super('PoolPathRefused', `failed to access ${data.path} on host ${data.host}: only files directly in the gitvirt pool directory ${data.poolPath} may be copied`, data);
  }
}

/** `domain.migrate` was given to one host's client; a migration needs the clients of both hosts (apply runs it). */
export class MigrationNeedsBothHostsError extends GitvirtError<'MigrationNeedsBothHosts', { host: string; vm: string; from: string }> {
  constructor(data: { host: string; vm: string; from: string }) {
    super('MigrationNeedsBothHosts', `failed to migrate ${data.vm} from ${data.from} to ${data.host}: a migration runs through apply, which holds the clients of both hosts`, data);
  }
}
