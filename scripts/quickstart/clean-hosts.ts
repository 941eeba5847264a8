/**
 * Removes what the demo created on the hosts of a testbed that stays up (one the quickstart
 * borrowed): the domains, networks and volumes its repository names, on each of its hosts, when
 * they carry gitvirt's owner mark. Prints what it removed per host.
 *
 *   node --import tsx scripts/quickstart/clean-hosts.ts --testbed-dir <dir> --git-dir <bare repo> [--branch main]
 */
import { readTestbed } from '../../test/testbed/testbed.js';
import { cleanHostScript } from './clean-host-script.js';
import { demoObjects } from './demo-objects.js';
import { parseFlags, runMain } from './parse-flags.js';
import { readBranchManifests } from './read-branch-manifests.js';

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), ['testbed-dir', 'git-dir'], ['branch']);
  const testbed = await readTestbed(flags['testbed-dir']);
  const { manifests } = await readBranchManifests({ gitDir: flags['git-dir'], branch: flags.branch ?? 'main' });
  const objects = demoObjects(manifests);
  let failed = 0;
  for (const [host, { pool, poolPath }] of Object.entries(objects.hosts)) {
    if (!testbed.hosts.some((h) => h.name === host)) continue;
    const script = cleanHostScript({ ...objects, pool, poolPath });
    const result = await testbed.run(host, ['sh', '-c', script], { timeoutMs: 120_000, allowFailure: true });
    const removed = result.stdout.split('\n').filter((line) => line.startsWith('removed ')).map((line) => line.slice('removed '.length));
    process.stdout.write(`${host}: ${removed.length === 0 ? 'nothing of the demo left' : `removed ${removed.join(', ')}`}\n`);
    if (result.code !== 0) {
      failed++;
      process.stderr.write(`${host}: cleanup exited ${result.code}: ${result.stderr.trim()}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
});
