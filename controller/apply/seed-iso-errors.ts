/** Errors of the seed ISO writer. */
import { GitvirtError } from '../errors/gitvirt-error.js';

/** What was wrong with the input of a seed ISO. */
export interface SeedIsoInputData {
  /** Which input was refused. */
  field: 'fileName' | 'volumeId' | 'size';
  /** The refused value (a file name or volume id; never file content). */
  value: string;
}

/** The files or options given to `buildSeedIso` cannot be written into an ISO 9660 image. */
export class SeedIsoInputError extends GitvirtError<'SeedIsoInvalidInput', SeedIsoInputData> {
  constructor(data: SeedIsoInputData, cause: string) {
    super('SeedIsoInvalidInput', `failed to build seed ISO: ${cause}`, data);
  }
}
