import type { Change, FieldChange } from '../types/change.js';
import type { DesiredVm } from '../types/desired.js';
import type { LiveDomain } from '../types/live.js';
import { domainModelFromDesired, liveDomainModel, resolveDomainType, type DomainModel } from '../libvirt/index.js';
import { DOMAIN_FIELD_CLASSES, classifyField } from './field-classes.js';
import { diffFields, keyed } from './field-diff.js';
import { wantedState } from './run-strategy.js';
import { worstClass } from './worst-class.js';
import { liveModel, ownerRefOf, unownedConflict } from './live-model.js';

/** Inputs of diffDomains for one host. */
export interface DomainDiffInput {
  host: string;
  vms: readonly DesiredVm[];
  domains: readonly LiveDomain[];
  /** Already parsed live models by domain name; parsed from `LiveDomain.xml` when missing. */
  models?: ReadonlyMap<string, DomainModel>;
  kvm: boolean;
  poolPath: string;
  /** Take an equal spec hash as proof that the definition is unchanged, skipping the model comparison. */
  trustSpecHash?: boolean;
}

/** The model as a tree whose field paths read `disks[vda].bus`, `interfaces[52:54:00:..].model`. */
export function domainTree(model: DomainModel): Record<string, unknown> {
  const { owner: _owner, name: _name, disks, cdroms, interfaces, ...scalars } = model;
  return {
    ...scalars,
    disks: keyed(disks, (disk) => disk.target),
    cdroms: keyed(cdroms, (cdrom) => cdrom.target),
    interfaces: keyed(interfaces, (nic) => nic.mac),
  };
}

/** Field changes turning the live model into the desired one (owner metadata excluded). */
export function domainFieldChanges(live: DomainModel, desired: DomainModel): FieldChange[] {
  return diffFields(domainTree(live), domainTree(desired), DOMAIN_FIELD_CLASSES);
}

/** Changes for the domains of one host: create, update (classified, drift flagged), delete of owned leftovers. */
export function diffDomains(input: DomainDiffInput): Change[] {
  const live = new Map(input.domains.map((domain) => [domain.name, domain]));
  const changes: Change[] = [];
  for (const vm of input.vms) {
    const domain = live.get(vm.name);
    const base = { host: input.host, object: 'domain' as const, name: vm.name };
    if (domain === undefined) {
      changes.push({ ...base, type: 'create', fields: [], drift: false, owner: vm.owner });
    } else if (domain.owner === null) {
      changes.push(unownedConflict(base, vm.owner));
    } else {
      changes.push(updateChange(input, vm, domain, base));
    }
  }
  const desired = new Set(input.vms.map((vm) => vm.name));
  for (const domain of input.domains) {
    if (desired.has(domain.name) || domain.owner === null) continue;
    changes.push({ host: input.host, object: 'domain', name: domain.name, type: 'delete', fields: [], drift: false, owner: ownerRefOf(domain.owner, 'VirtualMachine') });
  }
  return changes;
}

function updateChange(input: DomainDiffInput, vm: DesiredVm, domain: LiveDomain, base: Pick<Change, 'host' | 'object' | 'name'>): Change {
  const liveHash = domain.owner?.specHash ?? '';
  const hashEqual = liveHash === vm.specHash;
  let modelFields: FieldChange[] = [];
  if (!(hashEqual && input.trustSpecHash === true)) {
    const model = liveModel(input.models, domain, (xml) => liveDomainModel(domain, xml));
    if (model !== undefined) {
      const ctx = { domainType: resolveDomainType(vm.domainType, input.kvm), poolPath: input.poolPath, revision: '' };
      modelFields = domainFieldChanges(model, domainModelFromDesired(vm, ctx));
    } else if (!hashEqual) {
      modelFields = [{ path: 'definition', from: liveHash, to: vm.specHash, class: classifyField(DOMAIN_FIELD_CLASSES, 'definition') }];
    }
  }
  const runtime: FieldChange[] = [];
  if (domain.autostart !== vm.autostart) runtime.push(field('autostart', domain.autostart, vm.autostart));
  const state = wantedState(vm.runStrategy, domain.state);
  if (state !== null) runtime.push(field('state', domain.state, state));
  if (!hashEqual) runtime.push(field('owner.specHash', liveHash, vm.specHash));
  const fields = [...modelFields, ...runtime];
  const changed = fields.length > 0;
  const klass = worstClass(fields);
  return {
    ...base,
    type: changed ? 'update' : 'unchanged',
    ...(klass === undefined ? {} : { class: klass }),
    fields,
    drift: hashEqual && (modelFields.length > 0 || domain.autostart !== vm.autostart),
    owner: vm.owner,
  };
}

function field(path: string, from: unknown, to: unknown): FieldChange {
  return { path, from, to, class: classifyField(DOMAIN_FIELD_CLASSES, path) };
}
