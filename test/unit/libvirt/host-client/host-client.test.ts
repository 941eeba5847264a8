import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACTION_EXECUTORS, ACTION_TIMEOUT_MS, actionTimeoutMs, createHostClient, LibvirtCommandError, virshQuote,
} from '../../../../controller/libvirt/index.js';
import { CONVERGE_ORDER, PRUNE_ORDER } from '../../../../controller/plan/index.js';
import type { HostTarget } from '../../../../controller/types/desired.js';
import type { Action, ActionKind, ActionParams } from '../../../../controller/types/plan.js';
import { readVirshFixture } from './fixtures.js';
import { emptyBatchOutput, scriptedConnection } from './scripted-connection.js';

const TARGET: HostTarget = {
  name: 'hv1', address: '10.77.1.2', port: 22, user: 'root', hostKey: 'ssh-ed25519 AAAA', uri: 'qemu:///system', zone: 'a',
  labels: {}, reserved: { cpus: 0, memoryMiB: 1024 }, storagePool: { name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' }, cordoned: false,
};

function action<K extends ActionKind>(kind: K, params: ActionParams[K]): Action {
  return { kind, host: 'hv1', owner: { kind: 'VirtualMachine', name: 'web' }, reason: 'test', destructive: false, drift: false, params } as Action;
}

afterEach(() => vi.useRealTimers());

describe('host client', () => {
  it('has an executor and a time limit for every action kind the planner emits', () => {
    const kinds = [...new Set([...CONVERGE_ORDER, ...PRUNE_ORDER])].sort();
    expect(Object.keys(ACTION_EXECUTORS).sort()).toEqual(kinds);
    expect(Object.keys(ACTION_TIMEOUT_MS).sort()).toEqual(kinds);
    expect(actionTimeoutMs(action('domain.stop', { name: 'web', timeoutSeconds: 30 }))).toBe(ACTION_TIMEOUT_MS['domain.stop'] + 30_000);
    expect(actionTimeoutMs(action('domain.start', { name: 'web' }))).toBe(ACTION_TIMEOUT_MS['domain.start']);
  });

  it('observes with one script and stamps host and time', async () => {
    const { connection, calls } = scriptedConnection([{ match: /^sh -s/, result: { stdout: readVirshFixture('observe-empty.txt') } }]);
    const client = createHostClient({ target: TARGET, connection, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(await client.observe()).toMatchObject({ host: 'hv1', observedAt: '2030-01-01T00:00:00.000Z', domains: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]![2]).toMatch(/^set -u\nU=qemu:\/\/\/system\n/);
  });

  it('turns observe output that stops early into a LibvirtCommandError explaining libvirt\'s words', async () => {
    const stderr = readVirshFixture('observe-unreachable.stderr.txt');
    const { connection } = scriptedConnection([{ match: /^sh -s/, result: { stdout: `${/^@@gv[0-9a-f]+ begin$/m.exec(readVirshFixture('observe-empty.txt'))![0]}\n`, stderr, code: 1 } }]);
    const observed = createHostClient({ target: TARGET, connection }).observe();
    await expect(observed).rejects.toBeInstanceOf(LibvirtCommandError);
    await expect(observed).rejects.toMatchObject({
      code: 'LibvirtCommandFailed',
      message: expect.stringMatching(/^failed to observe libvirt on host hv1: could not talk to libvirtd on the host/),
      data: { action: 'observe', exitCode: 1, stderr: stderr.trim(), explanation: { reason: 'ConnectionFailed', transient: true } },
    });
  });

  it('gives up an action at its time limit with ActionTimeoutError', async () => {
    vi.useFakeTimers();
    const { connection } = scriptedConnection([], { hang: true });
    const run = createHostClient({ target: TARGET, connection }).run(action('domain.set-autostart', { name: 'web', enabled: true }));
    const settled = expect(run).rejects.toMatchObject({ code: 'ActionTimedOut', data: { host: 'hv1', action: 'domain.set-autostart', timeoutMs: ACTION_TIMEOUT_MS['domain.set-autostart'] } });
    await vi.advanceTimersByTimeAsync(ACTION_TIMEOUT_MS['domain.set-autostart']);
    await settled;
  });

  it('stops when the caller aborts, with the transport\'s error', async () => {
    const { connection } = scriptedConnection([], { hang: true });
    const controller = new AbortController();
    const run = createHostClient({ target: TARGET, connection }).run(action('domain.start', { name: 'web' }), { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toThrow('aborted by signal');
  });

  it('passes names as single argv words after `--` (or virsh-quoted in a batch), and XML only on standard input', async () => {
    const name = '--help; $(reboot)';
    let states = ['running', 'shut off'];
    const { connection, calls, stdins } = scriptedConnection((argv) => {
      if (argv.length === 4 && argv[0] === 'virsh') return { stdout: emptyBatchOutput(argv[3]!), stderr: `error: failed to get network '${name}'\nerror: Network not found: no network with matching name '${name}'\n` };
      if (argv.includes('domstate')) return { stdout: `${states.shift() ?? 'shut off'}\n` };
      return {};
    });
    const client = createHostClient({ target: TARGET, connection });
    expect(await client.run(action('network.define', { name, xml: '<network/>', autostart: true }))).toMatchObject({ result: 'created' });
    expect(await client.run(action('domain.stop', { name, timeoutSeconds: 5 }))).toEqual({ result: 'configured', message: 'shut down gracefully' });
    const virshCalls = calls.filter((argv) => argv[0] === 'virsh');
    expect(virshCalls.map((argv) => argv[3]?.split(' ')[0] ?? argv[3])).toEqual(['echo', 'net-start', 'net-autostart', 'domstate', 'shutdown', 'domstate']);
    expect(virshCalls[0]![3]).toContain(`net-info -- ${virshQuote(name)}`);
    for (const argv of virshCalls.slice(1)) expect(argv.slice(argv.indexOf('--') + 1)).toEqual([name]);
    const define = calls.findIndex((argv) => argv.includes('net-define'));
    expect(calls[define]!.slice(-2)).toEqual(['net-define', '/dev/stdin']);
    expect(stdins[define]).toBe('<network/>');
    expect(calls.flat().join(' ')).not.toContain('<network/>');
  });
});
