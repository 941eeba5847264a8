import { GitvirtError } from '../errors/gitvirt-error.js';

/** Where a connection goes, as carried in every connection error's `data`. */
export interface EndpointData { host: string; address: string; port: number }

/** `hv1 (10.77.1.2:22)`, or `hv1 ([fd00::2]:22)` for an IPv6 address. */
export function describeEndpoint(e: EndpointData): string {
  const address = e.address.includes(':') ? `[${e.address}]` : e.address;
  return `${e.host} (${address}:${e.port})`;
}

/** An argument that no shell quoting can carry (a NUL byte), or an empty argv. */
export class UnquotableArgumentError extends GitvirtError<'UnquotableArgument', { reason: 'nul' | 'empty-argv'; index?: number }> {
  constructor(data: { reason: 'nul' | 'empty-argv'; index?: number }) {
    const where = data.index === undefined ? 'argument' : `argument ${data.index}`;
    const cause = data.reason === 'nul' ? `${where} contains a NUL byte, which no command argument can hold` : 'the command is empty';
    super('UnquotableArgument', `failed to quote command: ${cause}`, data);
  }
}

/** A pinned `hostKey` that is neither an OpenSSH public key line nor a `SHA256:` fingerprint. */
export class InvalidHostKeyError extends GitvirtError<'InvalidHostKey', { host?: string; reason: string }> {
  constructor(data: { host?: string; reason: string }) {
    const of = data.host === undefined ? '' : ` of ${data.host}`;
    super(
      'InvalidHostKey',
      `failed to parse host key${of}: ${data.reason}; expected an OpenSSH public key line ('ssh-ed25519 AAAA...') or a fingerprint ('SHA256:...')`,
      data,
      { userError: true },
    );
  }
}

/** Data of a host key mismatch: both fingerprints, never key material beyond the public fingerprints. */
export interface HostKeyMismatchData extends EndpointData { expected: string; presented: string; presentedType: string }

/** The host presented a key other than the pinned one; the connection was refused. */
export class HostKeyMismatchError extends GitvirtError<'HostKeyMismatch', HostKeyMismatchData> {
  constructor(data: HostKeyMismatchData) {
    super(
      'HostKeyMismatch',
      `failed to connect to ${describeEndpoint(data)}: host key mismatch: expected ${data.expected}, ` +
        `host presented ${data.presentedType} key ${data.presented}; if the host's key really changed, verify it out of band ` +
        `(e.g. \`ssh-keyscan -t ed25519${data.port === 22 ? '' : ` -p ${data.port}`} ${data.address} | ssh-keygen -lf -\` on a trusted network) ` +
        'and update spec.hostKey',
      data,
      { userError: true },
    );
  }
}

/** Why a host could not be reached. */
export type UnreachableReason = 'refused' | 'unreachable' | 'timeout' | 'dns' | 'reset' | 'closed';

/** Human explanation per reason, with what to check. */
const UNREACHABLE_TEXT: Record<UnreachableReason, string> = {
  refused: 'connection refused; is sshd running and listening on that port?',
  unreachable: 'host unreachable; check the address and the network route',
  timeout: 'timed out; check the address, the network and any firewall',
  dns: 'the name does not resolve; check spec.address',
  reset: 'connection reset by the host; check sshd logs (MaxStartups, tcp wrappers)',
  closed: 'the host closed the connection before the SSH handshake finished; check sshd logs',
};

/** TCP or handshake failure before authentication: refused, unreachable, timed out, unresolvable. */
export class HostUnreachableError extends GitvirtError<'HostUnreachable', EndpointData & { reason: UnreachableReason; syscallCode?: string }> {
  constructor(data: EndpointData & { reason: UnreachableReason; syscallCode?: string }, options: { cause?: unknown } = {}) {
    super('HostUnreachable', `failed to connect to ${describeEndpoint(data)}: ${UNREACHABLE_TEXT[data.reason]}`, data, options);
  }
}

/** Data of an authentication failure: who, with what (public fingerprints only), and what the server allows. */
export interface AuthenticationFailedData extends EndpointData {
  user: string;
  methods: string[];
  keyFingerprint?: string;
  serverMethods?: string[];
  /** Why the agent could not be used, when it could not. */
  agentError?: string;
}

