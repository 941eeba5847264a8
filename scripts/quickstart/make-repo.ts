/**
 * Writes the demo repository into a bare git repository: on the first run every file rendered from
 * the templates (examples-repo/quickstart/) with the testbed's hosts and the test guest; later only
 * the files that change with each testbed (hosts, image), committed when they differ.
 *
 *   node --import tsx scripts/quickstart/make-repo.ts --testbed-dir <dir> --guest-manifest <manifest.json> \
 *     --templates <dir> --git-dir <bare repo> --image-url <url>
 *
 * Prints one line saying what it did.
 */
import { makeDemoRepo } from './make-demo-repo.js';
import { parseFlags, runMain } from './parse-flags.js';

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), ['testbed-dir', 'guest-manifest', 'templates', 'git-dir', 'image-url'], ['branch']);
  const line = await makeDemoRepo({
    testbedDir: flags['testbed-dir'], guestManifest: flags['guest-manifest'], templatesDir: flags.templates,
    gitDir: flags['git-dir'], imageUrl: flags['image-url'], branch: flags.branch ?? 'main',
  });
  process.stdout.write(`${line}\n`);
});
