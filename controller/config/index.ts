/**
 * Config: the YAML configuration of `gitvirt run` — its typed shape and defaults, `validateConfig`
 * (pure: `{ config, warnings } | { errors }` with `path: message` errors; inline secrets refused),
 * `readConfig` (read + validate), and `loadSecrets` (secret files or environment, read at start).
 */
export type { ControllerConfig, GitSourceConfig, ListenAddress, LocalSourceConfig, LogLevel } from './config-types.js';
export { validateConfig, LOG_LEVELS, type ConfigResult, type ValidateConfigOptions } from './validate-config.js';
export { readConfig } from './read-config.js';
export { loadSecrets, SECRET_ENV, type ControllerSecrets, type LoadSecretsArgs } from './load-secrets.js';
export { CONFIG_DEFAULTS, DEFAULT_LISTEN, MIN_INTERVAL_MS } from './config-defaults.js';
export { parseDuration, formatDuration } from './duration.js';
export { ConfigInvalidError, SecretMissingError, SecretUnreadableError } from './config-errors.js';
