import type { TestProject } from 'vitest/node';
import { acquireSessionLock } from './session-lock.js';
import { defaultStateDir, startTestbed, stopTestbed } from './testbed.js';

const log = (text: string): void => {
  process.stderr.write(`testbed: ${text}\n`);
};

/**
 * vitest global setup of the e2e project: brings up a 4-host testbed (zone-a: hv1, hv3; zone-b: hv2,
 * hv4) once per run, provides its state as `inject('testbed')`, and tears it down at the end (left up
 * when GITVIRT_TESTBED_KEEP=1).
 * Two runs on one machine take turns (a session lock) rather than tear down each other's hosts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDir = defaultStateDir();
  const lock = await acquireSessionLock(`${stateDir}.session.lock`, {
    waitMs: 30 * 60_000,
    onWait: () => log('another test run is using the testbed; waiting for it to finish'),
  });
  const started = Date.now();
  let testbed;
  try {
    testbed = await startTestbed({ hosts: 4, stateDir });
  } catch (err) {
    lock.release();
    throw err;
  }
  log(`${testbed.hosts.length} hosts up in ${Date.now() - started} ms (${stateDir})`);
  project.provide('testbed', testbed.state);
  return async () => {
    try {
      if (process.env.GITVIRT_TESTBED_KEEP === '1') {
        log(`left up (GITVIRT_TESTBED_KEEP=1): ssh -F ${testbed.state.sshConfigPath} hv1; tear down with test/testbed/down.sh`);
        return;
      }
      const stopping = Date.now();
      await stopTestbed({ stateDir });
      log(`torn down in ${Date.now() - stopping} ms`);
    } finally {
      lock.release();
    }
  };
}
