import { describe, expect, it } from 'vitest';
import { formatPlanJson } from '../../../controller/cli/format/plan-json.js';
import { fenced, formatPlanMarkdown, markdownText } from '../../../controller/cli/format/plan-markdown.js';
import { buildPlanReport, type PlanReport } from '../../../controller/cli/format/plan-report.js';
import { actionSymbol, objectSymbol } from '../../../controller/cli/format/plan-symbols.js';
import { formatPlanText } from '../../../controller/cli/format/plan-text.js';
import { shortRevision, valueText } from '../../../controller/cli/format/plan-values.js';
import { plannedResult, withUnreachable } from '../reconcile/recorded.js';
import { scenario } from '../reconcile/recorded.js';

const report = async (name: Parameters<typeof plannedResult>[0], options: Parameters<typeof plannedResult>[1] = {}) => buildPlanReport(await plannedResult(name, options));
const block = (text: string, first: string) => {
  const lines = text.split('\n');
  const start = lines.indexOf(first);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
};

describe('text plan', () => {
  it('shows each host with its objects, symbols, field changes and actions, then the object counts', async () => {
    const text = formatPlanText(await report('changes'));
    expect(text.split('\n')[0]).toBe('gitvirt plan for revision e2e (3 hosts)');
    expect(block(text, 'hv2: 0 to add, 1 to change, 1 to destroy')).toEqual([
      'hv2: 0 to add, 1 to change, 1 to destroy',
      '  ↻ VirtualMachine web2',
      '        vcpus: 1 → 2 (restart)',
      '        maxVcpus: 1 → 2 (restart)',
      '      ~ domain.define: restart change: vcpus, maxVcpus, owner.specHash',
      '      ↻ domain.restart: restart needed for vcpus, maxVcpus',
      '  - VirtualMachine tmp1',
      '      - domain.delete: no longer in the repository',
      expect.stringMatching(/^ {6}~ volume\.delete tmp1-seed-[0-9a-f]{12}\.iso: cloud-init seed no longer used$/),
    ]);
    expect(block(text, 'hv1: 2 to add, 1 to change, 1 to destroy')).toEqual(expect.arrayContaining([
      '  + Image guest2',
      '  -/+ VirtualMachine db1',
      '        disks[vda].origin: "overlay:guest" → "overlay:guest2" (replace)',
      '      - volume.delete db1-root.qcow2: disk root is recreated from image guest2',
      '  ~ VirtualMachine web1',
      '        memoryMiB: 128 → 192 (live)',
      '        disks[vda].iotune.totalIopsSec: (none) → 500 (live)',
      '      ~ domain.set-memory: memory 192 MiB',
    ]));
    expect(text).toMatch(/^hv3: no changes$/m);
    expect(text.trimEnd().split('\n').pop()).toBe('Plan: 2 to add, 2 to change, 2 to destroy.');
    expect(text).not.toMatch(/\u001b/);
  });

  it('says so when nothing changes', async () => {
    const text = formatPlanText(await report('converged'));
    expect(text).toMatch(/^hv1: no changes$/m);
    expect(text.trimEnd().split('\n').pop()).toBe('No changes: the hosts match revision e2e.');
  });

  it('marks drift', async () => {
    const text = formatPlanText(await report('drift'));
    expect(text).toMatch(/^ {2}~ VirtualMachine web1 {2}\(drift: changed on the host by hand\)$/m);
    expect(text).toMatch(/^ {8}memoryMiB: 160 → 192 \(live\)$/m);
  });

  it('lists unreachable hosts with the reason and counts them', async () => {
    const s = await scenario('changes');
    const text = formatPlanText(await report('changes', { observed: withUnreachable(s.observed, 'hv3') }));
    expect(text).toMatch(/^hv3: unreachable: failed to connect to hv3 \(10\.77\.3\.2:22\): connection refused; is sshd running/m);
    expect(text.trimEnd().split('\n').pop()).toBe('Plan: 2 to add, 2 to change, 2 to destroy; 1 host unreachable.');
    const down = ['hv1', 'hv2', 'hv3'].reduce((observed, host) => withUnreachable(observed, host), s.observed);
    const none = formatPlanText(await report('converged', { observed: down }));
    expect(none).toMatch(/^Brake engaged \(TooManyHostsUnreachable\): 3 of 3 hosts are unreachable/m);
    expect(none).toMatch(/^ {2}bring the hosts back, or limit the run to the reachable hosts with --host$/m);
    expect(none.trimEnd().split('\n').pop()).toBe('No changes can run; 3 hosts unreachable; brake engaged (TooManyHostsUnreachable).');
  });

  it('shows the brake, what it held back, and the flag that overrides it', async () => {
    const text = formatPlanText(await report('empty'));
    expect(text).toMatch(/^ {6}VirtualMachine web1: BrakeEngaged: domain\.delete of VirtualMachine web1 held back: /m);
    expect(text).toMatch(/^Brake engaged \(EmptyDesiredState\): the repository describes no VMs or networks/m);
    expect(text).toMatch(/^ {2}if removing everything gitvirt owns is intended, run again with --allow-empty$/m);
    expect(text.trimEnd().split('\n').pop()).toBe('No changes can run; brake engaged (EmptyDesiredState), 6 changes held back.');
    const capped = formatPlanText(await report('changes', { policy: { maxDeletions: 1 } }));
    expect(capped).toMatch(/run again with --max-deletions 2$/m);
  });

  it('colours symbols on request and makes control characters in names and reasons visible', async () => {
    const base = await report('changes');
    expect(formatPlanText(base, { color: true })).toMatch(/\u001b\[1;32m\+\u001b\[0m/);
    const hostile: PlanReport = {
      ...base,
      hosts: base.hosts.map((h) => ({ ...h, objects: h.objects.map((o) => ({ ...o, actions: o.actions.map((a) => ({ ...a, reason: 'bad\u001b[2Jreason\nforged line' })) })) })),
    };
    const text = formatPlanText(hostile);
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('bad\\u001b[2Jreason\\u000aforged line');
  });

  it('explains an invalid repository instead of a plan', () => {
    const text = formatPlanText(buildPlanReport({
      outcome: 'invalid', reason: 'the manifests have errors', revision: 'local', observed: {},
      diagnostics: [{ severity: 'error', code: 'schema', message: 'must be >= 64', file: 'vms/web.yaml', line: 12, column: 5, path: '/spec/memoryMiB' }],
    }));
    expect(text).toBe('vms/web.yaml:12:5 /spec/memoryMiB: error: must be >= 64\n\nNo plan: the manifests have errors.\n');
  });
});

describe('markdown plan', () => {
  it('has the verdict, a table of hosts and collapsible diff details per changed host', async () => {
    const md = formatPlanMarkdown(await report('changes'));
    const lines = md.split('\n');
    expect(lines.slice(0, 3)).toEqual(['### gitvirt plan · `e2e`', '', '**Plan: 2 to add, 2 to change, 2 to destroy.**']);
    expect(lines).toEqual(expect.arrayContaining([
      '| Host | Add | Change | Destroy | Skipped | Status |',
      '| hv1 | 2 | 1 | 1 | 0 | changes |',
      '| hv3 | 0 | 0 | 0 | 0 | no changes |',
      '<details><summary><b>hv2</b>: 0 to add, 1 to change, 1 to destroy</summary>',
      '```diff',
      '! ↻ VirtualMachine web2',
      '!       vcpus: 1 → 2 (restart)',
      '!     ↻ domain.restart: restart needed for vcpus, maxVcpus',
      '- - VirtualMachine tmp1',
      '-     - domain.delete: no longer in the repository',
      '+ + Image guest2',
    ]));
    expect(md).not.toContain('<b>hv3</b>');
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('quotes the brake, lists unreachable hosts in the table and skipped changes per host', async () => {
    const s = await scenario('empty');
    const md = formatPlanMarkdown(await report('empty', { observed: withUnreachable(s.observed, 'hv3') }));
    expect(md).toMatch(/^> \*\*Brake engaged \(EmptyDesiredState\):\*\* the repository describes no VMs/m);
    expect(md).toMatch(/^> if removing everything gitvirt owns is intended, run again with --allow-empty$/m);
    expect(md).toMatch(/^\| hv3 \| – \| – \| – \| – \| ⚠️ unreachable: failed to connect to hv3 \(10\.77\.3\.2:22\): connection refused; is sshd running/m);
    expect(md).toMatch(/^- `VirtualMachine web1` \*\*BrakeEngaged\*\*: domain\.delete of VirtualMachine web1 held back: /m);
  });

  it('escapes text so that a value cannot inject HTML, links or table cells', () => {
    expect(markdownText('<script>a|b</script> [x](y) *z*')).toBe('&lt;script&gt;a\\|b&lt;/script&gt; \\[x\\](y) \\*z\\*');
    expect(markdownText('two\nlines')).toBe('two lines');
    expect(fenced('diff', ['a ``` b', 'c'])).toEqual(['````diff', 'a ``` b', 'c', '````']);
    expect(fenced('', ['plain'])).toEqual(['```', 'plain', '```']);
  });
});

describe('JSON plan', () => {
  it('is the report with a version, and carries no action parameters (no XML, no cloud-init data)', async () => {
    const base = await report('changes');
    const json = JSON.parse(formatPlanJson(base)) as { version: number } & PlanReport;
    expect(json.version).toBe(1);
    expect(json.summary).toEqual(base.summary);
    expect(json.hosts.map((h) => [h.host, h.reachable, h.counts])).toEqual([
      ['hv1', true, { add: 2, change: 1, destroy: 1 }], ['hv2', true, { add: 0, change: 1, destroy: 1 }], ['hv3', true, { add: 0, change: 0, destroy: 0 }],
    ]);
    const text = formatPlanJson(base);
    expect(text).not.toMatch(/"params"|"xml"|cloud-config|instance-id/);
  });
});

describe('symbols and values', () => {
  it('derive an object symbol from its actions, worst first', () => {
    const a = (kind: Parameters<typeof actionSymbol>[0]['kind'], creates = false, destructive = kind.endsWith('.delete')) =>
      ({ kind, symbol: actionSymbol({ kind, destructive }, creates) });
    expect(objectSymbol([a('domain.define', true), a('domain.start', true)])).toBe('+');
    expect(objectSymbol([a('domain.define'), a('domain.set-memory')])).toBe('~');
    expect(objectSymbol([a('domain.define'), a('domain.restart')])).toBe('↻');
    expect(objectSymbol([a('volume.delete'), a('volume.create'), a('domain.define')])).toBe('-/+');
    expect(objectSymbol([a('network.delete'), a('network.define', true)])).toBe('-/+');
    expect(objectSymbol([a('domain.delete'), a('volume.delete')])).toBe('-');
    expect(objectSymbol([a('seed.create'), a('volume.delete', false, false), a('domain.define')])).toBe('~');
  });

  it('render values and revisions compactly', () => {
    expect([valueText(3), valueText(true), valueText('x'), valueText(undefined), valueText(null), valueText({ a: 1 })]).toEqual(['3', 'true', '"x"', '(none)', '(none)', '{"a":1}']);
    expect(valueText('y'.repeat(300))).toHaveLength(120);
    expect(shortRevision('0123456789abcdef0123456789abcdef01234567')).toBe('0123456789ab');
    expect(shortRevision('0123456789abcdef0123456789abcdef01234567-dirty')).toBe('0123456789ab-dirty');
    expect(shortRevision('local')).toBe('local');
  });
});
