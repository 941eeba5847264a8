/** The typed configuration of `gitvirt run`, after validation and defaults. */
import type { SafetyPolicy } from '../plan/index.js';
import type { SourceRef } from '../source/index.js';

/** Log levels, least severe first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A git repository followed over HTTP(S); credentials only as file paths (or the environment). */
export interface GitSourceConfig {
  type: 'git';
  url: string;
  ref: SourceRef;
  /** File holding an access token (sent as the HTTP basic-auth password). */
  tokenFile?: string;
  usernameFile?: string;
  passwordFile?: string;
  /** Trusted SSH public keys; when set, the followed commit must carry a valid SSH signature by one. */
  requireSignedBy?: string[];
}

/** A local directory of manifests, read in place (development, or a checkout managed by something else). */
export interface LocalSourceConfig {
  type: 'local';
  dir: string;
  /** Start a cycle when files change. */
  watch: boolean;
}

/** Where `/metrics`, `/healthz`, `/readyz` and `/webhook` are served. */
export interface ListenAddress {
  host: string;
  port: number;
}

/** The controller's configuration: every path absolute, every duration in milliseconds. */
export interface ControllerConfig {
  source: GitSourceConfig | LocalSourceConfig;
  /** Time between cycles when nothing triggers one. */
  intervalMs: number;
  /** Push webhooks (GitLab, GitHub); the secret is read from `secretFile` or $GITVIRT_WEBHOOK_SECRET. */
  webhook?: { secretFile?: string };
  /** SSH credentials for the hosts: a private key file (with an optional passphrase file) and/or an agent socket. */
  ssh: { identityFile?: string; passphraseFile?: string; agentSocket?: string };
  /** Repository the status branch and notes are pushed to; default: the source repository. */
  statusRepo?: string;
  statusBranch: string;
  safety: SafetyPolicy;
  /** Most hosts observed or changed at once. */
  concurrency: number;
  /** Metrics and health endpoint; null turns the HTTP server off. */
  listen: ListenAddress | null;
  log: { level: LogLevel };
  /** Directory for the source cache and other state that survives restarts. */
  stateDir: string;
}
