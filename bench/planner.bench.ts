/**
 * Planner benchmark: `computePlan` (compile with live placement, diff every host, build the plan)
 * for 10,000 VMs on 500 hosts, from live state parsed by the real observe parser out of observe
 * output in the format captured from libvirt 9.0.0, each domain the recorded XML of a gitvirt VM
 * (see bench/lib/planner-observe.ts). Every run checks the plan it got.
 *
 * Cases (each in a fresh process; a case's input is built in its first, untimed warm-up run):
 * - compile only (baseline): `compileManifests` of the same manifests with the converged hosts'
 *   placement and capacities — the part of planning that does not look at live domains;
 * - converged: live state matches desired → no changes, no actions;
 * - drift 1%: 100 VMs' live definitions changed by hand (`setmem --config`) → 100 `domain.define`
 *   (the definition put back) and 100 `domain.set-memory` (the running guest's memory);
 * - cold: 500 empty hosts → every VM created.
 *
 *   npm run bench -- planner [--iterations N] [--warmup N]
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { defineBenchmark } from './lib/benchmark.js';
import { PLANNER_FLEET, fleetHostName, fleetVmName, plannerFleetSources } from './lib/planner-fleet.js';
import { convergedHostOutput, emptyHostOutput, type NodeSize, type ObserveTemplates } from './lib/planner-observe.js';
import { compileManifests } from '../controller/compile/index.js';
import { parseObserveOutput } from '../controller/libvirt/index.js';
import { validateSources } from '../controller/manifests/index.js';
import { computePlan, livePlacement, observedCapacities, type ComputedPlan } from '../controller/reconcile/index.js';
import type { DesiredState } from '../controller/types/desired.js';
import type { LiveDomain, LiveHostState, LiveNetwork } from '../controller/types/live.js';
import type { Manifest } from '../controller/types/manifest.js';
import type { HostObservation } from '../controller/types/plan.js';

const REVISION = '5d41402abc4b2a76b9719d911017c592aa5d2b8e';
const OBSERVED_AT = '2030-01-01T00:00:00.000Z';
/**
 * A 5-CPU, 8 GiB hypervisor: room for 20 of the recorded VM (1 vCPU, 256 MiB maximum) at the 4×
 * CPU overcommit, so the scheduler's best fit fills every host (not 40 hosts with 250 VMs each).
 */
const NODE: NodeSize = { cpus: 5, memoryMiB: 8192 };
/** Every 100th VM drifts: 100 of 10,000. */
const DRIFT_EVERY = 100;

/** The VMs whose live definition was changed by hand in the drift case. */
const DRIFTED: ReadonlySet<string> = new Set(Array.from({ length: PLANNER_FLEET.vms / DRIFT_EVERY }, (_, k) => fleetVmName(k * DRIFT_EVERY)));

/** The inputs a case plans from. */
type InputName = 'cold' | 'converged' | 'drift';

/** What setup gives every case: the manifests and a builder of each case's observed hosts. */
interface Context {
  manifests: readonly Manifest[];
  observed(name: InputName): Record<string, HostObservation>;
  /** How each input was built, printed at the end of the case. */
  notes: string[];
}

const fixture = (path: string) => readFile(new URL(`../test/fixtures/${path}`, import.meta.url), 'utf8');

/** The recorded XML every host is generated from. */
async function templates(): Promise<ObserveTemplates> {
  const engine = JSON.parse(await fixture('engine/converged/observed.json')) as { observed: Record<string, HostObservation> };
  const hv1 = engine.observed['hv1'];
  if (hv1?.ok !== true) throw new Error('the recorded engine scenario has no observation of hv1');
  const domain = hv1.live.domains.find((d: LiveDomain) => d.name === 'web1');
  const network = hv1.live.networks.find((n: LiveNetwork) => n.name === 'gvnet');
  if (domain === undefined || network === undefined) throw new Error('the recorded hv1 has no web1 domain or gvnet network');
  return { populated: await fixture('virsh/observe-populated.txt'), empty: await fixture('virsh/observe-empty.txt'), domain, network };
}

/** Parses one generated observe output with the host client's parser. */
function observation(host: string, text: string): HostObservation {
  const live: LiveHostState = parseObserveOutput(text, { host, observedAt: OBSERVED_AT });
  return { ok: true, live };
}

