import { describe, expect, it } from 'vitest';
import { createPidMarker, findMarkedPid, stripPidMarker } from '../../../controller/transport/pid-marker.js';
import { Limiter } from '../../../controller/transport/limiter.js';
import { exitCode } from '../../../controller/transport/exit-code.js';

describe('pid marker', () => {
  const { token, prefix } = createPidMarker();

  it('is a fresh token each run and a constant shell prefix', () => {
    expect(createPidMarker().token).not.toBe(token);
    expect(prefix).toBe(`printf '%s:%s\\n' ${token} "$$" >&2; `);
  });

  it('finds the pid only once the line is complete, after shell start-up noise', () => {
    expect(findMarkedPid(Buffer.from(`${token}:12`), token)).toBeUndefined();
    expect(findMarkedPid(Buffer.from(`${token}:123\nrest`), token)).toBe(123);
    expect(findMarkedPid(Buffer.from(`warning from rc file\n${token}:77\n`), token)).toBe(77);
    expect(findMarkedPid(Buffer.from(`x${token}:77\n`), token)).toBeUndefined();
  });

  it('removes exactly the marker line from stderr', () => {
    expect(stripPidMarker(Buffer.from(`${token}:5\nerr\n`), token).toString()).toBe('err\n');
    expect(stripPidMarker(Buffer.from(`rc noise\n${token}:5\nerr`), token).toString()).toBe('rc noise\nerr');
    expect(stripPidMarker(Buffer.from('no marker\n'), token).toString()).toBe('no marker\n');
  });
});

describe('Limiter', () => {
  it('bounds holders, serves waiters in order and drops aborted waiters', async () => {
    const limiter = new Limiter(2);
    const aborted = (): Error => new Error('aborted');
    const a = await limiter.acquire(undefined, aborted);
    const b = await limiter.acquire(undefined, aborted);
    const order: string[] = [];
    const controller = new AbortController();
    const c = limiter.acquire(undefined, aborted).then((r) => (order.push('c'), r));
    const d = limiter.acquire(controller.signal, aborted);
    const e = limiter.acquire(undefined, aborted).then((r) => (order.push('e'), r));
    expect([limiter.inUse, limiter.waiting]).toEqual([2, 3]);
    controller.abort();
    await expect(d).rejects.toThrow('aborted');
    a();
    a();
    b();
    (await c)();
    (await e)();
    expect(order).toEqual(['c', 'e']);
    expect([limiter.inUse, limiter.waiting]).toEqual([0, 0]);
  });
});

describe('exitCode', () => {
  it('maps signals to 128 + number like a shell', () => {
    expect(exitCode(0, undefined)).toBe(0);
    expect(exitCode(null, 'SIGKILL')).toBe(137);
    expect(exitCode(null, 'TERM')).toBe(143);
    expect(exitCode(null, 'SIGNOPE')).toBe(255);
  });
});
