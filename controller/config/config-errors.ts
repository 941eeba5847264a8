import { GitvirtError } from '../errors/gitvirt-error.js';

/** The configuration file could not be read or is not valid; `errors` are `path: message` lines. */
export class ConfigInvalidError extends GitvirtError<'ConfigInvalid', { file: string; errors: string[] }> {
  constructor(data: { file: string; errors: string[] }, options: { cause?: unknown } = {}) {
    const shown = data.errors.slice(0, 20).map((e) => `\n  ${e}`).join('');
    const more = data.errors.length > 20 ? `\n  ... and ${data.errors.length - 20} more` : '';
    super('ConfigInvalid', `failed to load configuration ${data.file}: ${data.errors.length} problem${data.errors.length === 1 ? '' : 's'}${shown}${more}`, data, {
      ...options, userError: true,
    });
  }
}

/** A secret file named by the configuration could not be read, or is empty. */
export class SecretUnreadableError extends GitvirtError<'SecretUnreadable', { field: string; file: string; reason: string }> {
  constructor(data: { field: string; file: string; reason: string }, options: { cause?: unknown } = {}) {
    super('SecretUnreadable', `failed to read ${data.field} ${data.file}: ${data.reason}`, data, { ...options, userError: true });
  }
}

/** A secret the configuration needs was given neither as a file nor in the environment. */
export class SecretMissingError extends GitvirtError<'SecretMissing', { field: string; env: string }> {
  constructor(data: { field: string; env: string }) {
    super('SecretMissing', `failed to find ${data.field}: set ${data.field} to a file holding it, or the environment variable ${data.env}`, data, { userError: true });
  }
}
