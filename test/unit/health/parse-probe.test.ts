import { describe, expect, it } from 'vitest';
import { judgeProbe, parseProbeOutput, type HealthProbe } from '../../../controller/health/index.js';

const HTTP: HealthProbe = { http: { port: 80, path: '/health', expectStatus: 200 } };

describe('parseProbeOutput', () => {
  it.each([
    ['connected\n', 0, { kind: 'connected' }],
    ['status 204\n', 0, { kind: 'status', code: 204 }],
    ['connect-failed No route to host\n', 2, { kind: 'connect-failed', error: 'No route to host' }],
    ['timeout\n', 3, { kind: 'timeout' }],
    ['no-response\n', 4, { kind: 'no-response' }],
    ['bad-response garbage\n', 4, { kind: 'bad-response', line: 'garbage' }],
  ] as const)('reads %j', (stdout, code, outcome) => {
    expect(parseProbeOutput(stdout, '', code)).toEqual(outcome);
  });

  it('tells a missing perl from another failure', () => {
    expect(parseProbeOutput('', 'sh: 1: perl: not found\n', 127)).toEqual({ kind: 'no-perl' });
    expect(parseProbeOutput('', 'Can\'t locate IO/Socket/IP.pm in @INC\nBEGIN failed\n', 2)).toEqual({ kind: 'failed', error: 'BEGIN failed' });
    expect(parseProbeOutput('', '', 9)).toEqual({ kind: 'failed', error: 'probe exited with code 9' });
  });
});

describe('judgeProbe', () => {
  it('says what was probed and why it is not healthy', () => {
    expect(judgeProbe(HTTP, '10.0.0.5', { kind: 'no-perl' }, 3)).toEqual({
      status: 'unknown', reason: 'cannot probe from the host: perl is not installed there',
    });
    expect(judgeProbe(HTTP, '10.0.0.5', { kind: 'no-response' }, 3)).toEqual({
      status: 'unhealthy', reason: 'http GET http://10.0.0.5:80/health got no response',
    });
    expect(judgeProbe({ tcp: { port: 22 } }, '10.0.0.5', { kind: 'timeout' }, 3)).toEqual({
      status: 'unhealthy', reason: 'tcp connect 10.0.0.5:22 timed out after 3 s',
    });
  });
});
