import { GitvirtError } from '../errors/gitvirt-error.js';

/** Why a fetch failed. */
export type FetchFailureReason = 'auth' | 'not-found' | 'unreachable' | 'timeout' | 'http' | 'protocol' | 'aborted' | 'unknown';

/** Human explanation per reason, with what to check. */
const FETCH_FAILURE_TEXT: Record<FetchFailureReason, string> = {
  auth: 'authentication failed; check the credentials (token or password file) and their access to the repository',
  'not-found': 'the repository does not exist or the credentials cannot see it',
  unreachable: 'the remote is unreachable; check the URL, DNS and the network',
  timeout: 'the remote did not answer in time',
  http: 'the remote answered with an HTTP error',
  protocol: 'the remote does not speak the git smart HTTP protocol; check the URL',
  aborted: 'the sync was aborted',
  unknown: 'unexpected error',
};

/** Data of a failed fetch: the URL without credentials, the reason, and a short detail. */
export interface SourceFetchFailedData {
  url: string;
  reason: FetchFailureReason;
  detail?: string;
  status?: number;
}

/** Cloning or fetching the source repository failed (unreachable remote, auth failure, ...). */
export class SourceFetchFailedError extends GitvirtError<'SourceFetchFailed', SourceFetchFailedData> {
  constructor(data: SourceFetchFailedData, options: { cause?: unknown } = {}) {
    const status = data.status === undefined ? '' : ` (HTTP ${data.status})`;
    const detail = data.detail === undefined || data.detail === '' ? '' : `: ${data.detail}`;
    super('SourceFetchFailed', `failed to fetch ${data.url}: ${FETCH_FAILURE_TEXT[data.reason]}${status}${detail}`, data, {
      ...options,
      userError: data.reason === 'auth' || data.reason === 'not-found',
    });
  }
}

/** The followed branch or tag does not exist on the remote, or the pinned commit is not reachable from it. */
export class RefNotFoundError extends GitvirtError<'RefNotFound', { url: string; ref: string }> {
  constructor(data: { url: string; ref: string }) {
    super('RefNotFound', `failed to find ${data.ref} in ${data.url}: no such ref on the remote`, data, { userError: true });
  }
}

/** The source configuration is unusable (credentials in the URL, an unsupported scheme, a bad ref name, ...). */
export class InvalidSourceConfigError extends GitvirtError<'InvalidSourceConfig', { field: string; reason: string }> {
  constructor(data: { field: string; reason: string }) {
    super('InvalidSourceConfig', `failed to configure the source: ${data.field}: ${data.reason}`, data, { userError: true });
  }
}

/** The fetched object is not what the source expected (e.g. a tag pointing at a tree, a corrupt checkout). */
export class SourceCheckoutFailedError extends GitvirtError<'SourceCheckoutFailed', { revision: string; reason: string }> {
  constructor(data: { revision: string; reason: string }, options: { cause?: unknown } = {}) {
    super('SourceCheckoutFailed', `failed to check out ${data.revision}: ${data.reason}`, data, options);
  }
}

/** A local source directory could not be read. */
export class SourceReadFailedError extends GitvirtError<'SourceReadFailed', { dir: string; reason: string }> {
  constructor(data: { dir: string; reason: string }, options: { cause?: unknown } = {}) {
    super('SourceReadFailed', `failed to read ${data.dir}: ${data.reason}`, data, { ...options, userError: true });
  }
}

/** Why a commit's signature was refused (see ssh-signature.ts). */
const SIGNATURE_PROBLEM_TEXT: Record<string, string> = {
  unsigned: 'the commit is not signed',
  'not-ssh': 'the commit carries an OpenPGP signature; only SSH signatures can be verified',
  malformed: 'the signature is malformed',
  'wrong-namespace': 'the signature was not made for git (wrong namespace)',
  'untrusted-key': 'the commit is signed by a key that is not in requireSignedBy',
  'unsupported-algorithm': 'the signature uses an unsupported algorithm',
  'bad-signature': 'the signature does not match the commit',
};

/** Signatures are required and the followed commit has no valid signature by a trusted key; it is not checked out. */
export class UntrustedCommitError extends GitvirtError<'UntrustedCommit', { url: string; revision: string; problem: string }> {
  constructor(data: { url: string; revision: string; problem: string }) {
    const text = SIGNATURE_PROBLEM_TEXT[data.problem] ?? data.problem;
    super('UntrustedCommit', `failed to verify commit ${data.revision} of ${data.url}: ${text}; the last good revision is kept`, data, { userError: true });
  }
}
