import { describe, expect, it } from 'vitest';
import { parseReadyLine, waitForReady } from '../../testbed/guest/ready-line.js';

describe('parseReadyLine', () => {
  it('returns null before the guest is ready', () => {
    expect(parseReadyLine('')).toBeNull();
    expect(parseReadyLine('gitvirt-guest: boot kernel=6.1.0 uptime=2.4s\n[    3.1] virtio_net\n')).toBeNull();
    expect(parseReadyLine('echo GITVIRT-GUEST-READY ip=1.2.3.4\n')).toBeNull();
  });

  it('reads ip, hostname and instance-id from the last ready line', () => {
    const log = [
      'gitvirt-guest: ready uptime=4.87s',
      'GITVIRT-GUEST-READY ip=192.168.177.10 hostname=old instance-id=iid-0',
      '[    9.5] reboot: Restarting system',
      'GITVIRT-GUEST-READY ip=192.168.177.11 hostname=web-0 instance-id=iid-1\r',
      '',
    ].join('\n');
    expect(parseReadyLine(log)).toEqual({ ip: '192.168.177.11', hostname: 'web-0', instanceId: 'iid-1' });
  });

  it('maps none to null and ignores unknown fields', () => {
    expect(parseReadyLine('GITVIRT-GUEST-READY ip=none hostname=none instance-id=none extra=1\n'))
      .toEqual({ ip: null, hostname: null, instanceId: null });
  });
});

describe('waitForReady', () => {
  it('polls until the ready line appears', async () => {
    const logs = ['', 'booting\n', 'booting\nGITVIRT-GUEST-READY ip=10.0.0.5 hostname=a instance-id=b\n'];
    let reads = 0;
    const ready = await waitForReady({ read: async () => logs[Math.min(reads++, logs.length - 1)] ?? '', timeoutMs: 5000, intervalMs: 1 });
    expect(ready).toMatchObject({ ip: '10.0.0.5', hostname: 'a', instanceId: 'b' });
    expect(reads).toBe(3);
  });

  it('keeps polling when a read fails', async () => {
    let reads = 0;
    const ready = await waitForReady({
      read: async () => {
        reads += 1;
        if (reads === 1) throw new Error('no such file');
        return 'GITVIRT-GUEST-READY ip=10.0.0.6 hostname=h instance-id=i\n';
      },
      timeoutMs: 5000,
      intervalMs: 1,
    });
    expect(ready.ip).toBe('10.0.0.6');
  });

  it('fails after the timeout and shows the end of the console', async () => {
    await expect(waitForReady({ read: async () => 'line 1\nKernel panic - not syncing\n', timeoutMs: 20, intervalMs: 5 }))
      .rejects.toThrow(/no GITVIRT-GUEST-READY line after 20 ms; console:\n[^]*Kernel panic/);
  });
});
