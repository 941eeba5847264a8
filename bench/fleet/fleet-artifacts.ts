import { createHash } from 'node:crypto';
import { computePlan } from '../../controller/reconcile/compute-plan.js';
import type { Action, ActionParams, HostObservation } from '../../controller/types/plan.js';
import type { Resource } from '../../controller/types/resources.js';

/**
 * One domain as gitvirt would define it on an empty host. `pinnedXml` is the same XML with a fixed
 * `<uuid>`, as a playbook or a script keeps it: libvirt redefines an existing domain only from XML
 * that names its UUID (community.libvirt's `define` otherwise ignores the change silently).
 */
export interface DomainArtifact { name: string; xml: string; pinnedXml: string; autostart: boolean; memoryMiB: number }

/** A UUID derived from the domain name, stable across runs. */
export function stableUuid(name: string): string {
  const h = createHash('sha256').update(`gitvirt-bench:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The domain XML with `<uuid>` right after `<name>`. */
function pinUuid(xml: string, name: string): string {
  const at = xml.indexOf('</name>');
  if (at < 0) throw new Error(`domain XML of ${name} has no <name>`);
  return `${xml.slice(0, at + 7)}\n  <uuid>${stableUuid(name)}</uuid>${xml.slice(at + 7)}`;
}

/** What one host gets: gitvirt's own pool, network, volume and domain definitions. */
export interface HostArtifacts {
  host: string;
  pool: ActionParams['pool.ensure'];
  networks: ActionParams['network.define'][];
  volumes: ActionParams['volume.create'][];
  domains: DomainArtifact[];
}

/** An empty, reachable host as observe would report it. */
function emptyHost(host: string, kvm: boolean): HostObservation {
  return { ok: true, live: { host, observedAt: new Date(0).toISOString(), node: { cpus: 2, memoryMiB: 24_576 }, kvm, domains: [], networks: [], pools: [], volumes: [] } };
}

/** The params of the actions of one kind. */
function paramsOf<K extends Action['kind']>(actions: readonly Action[], kind: K): ActionParams[K][] {
  return actions.filter((a) => a.kind === kind).map((a) => a.params as ActionParams[K]);
}

/**
 * The XML and volumes gitvirt itself would create on empty hosts for `resources`, computed by
 * gitvirt's own planner, so the Ansible playbook and the virsh floor define exactly the same
 * objects. Pure.
 */
export function fleetArtifacts(args: { resources: readonly Resource[]; hosts: readonly string[]; kvm: boolean }): HostArtifacts[] {
  const observed = Object.fromEntries(args.hosts.map((h) => [h, emptyHost(h, args.kvm)]));
  const { plan, desired } = computePlan({ resources: args.resources, revision: 'bench', observed });
  const errors = desired.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the benchmark fleet does not compile: ${errors.map((d) => d.message).join('; ')}`);
  return plan.hosts.map((hostPlan) => {
    const pool = paramsOf(hostPlan.actions, 'pool.ensure')[0];
    if (pool === undefined) throw new Error(`no pool planned for ${hostPlan.host}`);
    const autostart = new Set(paramsOf(hostPlan.actions, 'domain.set-autostart').filter((p) => p.enabled).map((p) => p.name));
    const vms = new Map((desired.hosts[hostPlan.host]?.vms ?? []).map((vm) => [vm.name, vm]));
    return {
      host: hostPlan.host,
      pool,
      networks: paramsOf(hostPlan.actions, 'network.define'),
      volumes: paramsOf(hostPlan.actions, 'volume.create'),
      domains: paramsOf(hostPlan.actions, 'domain.define').map((d) => ({
        name: d.name, xml: d.xml, pinnedXml: pinUuid(d.xml, d.name), autostart: autostart.has(d.name), memoryMiB: vms.get(d.name)?.memoryMiB ?? 0,
      })),
    };
  });
}