/** Builds the observed hosts of each input on first use. */
function inventories(manifests: readonly Manifest[], recorded: ObserveTemplates, notes: string[]): Context['observed'] {
  const hosts = Array.from({ length: PLANNER_FLEET.hosts }, (_, i) => fleetHostName(i));
  const built = new Map<InputName, Record<string, HostObservation>>();
  let placed: DesiredState | undefined;
  const timed = <T>(label: string, build: () => T): T => {
    const start = performance.now();
    const value = build();
    notes.push(`${label} in ${(performance.now() - start).toFixed(0)} ms, peak RSS then ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    return value;
  };
  const cold = () => Object.fromEntries(hosts.map((host) => [host, observation(host, emptyHostOutput(recorded, NODE))]));
  const withDomains = (drifted: ReadonlySet<string>) => {
    placed ??= compileManifests({ manifests, revision: REVISION, capacities: observedCapacities(get('cold')) });
    const desired = placed;
    return Object.fromEntries(hosts.map((host) => {
      const state = desired.hosts[host];
      if (state === undefined) throw new Error(`${host} has no desired state`);
      return [host, observation(host, convergedHostOutput(state, { templates: recorded, node: NODE, revision: REVISION, drifted }))];
    }));
  };
  const builders: Record<InputName, () => Record<string, HostObservation>> = {
    cold,
    converged: () => withDomains(new Set()),
    drift: () => withDomains(DRIFTED),
  };
  function get(name: InputName): Record<string, HostObservation> {
    let value = built.get(name);
    if (value === undefined) {
      value = timed(`${name}: ${PLANNER_FLEET.hosts} observe outputs generated and parsed`, builders[name]);
      built.set(name, value);
    }
    return value;
  }
  return get;
}

/** A flat record with its keys sorted (other values as they are), for comparing counts. */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Throws unless `actual` equals `expected`: a benchmark that plans the wrong thing measures nothing. */
function expectEqual(what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(sortedKeys(actual));
  const e = JSON.stringify(sortedKeys(expected));
  if (a !== e) throw new Error(`planner benchmark: ${what}: expected ${e}, got ${a}`);
}

/** Action kinds of a plan with their counts. */
function actionCounts(computed: ComputedPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const host of computed.plan.hosts) for (const action of host.actions) counts[action.kind] = (counts[action.kind] ?? 0) + 1;
  return counts;
}

/** Checks that every VM was placed on a reachable host and nothing was skipped. */
function checkPlaced(computed: ComputedPlan): void {
  expectEqual('unplaced VMs', computed.desired.unplaced.length, 0);
  expectEqual('placed VMs', Object.values(computed.desired.hosts).reduce((n, h) => n + h.vms.length, 0), PLANNER_FLEET.vms);
  expectEqual('error diagnostics', computed.desired.diagnostics.filter((d) => d.severity === 'error').length, 0);
  expectEqual('skipped changes', computed.summary.skipped, 0);
  expectEqual('unreachable hosts', computed.summary.unreachable, 0);
}

/** Domain changes of a plan by type and drift flag. */
function domainChanges(computed: ComputedPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const changes of Object.values(computed.changes)) {
    for (const change of changes) {
      if (change.object !== 'domain') continue;
      const key = `${change.type}${change.drift ? ' (drift)' : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

const plan = (ctx: Context, name: InputName) => computePlan({ manifests: ctx.manifests, revision: REVISION, observed: ctx.observed(name) });
const VMS = PLANNER_FLEET.vms;
const HOSTS = PLANNER_FLEET.hosts;

export const benchmark = defineBenchmark<Context>({
  name: 'planner',
  description: `computePlan for ${VMS.toLocaleString('en')} VMs on ${HOSTS} hosts from parsed observe output (recorded libvirt 9.0.0 XML)`,
  iterations: 5,
  warmup: 1,
  async setup() {
    const validation = validateSources({ sources: plannerFleetSources() });
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`generated manifests are invalid: ${errors.slice(0, 3).map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
    const notes: string[] = [];
    return { manifests: validation.manifests, observed: inventories(validation.manifests, await templates(), notes), notes };
  },
  teardown(ctx) {
    for (const note of ctx.notes) console.log(`     ${note}`);
  },
  cases: [
    {
      name: 'compile only (converged hosts\' placement and capacities)',
      baseline: true,
      run(ctx) {
        const observed = ctx.observed('converged');
        const desired = compileManifests({ manifests: ctx.manifests, revision: REVISION, live: livePlacement(observed), capacities: observedCapacities(observed) });
        expectEqual('unplaced VMs', desired.unplaced.length, 0);
        expectEqual('placed VMs', Object.values(desired.hosts).reduce((n, h) => n + h.vms.length, 0), VMS);
      },
    },
    {
      name: 'converged (no changes)',
      run(ctx) {
        const computed = plan(ctx, 'converged');
        checkPlaced(computed);
        expectEqual('domain changes', domainChanges(computed), { unchanged: VMS });
        expectEqual('changes of any object', Object.values(computed.changes).flat().filter((c) => c.type !== 'unchanged').length, 0);
        expectEqual('actions', actionCounts(computed), {});
      },
    },
    {
      name: `drift 1% (${VMS / DRIFT_EVERY} VMs changed by hand)`,
      run(ctx) {
        const computed = plan(ctx, 'drift');
        checkPlaced(computed);
        expectEqual('domain changes', domainChanges(computed), { unchanged: VMS - VMS / DRIFT_EVERY, 'update (drift)': VMS / DRIFT_EVERY });
        // the definition is put back (define) and the running guest's memory too (set-memory)
        expectEqual('actions', actionCounts(computed), { 'domain.define': VMS / DRIFT_EVERY, 'domain.set-memory': VMS / DRIFT_EVERY });
        const actions = computed.plan.hosts.flatMap((h) => h.actions);
        expectEqual('drift-correcting actions', actions.filter((a) => a.drift).length, 2 * (VMS / DRIFT_EVERY));
        const memory = actions.filter((a) => a.kind === 'domain.set-memory' && a.params.memoryMiB === 128);
        expectEqual('memory put back to 128 MiB on the drifted VMs', memory.map((a) => a.kind === 'domain.set-memory' && a.params.name).sort(), [...DRIFTED].sort());
      },
    },
    {
      name: 'cold (empty hosts, every VM created)',
      run(ctx) {
        const computed = plan(ctx, 'cold');
        checkPlaced(computed);
        expectEqual('domain changes', domainChanges(computed), { create: VMS });
        expectEqual('actions', actionCounts(computed), {
          'domain.define': VMS, 'domain.set-autostart': VMS, 'domain.start': VMS, 'image.fetch': HOSTS,
          'network.define': HOSTS, 'pool.ensure': HOSTS, 'seed.create': VMS, 'volume.create': VMS,
        });
      },
    },
  ],
});
