/**
 * Transport: how gitvirt reaches hypervisors. A pooled SSH connection per host with a pinned host key
 * (or local execution on the hypervisor itself); commands are argv arrays, always shell-quoted.
 */
export type {
  ExecOptions,
  ExecResult,
  HostConnection,
  RawExecResult,
  RawHostConnection,
  Transport,
  TransportTarget,
  WriteFileOptions,
} from './transport.js';
export { shellJoin, shellQuote } from './shell-quote.js';
export {
  fingerprint,
  hostKeyAlgorithms,
  hostKeyMatches,
  keyBlobType,
  parseHostKeyPin,
  validateHostKeyPin,
  type HostKeyPin,
  type HostKeyType,
} from './host-key.js';
export { createSshTransport, SSH_TRANSPORT_DEFAULTS, type SshTransport, type SshTransportOptions } from './ssh-transport.js';
export type { SshHostStats } from './ssh-host.js';
export { createLocalTransport, type LocalTransportOptions } from './local-transport.js';
export { DEFAULT_FILE_MODE } from './remote-write-file.js';
export {
  AuthenticationFailedError,
  ChannelOpenFailedError,
  CommandAbortedError,
  CommandTimeoutError,
  ConnectAbortedError,
  ConnectionLostError,
  HostKeyMismatchError,
  HostUnreachableError,
  InvalidHostKeyError,
  InvalidTransportConfigError,
  SshConnectionFailedError,
  TransportClosedError,
  UnquotableArgumentError,
  WriteFileFailedError,
  type UnreachableReason,
} from './transport-errors.js';
