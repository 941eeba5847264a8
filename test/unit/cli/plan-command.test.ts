import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type Command } from '../../../controller/cli/index.js';
import { createPlanCommand, planExitCode } from '../../../controller/cli/plan.js';
import { sshCredentialSource, type HostCommandDeps } from '../../../controller/cli/ssh-options.js';
import { buildPlanReport } from '../../../controller/cli/format/plan-report.js';
import { scenario, plannedResult, recordedEngine, withUnreachable } from '../reconcile/recorded.js';
import { captureIo } from './capture-io.js';

const KEY_ENV = { GITVIRT_SSH_IDENTITY: '/keys/gitvirt' };

describe('gitvirt plan', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'gitvirt-plan-cli-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const run = async (deps: HostCommandDeps, argv: string[], env: Record<string, string> = KEY_ENV) => {
    const io = captureIo(cwd, { env });
    const commands: Command[] = [createPlanCommand(deps) as Command];
    const code = await runCli({ argv: ['plan', ...argv], commands, version: 'test', io });
    return { code, out: io.out(), err: io.err() };
  };

  it('exits 0 when nothing would change, 2 when something would, 1 when the brake is engaged or a host is unreachable', async () => {
    expect((await run(recordedEngine('converged').deps, [])).code).toBe(0);
    const changes = await run(recordedEngine('changes').deps, []);
    expect(changes.code).toBe(2);
    expect(changes.out).toMatch(/^Plan: 2 to add, 2 to change, 2 to destroy\.$/m);
    expect((await run(recordedEngine('empty').deps, [])).code).toBe(1);
    const s = await scenario('converged');
    const unreachable = await run(recordedEngine('converged', { observed: withUnreachable(s.observed, 'hv2') }).deps, []);
    expect(unreachable.code).toBe(1);
    expect(unreachable.out).toMatch(/^hv2: unreachable: failed to connect to hv2/m);
  });

  it('runs nothing on the hosts', async () => {
    const engine = recordedEngine('changes');
    await run(engine.deps, []);
    expect(engine.ran).toEqual([]);
    expect(engine.calls[0]).toMatchObject({ apply: false });
  });

  it('passes the safety policy, host selection and concurrency to the engine', async () => {
    const engine = recordedEngine('changes');
    await mkdir(join(cwd, 'repo'));
    const result = await run(engine.deps, ['--max-deletions', '3', '--allow-empty', '--concurrency', '2', '--host', 'hv1,hv2', 'repo']);
    expect(result.code).toBe(2);
    expect(engine.calls[0]).toMatchObject({
      dir: join(cwd, 'repo'), policy: { maxDeletions: 3, allowEmpty: true }, concurrency: 2, hosts: ['hv1', 'hv2'], apply: false,
    });
    expect(result.out).not.toMatch(/^hv3/m);
  });

  it('takes --host more than once', async () => {
    const engine = recordedEngine('changes');
    await run(engine.deps, ['--host', 'hv1', '--host', 'hv2']);
    expect(engine.calls[0]).toMatchObject({ hosts: ['hv1', 'hv2'] });
  });

  it('refuses bad option values as usage errors (exit 2)', async () => {
    const engine = recordedEngine('changes');
    for (const argv of [['--max-deletions', 'many'], ['--concurrency', '0'], ['--format', 'yaml'], ['--host', ','], ['a', 'b']]) {
      const result = await run(engine.deps, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(/^gitvirt: /);
    }
    expect(engine.calls).toEqual([]);
  });

  it('fails with one clear line without SSH credentials or without the directory', async () => {
    const engine = recordedEngine('changes');
    const none = await run(engine.deps, [], {});
    expect(none.code).toBe(1);
    expect(none.err).toBe('gitvirt plan: failed to find SSH credentials: give --identity <file>, set GITVIRT_SSH_IDENTITY to a private key file, or run an ssh-agent (SSH_AUTH_SOCK)\n');
    const missing = await run({}, ['no-such-dir']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^gitvirt plan: failed to read directory .*no-such-dir: not found or not a directory\n$/);
  });

  it('writes markdown or JSON to --output and the text plan to stdout', async () => {
    const md = await run(recordedEngine('changes').deps, ['--format', 'markdown', '--output', 'out/plan.md']);
    expect(md.code).toBe(2);
    expect(await readFile(join(cwd, 'out/plan.md'), 'utf8')).toMatch(/^### gitvirt plan · `e2e`/);
    expect(md.out).toMatch(/^Plan: 2 to add.*\nmarkdown plan written to out\/plan\.md\n$/m);
    const json = await run(recordedEngine('changes').deps, ['--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ version: 1, revision: 'e2e', outcome: 'planned' });
  });

  it('reports invalid manifests without connecting to any host (exit 1)', async () => {
    await mkdir(join(cwd, 'repo'));
    await writeFile(join(cwd, 'repo', 'vm.yaml'), 'apiVersion: gitvirt.io/v1alpha1\nkind: VirtualMachine\nmetadata: { name: Bad_Name }\nspec: {}\n');
    let connected = false;
    const result = await run({
      createTransport: () => ({ connect: async () => { connected = true; throw new Error('no'); }, close: async () => undefined }),
    }, ['repo']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^vm\.yaml:3:\d+ \/metadata\/name: error: /m);
    expect(result.out.trimEnd().split('\n').pop()).toBe('No plan: the manifests have errors.');
    expect(connected).toBe(false);
  });

  it('names an unknown --host', async () => {
    await mkdir(join(cwd, 'repo'));
    await writeFile(join(cwd, 'repo', 'hosts.yaml'), '');
    const result = await run({ createTransport: () => ({ connect: async () => { throw new Error('no'); }, close: async () => undefined }) }, ['repo', '--host', 'hv9']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/No plan: no Host named hv9 in the repository \(hosts: none\)\./);
  });
});

describe('planExitCode', () => {
  it('fails on compile errors even when nothing else is wrong', async () => {
    const result = await plannedResult('converged');
    const report = buildPlanReport({ ...result, diagnostics: [{ severity: 'error', code: 'cloud-init-user-data', message: 'x', file: 'a.yaml', line: 1, column: 1, path: '' }] });
    expect(planExitCode(report)).toBe(1);
    expect(planExitCode(buildPlanReport(result))).toBe(0);
  });
});

describe('sshCredentialSource', () => {
  it('takes --identity (relative to cwd), else GITVIRT_SSH_IDENTITY, with the agent of SSH_AUTH_SOCK', () => {
    expect(sshCredentialSource({ identity: 'keys/id', env: { GITVIRT_SSH_IDENTITY: '/other', SSH_AUTH_SOCK: '/run/agent' }, cwd: '/work' }))
      .toEqual({ privateKeyPath: '/work/keys/id', agent: '/run/agent' });
    expect(sshCredentialSource({ env: { GITVIRT_SSH_IDENTITY: '/k', GITVIRT_SSH_PASSPHRASE: 'pw' }, cwd: '/w' })).toEqual({ privateKeyPath: '/k', passphrase: 'pw' });
    expect(sshCredentialSource({ env: { SSH_AUTH_SOCK: '/run/agent', GITVIRT_SSH_IDENTITY: '' }, cwd: '/w' })).toEqual({ agent: '/run/agent' });
    expect(() => sshCredentialSource({ env: {}, cwd: '/w' })).toThrow(/failed to find SSH credentials/);
  });
});
