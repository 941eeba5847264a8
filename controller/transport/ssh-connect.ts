import { Client } from 'ssh2';
import type { AuthenticationType, ConnectConfig } from 'ssh2';
import type { TransportTarget } from './transport.js';
import { fingerprint, hostKeyAlgorithms, hostKeyMatches, keyBlobType, parseHostKeyPin } from './host-key.js';
import {
  AuthenticationFailedError,
  ConnectAbortedError,
  HostKeyMismatchError,
  HostUnreachableError,
  SshConnectionFailedError,
  type EndpointData,
  type UnreachableReason,
} from './transport-errors.js';

/** The credentials a connection offers, in this order: private key, then agent. */
export interface SshCredentials {
  privateKey?: Buffer;
  passphrase?: string;
  /** Public fingerprint of `privateKey`, for error messages. */
  keyFingerprint?: string;
  /** Path of an ssh-agent socket. */
  agent?: string;
}

/** Everything needed to open one authenticated SSH connection. */
export interface OpenSshClientInput {
  target: TransportTarget;
  credentials: SshCredentials;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax?: number;
  signal?: AbortSignal;
}

/** Socket error codes → why the host is unreachable. */
const SOCKET_REASONS: Record<string, UnreachableReason> = {
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
};

type Ssh2Error = Error & { level?: string; code?: string };

/** Opens an SSH connection that authenticates with the credentials and accepts only the pinned host key. */
export function openSshClient(input: OpenSshClientInput): Promise<Client> {
  const { target, credentials, signal } = input;
  const endpoint: EndpointData = { host: target.name, address: target.address, port: target.port };
  const pin = parseHostKeyPin(target.hostKey, target.name);
  if (signal?.aborted) return Promise.reject(new ConnectAbortedError(endpoint));

  const methods: AuthenticationType[] = [];
  if (credentials.privateKey !== undefined) methods.push('publickey');
  if (credentials.agent !== undefined) methods.push('agent');
  const tried: string[] = [];
  let serverMethods: string[] | undefined;
  let presented: { fingerprint: string; type: string } | undefined;
  let mismatch = false;
  let agentError: string | undefined;

  const client = new Client();
  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      client.destroy();
      reject(error);
    };
    function onAbort(): void {
      fail(new ConnectAbortedError(endpoint));
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    client.on('ready', () => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(client);
    });
    client.on('error', (err: Ssh2Error) => {
      if (settled) return;
      // An agent problem is not final: ssh2 goes on with the next method.
      if (err.level === 'agent') return void (agentError = err.message);
      if (mismatch && presented !== undefined) {
        return fail(new HostKeyMismatchError({ ...endpoint, expected: pin.fingerprint, presented: presented.fingerprint, presentedType: presented.type }));
      }
      fail(classifyConnectError(err, endpoint, target.user, { tried, serverMethods, keyFingerprint: credentials.keyFingerprint, agentError }));
    });
    client.on('close', () => fail(new HostUnreachableError({ ...endpoint, reason: 'closed' })));

    const config: ConnectConfig = {
      host: target.address,
      port: target.port,
      username: target.user,
      readyTimeout: input.connectTimeoutMs,
      keepaliveInterval: input.keepaliveIntervalMs,
      keepaliveCountMax: input.keepaliveCountMax ?? 3,
      hostVerifier: (key: Buffer) => {
        presented = { fingerprint: fingerprint(key), type: keyBlobType(key) ?? 'unknown' };
        mismatch = !hostKeyMatches(pin, key);
        return !mismatch;
      },
      authHandler: (methodsLeft, _partial, next) => {
        if (methodsLeft !== null) serverMethods = [...methodsLeft];
        const method = methods[tried.length];
        if (method === undefined) return next(false as unknown as AuthenticationType);
        tried.push(method);
        if (method === 'publickey') {
          next({
            type: 'publickey',
            username: target.user,
            key: credentials.privateKey as Buffer,
            ...(credentials.passphrase === undefined ? {} : { passphrase: credentials.passphrase }),
          });
        } else {
          next({ type: 'agent', username: target.user, agent: credentials.agent as string });
        }
      },
    };
    const algorithms = hostKeyAlgorithms(pin);
    if (algorithms !== undefined) config.algorithms = { serverHostKey: algorithms as NonNullable<ConnectConfig['algorithms']>['serverHostKey'] };
    try {
      client.connect(config);
    } catch (err) {
      fail(new SshConnectionFailedError({ ...endpoint, reason: (err as Error).message }, { cause: err }));
    }
  });
}

/** Turns an ssh2 connection error into the matching typed error. */
export function classifyConnectError(
  err: Ssh2Error,
  endpoint: EndpointData,
  user: string,
  auth: { tried: string[]; serverMethods: string[] | undefined; keyFingerprint: string | undefined; agentError?: string | undefined },
): Error {
  switch (err.level) {
    case 'client-authentication':
      return new AuthenticationFailedError({
        ...endpoint,
        user,
        methods: auth.tried,
        ...(auth.keyFingerprint === undefined ? {} : { keyFingerprint: auth.keyFingerprint }),
        ...(auth.serverMethods === undefined ? {} : { serverMethods: auth.serverMethods }),
        ...(auth.agentError === undefined ? {} : { agentError: auth.agentError }),
      });
    case 'client-timeout':
      return new HostUnreachableError({ ...endpoint, reason: 'timeout' }, { cause: err });
    case 'client-dns':
      return new HostUnreachableError({ ...endpoint, reason: 'dns', ...(err.code ? { syscallCode: err.code } : {}) }, { cause: err });
    case 'client-socket': {
      const reason = SOCKET_REASONS[err.code ?? ''];
      if (reason !== undefined) return new HostUnreachableError({ ...endpoint, reason, syscallCode: err.code as string }, { cause: err });
      return new SshConnectionFailedError({ ...endpoint, reason: err.code ?? err.message }, { cause: err });
    }
    default:
      return new SshConnectionFailedError({ ...endpoint, reason: err.message.toLowerCase() }, { cause: err });
  }
}
