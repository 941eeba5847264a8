import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../test/testbed/run-process.js';

/** Debian packages the benchmark needs beyond the testbed's: Ansible (ships community.libvirt), the libvirt bindings and lxml its modules import, GNU time. */
export const BENCH_PACKAGES = ['ansible', 'python3-libvirt', 'python3-lxml', 'time'] as const;

/** Where Debian's ansible package keeps the community.libvirt collection. */
const COLLECTION = '/usr/lib/python3/dist-packages/ansible_collections/community/libvirt/plugins/modules/virt.py';

/** Runs a command, failing with its output when it exits non-zero. */
async function must(what: string, argv: readonly string[], options: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<string> {
  const [cmd = '', ...args] = argv;
  const result = await runProcess(cmd, args, options);
  if (result.code !== 0) throw new Error(`failed to ${what}: exit code ${result.code}\n${(result.stdout + result.stderr).trim().slice(-3000)}`);
  return result.stdout;
}

/** Packages of BENCH_PACKAGES that are not installed. */
async function missingPackages(): Promise<string[]> {
  const result = await runProcess('dpkg-query', ['-W', '-f=${db:Status-Abbrev} ${Package}\\n', ...BENCH_PACKAGES], { timeoutMs: 30_000 });
  const installed = new Set(result.stdout.split('\n').filter((l) => l.startsWith('ii ')).map((l) => l.split(/\s+/)[1]));
  return BENCH_PACKAGES.filter((p) => !installed.has(p));
}

/**
 * Makes the machine ready: the testbed's packages and accounts (test/testbed/install-deps.sh),
 * Ansible with community.libvirt and python3-libvirt, GNU time; then checks the collection is there.
 */
export async function installBenchDeps(root: string, log: (line: string) => void): Promise<void> {
  await must('install the testbed packages', ['bash', join(root, 'test/testbed/install-deps.sh')], { timeoutMs: 900_000 });
  const missing = await missingPackages();
  if (missing.length > 0) {
    log(`installing ${missing.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await must('update the package lists', ['apt-get', '-q', 'update'], { timeoutMs: 600_000, env });
    await must(`install ${missing.join(' ')}`, ['apt-get', '-q', 'install', '-y', '--no-install-recommends', ...missing], { timeoutMs: 900_000, env });
  }
  if (!existsSync(COLLECTION)) throw new Error(`failed to find community.libvirt (${COLLECTION}): install Debian's ansible package`);
}

/**
 * Builds gitvirt as users run it (`npm run build` → dist/) and returns the CLI's path. Type errors
 * elsewhere in the tree do not stop tsc from emitting; they are reported, and the build is used.
 */
export async function buildGitvirt(root: string, log: (line: string) => void): Promise<string> {
  const result = await runProcess(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, timeoutMs: 600_000 });
  const main = join(root, 'dist/controller/main.js');
  if (result.code !== 0) {
    if (!existsSync(main)) throw new Error(`failed to build gitvirt:\n${(result.stdout + result.stderr).slice(-3000)}`);
    log(`tsc reported type errors (the emitted build is used):\n${result.stdout.trim().split('\n').slice(0, 5).join('\n')}`);
  }
  return main;
}
