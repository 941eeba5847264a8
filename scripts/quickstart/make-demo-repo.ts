/** Renders the demo repository from its templates and commits it into a bare git repository. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GitvirtError } from '../../controller/errors/gitvirt-error.js';
import { validateSources } from '../../controller/manifests/index.js';
import { formatDiagnostic } from '../../controller/types/diagnostic.js';
import { initBareRepo } from '../../test/testbed/git-repo.js';
import { readTestbed } from '../../test/testbed/testbed.js';
import { commitChangedFiles } from './commit-files.js';
import { readGuest, readTemplates } from './read-inputs.js';
import { isRunSpecific, pickDemoHosts, renderDemoRepo } from './render-demo-repo.js';

/** The rendered demo repository does not validate (a template or the testbed state is wrong). */
export class DemoRepoInvalidError extends GitvirtError<'DemoRepoInvalid', { diagnostics: string[] }> {
  constructor(diagnostics: string[]) {
    super('DemoRepoInvalid', `failed to render the demo repository: it does not validate:\n${diagnostics.join('\n')}`, { diagnostics });
  }
}

/** One commit message line counting the documents per kind, e.g. "2 Hosts, 1 Image". */
function describeKinds(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : kind.endsWith('s') ? 'es' : 's'}`).join(', ');
}

/** Renders, validates and commits the demo repository; returns the line to print. */
export async function makeDemoRepo(args: {
  testbedDir: string; guestManifest: string; templatesDir: string; gitDir: string; imageUrl: string; branch: string;
}): Promise<string> {
  const testbed = await readTestbed(args.testbedDir);
  const hosts = pickDemoHosts(testbed.hosts);
  const guest = await readGuest({ manifest: args.guestManifest, imageUrl: args.imageUrl });
  const files = renderDemoRepo({ templates: await readTemplates(args.templatesDir), hosts, guest });
  const sources = Object.entries(files).filter(([path]) => /\.ya?ml$/.test(path)).map(([file, text]) => ({ file, text }));
  const result = validateSources({ sources });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new DemoRepoInvalidError(errors.map(formatDiagnostic));

  const exists = await stat(join(args.gitDir, 'HEAD')).then(() => true, () => false);
  if (!exists) {
    await initBareRepo(args.gitDir, args.branch);
    const kinds = describeKinds(result.manifests.map((m) => m.resource.kind));
    const message = `Demo fleet: ${kinds}\n\nHosts ${hosts.map((h) => `${h.name} (${h.zone})`).join(' and ')} are the local testbed's.`;
    const made = await commitChangedFiles({ gitDir: args.gitDir, branch: args.branch, files, message });
    return `created the demo repository (${kinds}) at ${made?.commit.slice(0, 12) ?? '?'}`;
  }
  const runSpecific = Object.fromEntries(Object.entries(files).filter(([path]) => isRunSpecific(path)));
  const made = await commitChangedFiles({
    gitDir: args.gitDir, branch: args.branch, files: runSpecific,
    message: `Follow the testbed: ${hosts.map((h) => h.name).join(', ')} and the test guest image`,
  });
  return made === null ? 'the demo repository is up to date' : `updated ${made.changed.join(', ')} at ${made.commit.slice(0, 12)}`;
}
