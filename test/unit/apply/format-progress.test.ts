import { describe, expect, it } from 'vitest';
import { formatApplyEvent, formatChangeSetSummary, formatDuration, formatEntry, type ChangeSetEntry } from '../../../controller/apply/index.js';
import { act } from './plans.js';

const entry = (extra: Partial<ChangeSetEntry>): ChangeSetEntry => ({
  host: 'hv1', kind: 'domain.define', owner: { kind: 'VirtualMachine', name: 'web-1' }, reason: 'domain does not exist', drift: false,
  result: 'configured', durationMs: 120, target: 'web-1', ...extra,
});

describe('formatEntry', () => {
  it('prints host, kind, target, result and duration', () => {
    expect(formatEntry(entry({}))).toBe('hv1  domain.define  web-1  configured  (120 ms)');
    expect(formatEntry(entry({ result: 'created', durationMs: 2345, message: 'defined' }))).toBe('hv1  domain.define  web-1  created  (2.3 s)  defined');
  });

  it('prints the error of a failed action on the same line', () => {
    const failed = entry({ result: 'failed', durationMs: 12, error: { code: 'LibvirtOperationFailed', message: 'failed to define domain web-1:\nerror: XML error\r\n' } });
    expect(formatEntry(failed)).toBe('hv1  domain.define  web-1  failed  (12 ms)  LibvirtOperationFailed: failed to define domain web-1: error: XML error');
  });

  it('prints why an entry was skipped, with the plan\'s message for plan skips', () => {
    expect(formatEntry(entry({ result: 'skipped', reason: 'cancelled', message: 'not run (planned because x)', durationMs: 0 }))).toBe('hv1  domain.define  web-1  skipped  cancelled');
    expect(formatEntry(entry({ result: 'skipped', reason: 'an earlier action on this host failed: volume.create web-1-root.qcow2', durationMs: 0 })))
      .toBe('hv1  domain.define  web-1  skipped  an earlier action on this host failed: volume.create web-1-root.qcow2');
    expect(formatEntry(entry({ kind: 'domain.delete', target: undefined, owner: { kind: 'VirtualMachine', name: 'db-1' }, result: 'skipped', reason: 'DeletionProtected', message: 'has deletionProtection', durationMs: 0 })))
      .toBe('hv1  domain.delete  db-1  skipped  DeletionProtected: has deletionProtection');
  });

  it('pads host and kind columns when asked', () => {
    expect(formatEntry(entry({}), { hostWidth: 5, kindWidth: 22 })).toBe('hv1    domain.define           web-1  configured  (120 ms)');
  });
});

describe('formatApplyEvent', () => {
  it('prints host start and end lines, and action starts only when asked', () => {
    const action = act('hv1', 'image.fetch', 'debian');
    expect(formatApplyEvent({ type: 'host-start', host: 'hv1', actions: 1 })).toBe('hv1  start  (1 action)');
    expect(formatApplyEvent({ type: 'action-start', host: 'hv1', action })).toBeNull();
    expect(formatApplyEvent({ type: 'action-start', host: 'hv1', action }, { starts: true })).toBe('hv1  image.fetch  ...');
    expect(formatApplyEvent({ type: 'action-end', host: 'hv1', action: act('hv1', 'domain.define', 'web-1'), entry: entry({}) })).toBe('hv1  domain.define  web-1  configured  (120 ms)');
    const entries = [entry({}), entry({ result: 'created' }), entry({ result: 'created' })];
    expect(formatApplyEvent({ type: 'host-end', host: 'hv1', result: { host: 'hv1', ok: true }, entries })).toBe('hv1  done  2 created, 1 configured');
    expect(formatApplyEvent({ type: 'host-end', host: 'hv2', result: { host: 'hv2', ok: true }, entries: [] })).toBe('hv2  done  nothing to do');
    expect(formatApplyEvent({ type: 'host-end', host: 'hv2', result: { host: 'hv2', ok: false, error: { code: 'HostUnreachable', message: 'connect\nrefused' } }, entries: [] }))
      .toBe('hv2  failed  nothing to do  HostUnreachable: connect refused');
  });
});

describe('formatChangeSetSummary', () => {
  it('names the revision, the counts, hosts that did not finish and the brake', () => {
    expect(formatChangeSetSummary({
      revision: 'abc123', entries: [entry({}), entry({ host: 'hv2', result: 'failed', error: { code: 'X', message: 'y' } })],
      hosts: [{ host: 'hv1', ok: true }, { host: 'hv2', ok: false, error: { code: 'X', message: 'y' } }],
      brake: { code: 'TooManyDeletions', message: 'too many' },
    })).toBe('applied abc123: 1 configured, 1 failed; hosts not finished: hv2; brake engaged (TooManyDeletions)');
  });

  it('formats durations in ms below a second and in seconds above', () => {
    expect([formatDuration(0), formatDuration(999.4), formatDuration(1000), formatDuration(61_250)]).toEqual(['0 ms', '999 ms', '1.0 s', '61.3 s']);
  });
});
