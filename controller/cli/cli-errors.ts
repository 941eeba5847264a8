import { stat } from 'node:fs/promises';
import { GitvirtError } from '../errors/index.js';

/** The directory given to a command does not exist or is not a directory. */
export class DirectoryNotFound extends GitvirtError<'DirectoryNotFound', { dir: string }> {
  constructor(dir: string, cause?: unknown) {
    super('DirectoryNotFound', `failed to read directory ${dir}: not found or not a directory`, { dir }, { cause, userError: true });
  }
}

/** A report or schema file could not be written. */
export class OutputWriteFailed extends GitvirtError<'OutputWriteFailed', { file: string }> {
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('OutputWriteFailed', `failed to write ${file}: ${reason}`, { file }, { cause, userError: true });
  }
}

/** Fails with a user error (DirectoryNotFound) unless `dir` is a directory. */
export async function requireDirectory(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (err) {
    throw new DirectoryNotFound(dir, err);
  }
  throw new DirectoryNotFound(dir);
}
