import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../controller/cli/index.js';
import { createRunCommand, type RunDeps } from '../../../controller/cli/run.js';
import type { CycleReport, StatusWriter } from '../../../controller/reconcile/loop-types.js';
import type { Transport } from '../../../controller/transport/index.js';
import { captureIo } from '../cli/capture-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-run-'));
  await mkdir(join(dir, 'empty'));
  await mkdir(join(dir, 'broken'));
  await writeFile(join(dir, 'broken', 'vm.yaml'), 'apiVersion: gitvirt.io/v1alpha1\nkind: VirtualMachine\nmetadata: { name: web }\nspec: { placement: { host: hv1 }, cpus: 1, memoryMiB: lots, disks: [{ name: root, sizeGiB: 1 }] }\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A run command whose hosts and status are in-process fakes; the source, config and loop are real. */
function command(reports: CycleReport[], extra: RunDeps = {}) {
  const statusWriter: StatusWriter = { write: async (report) => (reports.push(report), { commit: null, noted: false }) };
  const transport = { connect: async () => { throw new Error('unused'); }, close: async () => undefined } as Transport;
  return createRunCommand({
    runtime: { processMetrics: false, createTransport: () => transport, createStatusWriter: async () => statusWriter },
    onShutdownSignal: () => () => undefined,
    ...extra,
  });
}

async function config(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('gitvirt run', () => {
  it('runs one cycle of a local directory with --once, logging JSON lines, and exits 0 when converged', async () => {
    const path = await config('once.yaml', 'source: { local: { dir: empty, watch: false } }\nssh: { agentSocket: /nonexistent.sock }\nlisten: false\nstateDir: state\nsafety: { allowEmpty: true }\n');
    const reports: CycleReport[] = [];
    const io = captureIo(dir);
    const code = await runCli({ argv: ['run', '--config', path, '--once'], commands: [command(reports)], version: 't', io });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(reports.map((r) => [r.outcome, r.reason])).toEqual([['converged', 'ReconciliationSucceeded']]);
    const lines = io.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['msg'])).toEqual(['controller started', 'status written', 'cycle finished', 'controller stopped']);
    expect(lines[2]).toMatchObject({ level: 'info', outcome: 'converged', revision: expect.stringMatching(/^local-[0-9a-f]{12}$/) });
  });

  it('exits 1 with --once when the revision is invalid, saying why in status', async () => {
    const path = await config('broken.yaml', 'source: { local: { dir: broken, watch: false } }\nssh: { agentSocket: /x.sock }\nlisten: false\n');
    const reports: CycleReport[] = [];
    const io = captureIo(dir);
    expect(await runCli({ argv: ['run', '-c', path, '--once'], commands: [command(reports)], version: 't', io })).toBe(1);
    expect(reports[0]).toMatchObject({ outcome: 'stalled', condition: 'Stalled', reason: 'ValidationFailed' });
    expect(reports[0]?.message).toMatch(/^revision local-[0-9a-f]{12} not applied: vm\.yaml:4:\d+ \/spec\/memoryMiB: error: /);
  });

  it('runs until the signal aborts, then exits 0', async () => {
    const path = await config('loop.yaml', 'source: { local: { dir: empty, watch: false } }\nssh: { agentSocket: /x.sock }\nlisten: "127.0.0.1:0"\ninterval: 100ms\nsafety: { allowEmpty: true }\n'.replace('"127.0.0.1:0"', 'false'));
    const controller = new AbortController();
    const reports: CycleReport[] = [];
    const statusWriter: StatusWriter = {
      write: async (report) => {
        reports.push(report);
        if (reports.length === 3) controller.abort();
        return { commit: null, noted: false };
      },
    };
    const transport = { connect: async () => { throw new Error('unused'); }, close: async () => undefined } as Transport;
    const run = createRunCommand({ signal: controller.signal, runtime: { processMetrics: false, createTransport: () => transport, createStatusWriter: async () => statusWriter } });
    const io = captureIo(dir);
    expect(await runCli({ argv: ['run', '--config', path], commands: [run], version: 't', io })).toBe(0);
    expect(reports.map((r) => r.wake)).toEqual(['start', 'interval', 'interval']);
    expect(io.out()).toContain('"msg":"shutdown requested: finishing the running action, then stopping"');
  });

  it('prints configuration errors as `path: message` and exits 1', async () => {
    const path = await config('bad.yaml', 'source: { git: { url: "https://git.example.com/f.git", token: "SECRET-VALUE" } }\ninterval: soon\n');
    const io = captureIo(dir);
    expect(await runCli({ argv: ['run', '--config', path], commands: [command([])], version: 't', io })).toBe(1);
    expect(io.err()).toBe([
      `failed to load configuration ${path}: 2 problems`,
      '  source.git.token: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set source.git.tokenFile (or use the environment variable documented for it)',
      '  interval: must be a duration such as "60s", "5m" or "1m30s", got "soon"',
      '',
    ].join('\n'));
    expect(io.out()).toBe('');
    expect(io.err()).not.toContain('SECRET-VALUE');
  });

  it('needs a configuration file', async () => {
    const io = captureIo(dir);
    expect(await runCli({ argv: ['run'], commands: [command([])], version: 't', io })).toBe(2);
    expect(io.err()).toMatch(/^gitvirt: give --config <file> \(or set GITVIRT_CONFIG\)/);
  });

  it('needs SSH credentials from the file or an agent', async () => {
    const path = await config('nossh.yaml', 'source: { local: { dir: empty } }\nlisten: false\n');
    const io = captureIo(dir);
    expect(await runCli({ argv: ['run', '--config', path, '--once'], commands: [command([])], version: 't', io })).toBe(1);
    expect(io.err()).toMatch(/failed to find SSH credentials/);
  });
});
