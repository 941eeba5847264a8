import { describe, expect, it } from 'vitest';
import { diffHost } from '../../../controller/diff/index.js';
import { parseDomainXml, renderDomainXml } from '../../../controller/libvirt/index.js';
import { planHost } from '../../../controller/plan/index.js';
import { PRUNE_SHUTDOWN_TIMEOUT_SECONDS } from '../../../controller/plan/plan-prune.js';
import type { DesiredHostState } from '../../../controller/types/desired.js';
import type { LiveHostState } from '../../../controller/types/live.js';
import { CTX } from '../../fixtures/libvirt/cases.js';
import { capturedXml, convergedLive, desiredHost, liveDomain, vm } from './plan-fixtures.js';

/** The plan of one host from its diff. */
function plan(desired: DesiredHostState, live: LiveHostState) {
  return planHost(desired, live, diffHost({ desired, live }), 'r2');
}

/** A live host running `removed` (its domain XML as gitvirt rendered it) besides everything desired. */
function withRemovedVm(desired: DesiredHostState, xml: string): LiveHostState {
  const live = convergedLive(desired);
  const model = parseDomainXml(xml);
  live.domains.push(liveDomain(model.name, 'running', { owner: model.owner, xml }));
  return live;
}

/** The timeout of the domain.delete of `name`. */
function deleteTimeout(desired: DesiredHostState, live: LiveHostState, name: string): number | undefined {
  const action = plan(desired, live).actions.find((a) => a.kind === 'domain.delete' && a.params.name === name);
  return action?.kind === 'domain.delete' ? action.params.timeoutSeconds : undefined;
}

describe('pruning a removed VM', () => {
  it('gives its domain the shutdownTimeoutSeconds recorded from the VM', () => {
    const desired = desiredHost();
    const removed = vm('gvfixture-full', { shutdownTimeoutSeconds: 15 });
    expect(deleteTimeout(desired, withRemovedVm(desired, renderDomainXml(removed, CTX)), 'gvfixture-full')).toBe(15);
    const patient = vm('gvfixture-full', { shutdownTimeoutSeconds: 600 });
    expect(deleteTimeout(desired, withRemovedVm(desired, renderDomainXml(patient, CTX)), 'gvfixture-full')).toBe(600);
  });

  it('falls back to the default for a domain whose owner metadata records none (captured before it was recorded)', () => {
    const desired = desiredHost();
    const live = withRemovedVm(desired, capturedXml('domain/gvfixture-full.inactive.xml'));
    expect(PRUNE_SHUTDOWN_TIMEOUT_SECONDS).toBe(60);
    expect(deleteTimeout(desired, live, 'gvfixture-full')).toBe(PRUNE_SHUTDOWN_TIMEOUT_SECONDS);
  });
});

describe('a domain written before shutdownTimeoutSeconds was recorded', () => {
  it('is not planned as changed when its VM has its own shutdown time', () => {
    const desired = desiredHost([vm('gvfixture-basic', { shutdownTimeoutSeconds: 20 })]);
    const live = convergedLive(desired);
    const xml = capturedXml('domain/gvfixture-basic.inactive.xml');
    expect(xml).not.toContain('shutdownTimeoutSeconds');
    live.domains = live.domains.map((d) => ({ ...d, owner: { ...parseDomainXml(xml).owner!, specHash: desired.vms[0]!.specHash }, xml }));
    const change = diffHost({ desired, live }).find((c) => c.object === 'domain' && c.name === 'gvfixture-basic');
    expect(change).toMatchObject({ type: 'unchanged', fields: [], drift: false });
    expect(plan(desired, live).actions).toEqual([]);
  });
});
