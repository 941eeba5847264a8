import { describe, expect, it } from 'vitest';
import { applyPlan, formatApplyEvent } from '../../../controller/apply/index.js';
import { diffHost } from '../../../controller/diff/index.js';
import { planHost } from '../../../controller/plan/index.js';
import { desiredHost, emptyLive } from '../plan/plan-fixtures.js';
import { FakeFleet, label } from './fake-host-client.js';

describe('applyPlan on a plan from planHost', () => {
  it('runs the planned actions of a new host in plan order and names each target', async () => {
    const desired = desiredHost();
    const live = emptyLive();
    const host = planHost(desired, live, diffHost({ desired, live }), 'c0ffee');
    const fleet = new FakeFleet({ outcome: () => ({ result: 'created' }) });
    const lines: string[] = [];
    const cs = await applyPlan({
      plan: { revision: 'c0ffee', hosts: [host] }, clientFor: fleet.clientFor,
      onEvent: (event) => { const line = formatApplyEvent(event); if (line !== null) lines.push(line.replace(/\(\d+ ms\)/, '(N ms)')); },
    });
    expect(fleet.runsOf(host.host)).toEqual(host.actions.map(label));
    expect(cs.entries.map((e) => e.kind)).toEqual(host.actions.map((a) => a.kind));
    expect(lines[0]).toBe(`hv1  start  (${host.actions.length} actions)`);
    expect(lines).toContain('hv1  domain.define  gvfixture-basic  created  (N ms)');
    expect(lines.at(-1)).toBe(`hv1  done  ${host.actions.length} created`);
    expect(cs.entries.find((e) => e.kind === 'seed.create')?.target).toMatch(/^gvfixture-basic-seed-[0-9a-f]{12}\.iso$/);
  });
});
