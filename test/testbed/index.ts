/**
 * Test infrastructure: a real multi-host libvirt testbed on one machine (network and mount
 * namespaces, each with its own libvirtd and sshd; up.sh / down.sh) and a real git server over HTTP.
 */
export {
  defaultStateDir,
  killStale,
  readTestbed,
  startTestbed,
  stopTestbed,
  testbedFromState,
  TestbedCommandFailedError,
  TestbedScriptFailedError,
  type Testbed,
  type TestbedHost,
  type TestbedOptions,
  type TestbedRunOptions,
} from './testbed.js';
export { checkTestbedState, TestbedStateInvalidError, type TestbedHostState, type TestbedState } from './testbed-state.js';
export { runProcess, type ProcessResult, type RunProcessOptions } from './run-process.js';
export { startGitServer, type GitServer, type GitServerOptions, type GitRequestLogEntry, type CommitOptions, type CreateRepoOptions } from './git-server.js';
export { startHostService, stopHostService, HostServiceFailedError, type HostService, type HostServiceArgs } from './host-service.js';
