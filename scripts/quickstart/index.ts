/**
 * Quickstart: the helpers `scripts/quickstart.sh` runs to show gitvirt at work on this machine —
 * render and commit the demo repository from examples-repo/quickstart/ and the testbed's hosts,
 * serve it (and the test guest's disk image) over HTTP, wait for the controller's first converged
 * cycle, show its log readably, and remove the demo from a testbed that stays up.
 * The entry scripts (make-repo, serve, wait-converged, pretty-log, clean-hosts) run them.
 */
export {
  renderDemoRepo,
  renderTemplate,
  pickDemoHosts,
  isRunSpecific,
  DemoHostsMissingError,
  TemplateVariableMissingError,
  DEMO_ZONES,
  HOST_TEMPLATE,
  RUN_SPECIFIC_FOLDERS,
  TEMPLATE_SUFFIX,
  type DemoGuest,
  type DemoHost,
} from './render-demo-repo.js';
export { makeDemoRepo, DemoRepoInvalidError } from './make-demo-repo.js';
export { commitChangedFiles, branchCommit, QUICKSTART_IDENTITY } from './commit-files.js';
export { readTemplates, readGuest, guestDiskPath } from './read-inputs.js';
export { readBranchManifests } from './read-branch-manifests.js';
export { startDemoServers, IMAGE_PATH, type DemoServers } from './start-demo-servers.js';
export { formatLogLine, parseLogLine, type LogRecord } from './format-log-line.js';
export { cyclesWithOutcome } from './converged-cycles.js';
export { waitForConvergence, ConvergeWaitFailedError, type Convergence, type ConvergenceProbes, type WaitFailure } from './wait-for-convergence.js';
export { demoObjects, DEFAULT_POOL, type DemoObjects } from './demo-objects.js';
export { cleanHostScript, OWNER_NAMESPACE } from './clean-host-script.js';
export { parseFlags, runMain, QuickstartUsageError } from './parse-flags.js';
