import { GitvirtError } from '../errors/index.js';

/** Bad command-line syntax: unknown command or flag, missing or bad value. Exit code 2. */
export class CliUsageError extends GitvirtError<'CliUsageError', { command?: string }> {
  constructor(message: string, data: { command?: string } = {}) {
    super('CliUsageError', message, data, { userError: true });
  }
}
