import { describe, expect, it } from 'vitest';
import { createLogger, redact, REDACTED } from '../../../controller/log/index.js';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createLogger({ ...(level === undefined ? {} : { level }), write: (line) => lines.push(line), now: () => new Date('2026-01-02T03:04:05.000Z') });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JSON logger', () => {
  it('writes one JSON line per event: time, level, msg first, then the fields', () => {
    const { logger, lines } = capture();
    logger.child({ revision: 'abc' }).info('action applied', { host: 'hv1', action: 'domain.define' });
    expect(lines).toEqual(['{"time":"2026-01-02T03:04:05.000Z","level":"info","msg":"action applied","revision":"abc","host":"hv1","action":"domain.define"}\n']);
  });

  it('drops lines below its level', () => {
    const { logger, parsed } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(parsed().map((l) => [l['level'], l['msg']])).toEqual([['warn', 'c'], ['error', 'd']]);
  });

  it('redacts fields named like secrets, at any depth, and credentials in URLs', () => {
    const { logger, lines, parsed } = capture();
    logger.info('webhook', {
      password: 'hunter2', token: 'glpat-xyz', webhookSecret: 's3cret', privateKey: '-----BEGIN', GITVIRT_GIT_TOKEN: 'tok',
      auth: { username: 'ci', passphrase: 'pp', headers: { Authorization: 'Bearer zzz' } },
      url: 'https://oauth2:glpat-abc@git.example.com/fleet.git', list: [{ apiKey: 'k' }], host: 'hv1',
    });
    const text = lines.join('');
    for (const secret of ['hunter2', 'glpat-xyz', 's3cret', 'BEGIN', 'tok"', 'pp"', 'zzz', 'glpat-abc', '"k"']) expect(text).not.toContain(secret);
    expect(parsed()[0]).toMatchObject({
      password: REDACTED, token: REDACTED, webhookSecret: REDACTED, privateKey: REDACTED,
      auth: { username: 'ci', passphrase: REDACTED, headers: { Authorization: REDACTED } },
      url: `https://${REDACTED}@git.example.com/fleet.git`, list: [{ apiKey: REDACTED }], host: 'hv1',
    });
  });

  it('redacts credentials in the message too, and keeps time, level and msg from being overridden', () => {
    const { logger, parsed } = capture();
    logger.error('fetch https://u:p4ss@h/x failed', { time: 'x', level: 'debug', msg: 'y' });
    expect(parsed()[0]).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'error', msg: `fetch https://${REDACTED}@h/x failed` });
  });

  it('turns errors into name, code and message, and survives cycles and odd values', () => {
    const err = Object.assign(new Error('failed to fetch https://a:b@c/d'), { code: 'SourceFetchFailed', data: { token: 'x' } });
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic['self'] = cyclic;
    expect(redact({ error: err, cyclic, big: 10n, fn: () => 1 })).toEqual({
      error: { name: 'Error', code: 'SourceFetchFailed', message: `failed to fetch https://${REDACTED}@c/d` },
      cyclic: { name: 'a', self: '[circular]' }, big: '10', fn: undefined,
    });
  });

  it('never throws when the writer does', () => {
    const logger = createLogger({ write: () => { throw new Error('EPIPE'); } });
    expect(() => logger.error('x')).not.toThrow();
  });
});
