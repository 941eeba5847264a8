import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import { fingerprint } from './host-key.js';
import type { SshCredentials } from './ssh-connect.js';
import { InvalidTransportConfigError } from './transport-errors.js';

/** Where the controller's SSH credentials come from. */
export interface SshCredentialSource {
  /** Private key contents (PEM or OpenSSH format). */
  privateKey?: Buffer | string;
  /** Path of a private key file, read on first use. */
  privateKeyPath?: string;
  passphrase?: string;
  /** Path of an ssh-agent socket. */
  agent?: string;
}

/** Reads and checks the credentials once; errors never include key material. */
export async function loadSshCredentials(source: SshCredentialSource): Promise<SshCredentials> {
  if (source.privateKey === undefined && source.privateKeyPath === undefined && source.agent === undefined) {
    throw new InvalidTransportConfigError({ reason: 'no credentials: give a private key, a private key path or an agent socket' });
  }
  let key: Buffer | undefined;
  if (source.privateKey !== undefined) key = Buffer.from(source.privateKey);
  else if (source.privateKeyPath !== undefined) {
    try {
      key = await readFile(source.privateKeyPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new InvalidTransportConfigError({ reason: `cannot read private key file ${source.privateKeyPath} (${code})` });
    }
  }
  const credentials: SshCredentials = {};
  if (key !== undefined) {
    const parsed = ssh2.utils.parseKey(key, source.passphrase);
    const first = Array.isArray(parsed) ? (parsed[0] as ssh2.ParsedKey | undefined) : parsed;
    if (first === undefined || first instanceof Error || !first.isPrivateKey()) {
      const where = source.privateKeyPath === undefined ? 'the private key' : `the private key in ${source.privateKeyPath}`;
      throw new InvalidTransportConfigError({ reason: `${where} cannot be decoded (not a private key, or a wrong or missing passphrase)` });
    }
    credentials.privateKey = key;
    credentials.keyFingerprint = fingerprint(first.getPublicSSH());
    if (source.passphrase !== undefined) credentials.passphrase = source.passphrase;
  }
  if (source.agent !== undefined) credentials.agent = source.agent;
  return credentials;
}
