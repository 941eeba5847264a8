import { readFile } from 'node:fs/promises';
import type { SourceAuth } from '../source/index.js';
import { SecretMissingError, SecretUnreadableError } from './config-errors.js';
import type { ControllerConfig } from './config-types.js';

/** Environment variables secrets may come from when the configuration names no file. */
export const SECRET_ENV = {
  gitToken: 'GITVIRT_GIT_TOKEN',
  gitUsername: 'GITVIRT_GIT_USERNAME',
  gitPassword: 'GITVIRT_GIT_PASSWORD',
  webhookSecret: 'GITVIRT_WEBHOOK_SECRET',
  sshPassphrase: 'GITVIRT_SSH_PASSPHRASE',
} as const;

/** The secrets of a configuration, read from their files or the environment; never logged. */
export interface ControllerSecrets {
  gitAuth?: SourceAuth;
  webhookSecret?: string;
  sshPassphrase?: string;
}

/** Capabilities of loadSecrets. */
export interface LoadSecretsArgs {
  config: ControllerConfig;
  env: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => Promise<string>;
}

/**
 * Reads every secret the configuration refers to: a `*File` field wins, else its environment
 * variable. Trailing newlines are dropped. A named file that is missing or empty is an error.
 */
export async function loadSecrets(args: LoadSecretsArgs): Promise<ControllerSecrets> {
  const read = args.readFile ?? ((path: string) => readFile(path, 'utf8'));
  const secret = async (field: string, file: string | undefined, env: string): Promise<string | undefined> => {
    if (file === undefined) {
      const value = args.env[env];
      return value === undefined || value === '' ? undefined : value;
    }
    let text: string;
    try {
      text = await read(file);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new SecretUnreadableError({ field, file, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable' }, { cause: err });
    }
    const value = text.replace(/[\r\n]+$/, '');
    if (value === '') throw new SecretUnreadableError({ field, file, reason: 'the file is empty' });
    return value;
  };
  const { config } = args;
  const secrets: ControllerSecrets = {};
  if (config.source.type === 'git') {
    const git = config.source;
    const token = await secret('source.git.tokenFile', git.tokenFile, SECRET_ENV.gitToken);
    const username = await secret('source.git.usernameFile', git.usernameFile, SECRET_ENV.gitUsername);
    const password = token === undefined ? await secret('source.git.passwordFile', git.passwordFile, SECRET_ENV.gitPassword) : undefined;
    if (token !== undefined || password !== undefined || username !== undefined) {
      secrets.gitAuth = {
        ...(username === undefined ? {} : { username }),
        ...(token === undefined ? {} : { token }),
        ...(password === undefined ? {} : { password }),
      };
    }
  }
  if (config.webhook !== undefined) {
    const value = await secret('webhook.secretFile', config.webhook.secretFile, SECRET_ENV.webhookSecret);
    if (value === undefined) throw new SecretMissingError({ field: 'webhook.secretFile', env: SECRET_ENV.webhookSecret });
    if (value.length < 8) throw new SecretUnreadableError({ field: 'webhook.secretFile', file: config.webhook.secretFile ?? `$${SECRET_ENV.webhookSecret}`, reason: 'the secret must be at least 8 characters' });
    secrets.webhookSecret = value;
  }
  if (config.ssh.identityFile !== undefined) {
    const passphrase = await secret('ssh.passphraseFile', config.ssh.passphraseFile, SECRET_ENV.sshPassphrase);
    if (passphrase !== undefined) secrets.sshPassphrase = passphrase;
  }
  return secrets;
}
