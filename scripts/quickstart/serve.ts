/**
 * Runs the demo's servers until SIGTERM or SIGINT: the git server of the demo repositories (on
 * 127.0.0.1) and the HTTP server of the test guest's disk image (on the testbed's side of the first
 * demo host's link, which every testbed host reaches). Once both listen it writes `--ready-file`
 * (`{"pid","gitBaseUrl","imageUrl"}`); it logs one line per image request.
 *
 *   node --import tsx scripts/quickstart/serve.ts --git-root <dir> --guest-manifest <manifest.json> \
 *     --testbed-dir <dir> --ready-file <path>
 */
import { rename, writeFile } from 'node:fs/promises';
import { readTestbed } from '../../test/testbed/testbed.js';
import { parseFlags, runMain } from './parse-flags.js';
import { guestDiskPath } from './read-inputs.js';
import { pickDemoHosts } from './render-demo-repo.js';
import { startDemoServers } from './start-demo-servers.js';

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), ['git-root', 'guest-manifest', 'testbed-dir', 'ready-file']);
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const [first] = pickDemoHosts((await readTestbed(flags['testbed-dir'])).hosts);
  const imageHost = first?.peerAddress ?? '127.0.0.1';
  const servers = await startDemoServers({ gitRoot: flags['git-root'], imageFile: await guestDiskPath(flags['guest-manifest']), imageHost, log });
  const ready = { pid: process.pid, gitBaseUrl: servers.gitBaseUrl, imageUrl: servers.imageUrl };
  await writeFile(`${flags['ready-file']}.tmp`, `${JSON.stringify(ready)}\n`);
  await rename(`${flags['ready-file']}.tmp`, flags['ready-file']);
  log(`serving git at ${servers.gitBaseUrl} and the image at ${servers.imageUrl}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log('stopping');
  await servers.stop();
});
