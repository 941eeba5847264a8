import type { Change, FieldChange } from '../types/change.js';
import type { DesiredNetwork } from '../types/desired.js';
import type { LiveNetwork } from '../types/live.js';
import { networkModelFromDesired, parseNetworkXml, type NetworkModel } from '../libvirt/index.js';
import { NETWORK_FIELD_CLASSES, classifyField } from './field-classes.js';
import { diffFields, keyed } from './field-diff.js';
import { liveModel, ownerRefOf, unownedConflict } from './live-model.js';
import { worstClass } from './worst-class.js';

/** Inputs of diffNetworks for one host. */
export interface NetworkDiffInput {
  host: string;
  networks: readonly DesiredNetwork[];
  live: readonly LiveNetwork[];
  /** Already parsed live models by network name; parsed from `LiveNetwork.xml` when missing. */
  models?: ReadonlyMap<string, NetworkModel>;
  trustSpecHash?: boolean;
}

/** The model as a tree whose field paths read `hosts[52:54:00:..].ip`, `dhcpRange.start`. */
export function networkTree(model: NetworkModel): Record<string, unknown> {
  const { owner: _owner, name: _name, hosts, ...rest } = model;
  return { ...rest, hosts: keyed(hosts, (host) => host.mac) };
}

/** Field changes turning the live network model into the desired one (owner metadata excluded). */
export function networkFieldChanges(live: NetworkModel, desired: NetworkModel): FieldChange[] {
  return diffFields(networkTree(live), networkTree(desired), NETWORK_FIELD_CLASSES);
}

/** Changes for the libvirt networks of one host; DHCP reservations are `live`, other content `replace`. */
export function diffNetworks(input: NetworkDiffInput): Change[] {
  const byName = new Map(input.live.map((net) => [net.name, net]));
  const changes: Change[] = [];
  for (const net of input.networks) {
    const live = byName.get(net.name);
    const base = { host: input.host, object: 'network' as const, name: net.name };
    if (live === undefined) changes.push({ ...base, type: 'create', fields: [], drift: false, owner: net.owner });
    else if (live.owner === null) changes.push(unownedConflict(base, net.owner));
    else changes.push(updateChange(input, net, live, base));
  }
  const desired = new Set(input.networks.map((net) => net.name));
  for (const live of input.live) {
    if (desired.has(live.name) || live.owner === null) continue;
    changes.push({ host: input.host, object: 'network', name: live.name, type: 'delete', fields: [], drift: false, owner: ownerRefOf(live.owner, 'Network') });
  }
  return changes;
}

function updateChange(input: NetworkDiffInput, net: DesiredNetwork, live: LiveNetwork, base: Pick<Change, 'host' | 'object' | 'name'>): Change {
  const liveHash = live.owner?.specHash ?? '';
  const hashEqual = liveHash === net.specHash;
  let modelFields: FieldChange[] = [];
  if (!(hashEqual && input.trustSpecHash === true)) {
    const model = liveModel(input.models, live, parseNetworkXml);
    if (model !== undefined) modelFields = networkFieldChanges(model, networkModelFromDesired(net, { revision: '' }));
    else if (!hashEqual) modelFields = [field('definition', liveHash, net.specHash)];
  }
  const runtime: FieldChange[] = [];
  if (live.autostart !== net.autostart) runtime.push(field('autostart', live.autostart, net.autostart));
  if (!live.active) runtime.push(field('active', false, true));
  if (!hashEqual) runtime.push(field('owner.specHash', liveHash, net.specHash));
  const fields = [...modelFields, ...runtime];
  const klass = worstClass(fields);
  return {
    ...base,
    type: fields.length > 0 ? 'update' : 'unchanged',
    ...(klass === undefined ? {} : { class: klass }),
    fields,
    drift: hashEqual && (modelFields.length > 0 || live.autostart !== net.autostart),
    owner: net.owner,
  };
}

function field(path: string, from: unknown, to: unknown): FieldChange {
  return { path, from, to, class: classifyField(NETWORK_FIELD_CLASSES, path) };
}
