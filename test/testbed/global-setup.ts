import type { TestProject } from 'vitest/node';
import { startTestbed, stopTestbed } from './testbed.js';

/**
 * vitest global setup of the e2e project: brings up a 3-host testbed once per run, provides its
 * state as `inject('testbed')`, and tears it down at the end (left up when GITVIRT_TESTBED_KEEP=1).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const testbed = await startTestbed({ hosts: 3 });
  process.stderr.write(`testbed: ${testbed.hosts.length} hosts up in ${Date.now() - started} ms (${testbed.state.stateDir})\n`);
  project.provide('testbed', testbed.state);
  return async () => {
    if (process.env.GITVIRT_TESTBED_KEEP === '1') {
      process.stderr.write(`testbed: left up (GITVIRT_TESTBED_KEEP=1); ssh -F ${testbed.state.sshConfigPath} hv1; tear down with test/testbed/down.sh\n`);
      return;
    }
    await stopTestbed({ stateDir: testbed.state.stateDir });
  };
}
