import { describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../../../controller/transport/index.js';
import { mapBounded, observeHosts, type ObserveEvent } from '../../../controller/reconcile/index.js';
import type { HostTarget } from '../../../controller/types/desired.js';
import type { HostClient } from '../../../controller/types/host-client.js';
import type { LiveHostState } from '../../../controller/types/live.js';

const target = (name: string, address = '10.0.0.1'): HostTarget => ({
  name, address, port: 22, user: 'root', hostKey: 'ssh-ed25519 AAAA', uri: 'qemu:///system', zone: 'z', labels: {},
  reserved: { cpus: 0, memoryMiB: 0 }, storagePool: { name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' }, cordoned: false,
});
const live = (host: string): LiveHostState => ({
  host, observedAt: '2026-01-01T00:00:00Z', node: { cpus: 2, memoryMiB: 2048 }, kvm: false, domains: [], networks: [], pools: [], volumes: [],
});
const client = (host: string, observe: () => Promise<LiveHostState>): HostClient => ({
  host, observe, run: () => Promise.reject(new Error('not used')),
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('observeHosts', () => {
  it('reads every host; a host that cannot be reached becomes data and does not stop the others', async () => {
    const events: ObserveEvent[] = [];
    const observed = await observeHosts({
      targets: [target('hv1'), target('hv2', '10.0.0.2'), target('hv3')],
      connect: async (t) => {
        if (t.name === 'hv2') throw new HostUnreachableError({ host: 'hv2', address: '10.0.0.2', port: 22, reason: 'refused' });
        return client(t.name, async () => live(t.name));
      },
      onEvent: (e) => events.push(e),
    });
    expect(observed['hv1']).toEqual({ ok: true, live: live('hv1') });
    expect(observed['hv3']).toEqual({ ok: true, live: live('hv3') });
    expect(observed['hv2']).toEqual({
      ok: false, code: 'HostUnreachable',
      error: 'failed to connect to hv2 (10.0.0.2:22): connection refused; is sshd running and listening on that port?',
    });
    expect(events.map((e) => [e.host, e.ok])).toEqual(expect.arrayContaining([['hv1', true], ['hv2', false], ['hv3', true]]));
  });

  it('turns a failing observe (not only connect) into a failed observation, without a code for plain errors', async () => {
    const observed = await observeHosts({
      targets: [target('hv1')],
      connect: async (t) => client(t.name, () => Promise.reject(new Error('virsh exploded'))),
    });
    expect(observed['hv1']).toEqual({ ok: false, error: 'virsh exploded' });
  });

  it('observes at most `concurrency` hosts at once', async () => {
    let running = 0;
    let most = 0;
    const targets = Array.from({ length: 7 }, (_, i) => target(`hv${i}`));
    const observed = await observeHosts({
      targets,
      concurrency: 3,
      connect: async (t) => client(t.name, async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        return live(t.name);
      }),
    });
    expect(most).toBe(3);
    expect(Object.keys(observed).sort()).toEqual(targets.map((t) => t.name).sort());
  });

  it('marks hosts not yet started as aborted once the signal fires', async () => {
    const controller = new AbortController();
    const observed = await observeHosts({
      targets: [target('hv1'), target('hv2')],
      concurrency: 1,
      signal: controller.signal,
      connect: async (t) => client(t.name, async () => {
        controller.abort();
        return live(t.name);
      }),
    });
    expect(observed['hv1']?.ok).toBe(true);
    expect(observed['hv2']).toMatchObject({ ok: false, code: 'ObserveAborted' });
  });
});

describe('mapBounded', () => {
  it('keeps item order whatever order tasks finish in', async () => {
    const delays = [30, 5, 15, 0];
    const out = await mapBounded(delays, 2, async (ms, i) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3]);
  });

  it('handles an empty list and a limit below one', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    expect(await mapBounded([1, 2], 0, async (n) => n * 2)).toEqual([2, 4]);
  });
});
