/** Members the rollout holds back: skipped with RolloutPending in the plan, in plan output and in what apply records. */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../controller/apply/index.js';
import { buildPlanReport } from '../../../controller/cli/format/plan-report.js';
import { formatPlanJson } from '../../../controller/cli/format/plan-json.js';
import { formatPlanMarkdown } from '../../../controller/cli/format/plan-markdown.js';
import { formatPlanText } from '../../../controller/cli/format/plan-text.js';
import { summarizePlan } from '../../../controller/plan/index.js';
import { clusterStrategies, gateRollouts } from '../../../controller/rollout/index.js';
import type { ActionOutcome } from '../../../controller/types/host-client.js';
import { allAt, cluster, health, observe, planFor, resources, T0 } from './rollout-fixtures.js';

/** The gated plan of template v2 over members all on v1: web-zone-a-0 released, the other three held. */
function gated() {
  const observed = observe(allAt(1));
  const computed = planFor(cluster(2), observed);
  const result = gateRollouts({
    plan: computed.plan, desired: computed.desired, observed, strategies: clusterStrategies(resources(cluster(2))), health: health(), now: T0,
  });
  const plan = result.plan;
  return { observed, computed: { ...computed, plan, summary: summarizePlan(plan) }, result };
}

describe('held cluster members', () => {
  it('are counted as skipped in the plan summary, and do not count as changes', () => {
    const { computed } = gated();
    expect(computed.summary).toMatchObject({ skipped: 3, change: 2, changes: true });
  });

  it('appear in plan output as skipped with reason RolloutPending and why', () => {
    const { observed, computed } = gated();
    const report = buildPlanReport({ outcome: 'planned', revision: 'r', diagnostics: [], observed, computed });
    const text = formatPlanText(report, { color: false });
    expect(text).toContain('VirtualMachine web-zone-a-1: RolloutPending: domain.restart of web-zone-a-1 waits for its turn in zone zone-a (at most 1 unavailable at once)');
    expect(text).toContain('VirtualMachine web-zone-b-0: RolloutPending: domain.restart of web-zone-b-0 waits for zone zone-a of cluster web to finish');
    const vms = report.hosts.flatMap((h) => h.objects.filter((o) => o.owner.kind === 'VirtualMachine').map((o) => o.owner.name));
    expect(vms).toEqual(['web-zone-a-0']);
    const markdown = formatPlanMarkdown(report);
    expect(markdown).toContain('`VirtualMachine web-zone-b-1` **RolloutPending**: domain.restart of web-zone-b-1 waits for zone zone-a of cluster web to finish');
    const json = JSON.parse(formatPlanJson(report)) as { hosts: { skipped: { reason: string; owner: { name: string } }[] }[] };
    expect(json.hosts.flatMap((h) => h.skipped.map((s) => `${s.reason} ${s.owner.name}`)).sort())
      .toEqual(['RolloutPending web-zone-a-1', 'RolloutPending web-zone-b-0', 'RolloutPending web-zone-b-1']);
  });

  it('are recorded by apply as skipped domain.restart entries, while the released member runs', async () => {
    const { computed } = gated();
    const ran: string[] = [];
    const changeSet = await applyPlan({
      plan: computed.plan,
      clientFor: (host) => ({
        host,
        observe: () => Promise.reject(new Error('not used')),
        run: async (action): Promise<ActionOutcome> => (ran.push(`${action.kind} ${action.owner.name}`), { result: 'configured' }),
      }),
    });
    expect(ran.filter((r) => r.startsWith('domain.'))).toEqual(['domain.define web-zone-a-0', 'domain.restart web-zone-a-0']);
    const skipped = changeSet.entries.filter((e) => e.result === 'skipped');
    expect(skipped.map((e) => [e.kind, e.owner.name, e.reason]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      ['domain.restart', 'web-zone-a-1', 'RolloutPending'],
      ['domain.restart', 'web-zone-b-0', 'RolloutPending'],
      ['domain.restart', 'web-zone-b-1', 'RolloutPending'],
    ]);
    expect(skipped[0]!.message).toMatch(/^domain\.restart of web-zone-[ab]-[01] waits for /);
  });
});
