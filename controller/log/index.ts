/**
 * Log: JSON lines, one per event (`{"time","level","msg","revision","host",...}`), with redaction of
 * fields named like passwords, tokens, secrets and keys and of credentials inside URLs.
 */
export { createLogger, silentLogger, type CreateLoggerArgs, type LogFields, type Logger } from './create-logger.js';
export { redact, REDACTED, SECRET_KEY } from './redact.js';
