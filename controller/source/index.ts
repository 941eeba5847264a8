/**
 * Source: where the manifests come from. A git repository followed over HTTP(S) (branch, tag or
 * pinned commit; token or basic auth; the last good revision kept when a fetch fails), a local
 * directory watched for development, a webhook receiver for GitLab and GitHub push events, the
 * wait between cycles that a webhook or watcher cuts short, and optional SSH commit signature checks.
 */
export type { GitIdentity, SourceRef, SourceRevision } from './source-revision.js';
export { createGitSource, type GitSource, type GitSourceOptions } from './create-git-source.js';
export type { SourceAuth } from './fetch-target.js';
export type { SourceFs } from './materialize-commit.js';
export { checkRemoteUrl, displayUrl } from './remote-url.js';
export {
  InvalidSourceConfigError,
  RefNotFoundError,
  SourceCheckoutFailedError,
  SourceFetchFailedError,
  SourceReadFailedError,
  UntrustedCommitError,
  type FetchFailureReason,
  type SourceFetchFailedData,
} from './errors.js';
export {
  createWebhookHandler,
  DEFAULT_WEBHOOK_BODY_LIMIT,
  WEBHOOK_STATUS,
  type WebhookEvent,
  type WebhookHandlerOptions,
  type WebhookResult,
} from './create-webhook-handler.js';
export type { PushEvent } from './push-event.js';
export type { WebhookProvider } from './webhook-auth.js';
export { createTokenBucket, type TokenBucket } from './token-bucket.js';
export { createLocalSource, DEFAULT_DEBOUNCE_MS, type LocalSource, type WatchOptions } from './create-local-source.js';
export { manifestHash } from './manifest-hash.js';
export { createTrigger, waitForTrigger, type Trigger, type WakeReason } from './trigger.js';
export { pollSource, type PollSourceArgs, type Syncable } from './poll-source.js';
export { parseSshPublicKey, type SshPublicKey } from './ssh-public-key.js';
export { checkSshSignature, type SignatureCheck, type SignatureProblem } from './ssh-signature.js';