/** The server refused every configured credential. */
export class AuthenticationFailedError extends GitvirtError<'AuthenticationFailed', AuthenticationFailedData> {
  constructor(data: AuthenticationFailedData) {
    const tried = data.methods.length === 0 ? 'no credentials configured' : `tried ${data.methods.join(', ')}`;
    const key = data.keyFingerprint === undefined ? 'the controller public key' : `the controller public key (${data.keyFingerprint})`;
    const home = data.user === 'root' ? '/root' : `~${data.user}`;
    const allowed = data.serverMethods === undefined ? '' : `; server allows ${data.serverMethods.join(', ') || 'nothing'}`;
    const agent = data.agentError === undefined ? '' : `; agent unusable: ${data.agentError}`;
    super(
      'AuthenticationFailed',
      `failed to authenticate to ${describeEndpoint(data)} as ${data.user}: server refused all credentials (${tried}${allowed}${agent}); ` +
        `add ${key} to ${home}/.ssh/authorized_keys on the host, or fix spec.user`,
      data,
      { userError: true },
    );
  }
}

/** The SSH session could not be set up for another reason (no common algorithm, protocol error). */
export class SshConnectionFailedError extends GitvirtError<'SshConnectionFailed', EndpointData & { reason: string }> {
  constructor(data: EndpointData & { reason: string }, options: { cause?: unknown } = {}) {
    super('SshConnectionFailed', `failed to connect to ${describeEndpoint(data)}: ${data.reason}`, data, options);
  }
}

/** The connection was aborted through the caller's AbortSignal before it was ready. */
export class ConnectAbortedError extends GitvirtError<'ConnectAborted', EndpointData> {
  constructor(data: EndpointData) {
    super('ConnectAborted', `failed to connect to ${describeEndpoint(data)}: aborted`, data);
  }
}

/** Which command on which host; only the program name is kept, arguments may be sensitive. */
export interface CommandData { host: string; command: string }

/** A command ran past its timeout; its channel was signalled and closed. */
export class CommandTimeoutError extends GitvirtError<'CommandTimeout', CommandData & { timeoutMs: number }> {
  constructor(data: CommandData & { timeoutMs: number }) {
    super('CommandTimeout', `failed to run ${data.command} on ${data.host}: timed out after ${data.timeoutMs} ms, killed`, data);
  }
}

/** A command was aborted through the caller's AbortSignal; its channel was signalled and closed. */
export class CommandAbortedError extends GitvirtError<'CommandAborted', CommandData> {
  constructor(data: CommandData) {
    super('CommandAborted', `failed to run ${data.command} on ${data.host}: aborted`, data);
  }
}

/** The connection dropped while a command was running; its outcome is unknown. */
export class ConnectionLostError extends GitvirtError<'ConnectionLost', CommandData & { reason: string }> {
  constructor(data: CommandData & { reason: string }) {
    super(
      'ConnectionLost',
      `failed to run ${data.command} on ${data.host}: ${data.reason}; the command may or may not have completed, the next call reconnects`,
      data,
    );
  }
}

/** The host refused to open another session channel (sshd MaxSessions) even after retries; the command did not start. */
export class ChannelOpenFailedError extends GitvirtError<'ChannelOpenFailed', CommandData & { reason: string }> {
  constructor(data: CommandData & { reason: string }) {
    super(
      'ChannelOpenFailed',
      `failed to run ${data.command} on ${data.host}: the host refused a new session (${data.reason}); check MaxSessions in its sshd_config`,
      data,
    );
  }
}

/** A connection or transport was used after `close()`. */
export class TransportClosedError extends GitvirtError<'TransportClosed', { host?: string }> {
  constructor(data: { host?: string }) {
    const what = data.host === undefined ? 'transport' : `connection to ${data.host}`;
    super('TransportClosed', `failed to use ${what}: it is closed`, data);
  }
}

/** Writing a file on a host failed; nothing was left at the target path. */
export class WriteFileFailedError extends GitvirtError<'WriteFileFailed', { host: string; path: string; reason: string }> {
  constructor(data: { host: string; path: string; reason: string }, options: { cause?: unknown } = {}) {
    super('WriteFileFailed', `failed to write ${data.path} on ${data.host}: ${data.reason}`, data, options);
  }
}

/** The transport's own configuration is unusable (no credentials, unreadable or undecodable private key). */
export class InvalidTransportConfigError extends GitvirtError<'InvalidTransportConfig', { reason: string }> {
  constructor(data: { reason: string }, options: { cause?: unknown } = {}) {
    super('InvalidTransportConfig', `failed to configure ssh transport: ${data.reason}`, data, { ...options, userError: true });
  }
}
