/** Failures of writing and reading the status branch and notes. */
import { GitvirtError } from '../errors/gitvirt-error.js';

/** Fetching or pushing the status branch or the notes ref failed (network, auth, server refusal). */
export class StatusWriteFailedError extends GitvirtError<'StatusWriteFailed', { ref: string; url: string; reason: string }> {
  constructor(data: { ref: string; url: string; reason: string }, cause?: unknown) {
    super('StatusWriteFailed', `failed to write ${data.ref} to ${data.url}: ${data.reason}`, data, { cause });
  }
}

/** The remote ref kept moving: every attempt to push on top of it lost the race. */
export class StatusPushConflictError extends GitvirtError<'StatusPushConflict', { ref: string; url: string; attempts: number }> {
  constructor(data: { ref: string; url: string; attempts: number }) {
    super('StatusPushConflict', `failed to push ${data.ref} to ${data.url}: the remote moved on each of ${data.attempts} attempts`, data);
  }
}

/** The status branch (or the repository holding it) could not be read. */
export class StatusReadFailedError extends GitvirtError<'StatusReadFailed', { repo: string; ref: string; reason: string }> {
  constructor(data: { repo: string; ref: string; reason: string }, cause?: unknown) {
    super('StatusReadFailed', `failed to read ${data.ref} from ${data.repo}: ${data.reason}`, data, { cause, userError: true });
  }
}
