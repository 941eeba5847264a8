import { acquireSessionLock, type SessionLock } from '../../test/testbed/session-lock.js';
import { defaultStateDir, startTestbed, stopTestbed, type Testbed } from '../../test/testbed/testbed.js';

/** A testbed brought up for the benchmark, under the same session lock as the e2e tests. */
export interface BenchTestbed {
  testbed: Testbed;
  /** Tears the hosts down (unless kept) and releases the lock. */
  close(options?: { keep?: boolean }): Promise<void>;
}

/**
 * Names each host in its own /etc/hosts (bind-mounted in the host's mount namespace only): libvirtd
 * looks its host name up at every domain start, and without an entry each lookup waits ~10 s for
 * an unreachable DNS server, which would swamp every measurement.
 */
async function nameHosts(testbed: Testbed): Promise<void> {
  await Promise.all(testbed.hosts.map((h) => testbed.run(h, `set -e
printf '127.0.0.1 localhost\\n127.0.1.1 %s\\n' "$(hostname)" >/run/gitvirt-bench-hosts
mountpoint -q /etc/hosts && umount /etc/hosts || true
mount --bind /run/gitvirt-bench-hosts /etc/hosts`)));
}

/**
 * Waits for the testbed session lock (another test run may hold it), brings up `hosts` hosts and
 * returns them; `close()` tears them down and frees the lock.
 */
export async function openBenchTestbed(args: { hosts: number; log: (line: string) => void }): Promise<BenchTestbed> {
  const stateDir = defaultStateDir();
  const lock: SessionLock = await acquireSessionLock(`${stateDir}.session.lock`, {
    waitMs: 60 * 60_000,
    onWait: () => args.log('another run is using the testbed; waiting for it to finish'),
  });
  let testbed: Testbed;
  try {
    const started = Date.now();
    testbed = await startTestbed({ hosts: args.hosts, stateDir });
    await nameHosts(testbed);
    args.log(`${testbed.hosts.length} hosts up in ${Date.now() - started} ms (kvm: ${testbed.state.kvm})`);
  } catch (err) {
    await stopTestbed({ stateDir }).catch(() => undefined);
    lock.release();
    throw err;
  }
  return {
    testbed,
    async close(options = {}) {
      try {
        if (options.keep === true) args.log(`left up: ssh -F ${testbed.state.sshConfigPath} hv1; tear down with test/testbed/down.sh`);
        else await stopTestbed({ stateDir });
      } finally {
        lock.release();
      }
    },
  };
}
