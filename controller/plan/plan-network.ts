import { parseNetworkXml, renderNetworkXml } from '../libvirt/index.js';
import type { Change } from '../types/change.js';
import type { DesiredNetwork } from '../types/desired.js';
import type { LiveNetwork } from '../types/live.js';
import type { Action, DhcpHostEntry } from '../types/plan.js';
import { makeAction, type ActionScope } from './make-action.js';

/** What planning one desired network needs. */
export interface NetworkPlanInput {
  host: string;
  network: DesiredNetwork;
  live: LiveNetwork | undefined;
  change: Change | undefined;
  revision: string;
}

/** Plans one desired network: define and start it, update DHCP reservations live, or replace it. */
export function planNetwork(input: NetworkPlanInput): Action[] {
  const { network, live, change } = input;
  const scope: ActionScope = { host: input.host, owner: network.owner, drift: change?.drift ?? false };
  const define = (reason: string) =>
    makeAction(scope, 'network.define', reason, {
      name: network.name,
      xml: renderNetworkXml(network, { revision: input.revision }),
      autostart: network.autostart,
    });
  if (live === undefined) return [define('network does not exist')];
  if (change?.type === 'update' && change.class !== 'live') {
    const fields = change.fields.map((f) => f.path).join(', ');
    return [
      makeAction(scope, 'network.delete', `network settings changed (${fields}); libvirt cannot change them in place`, { name: network.name }),
      define(`recreated with new settings (${fields}); guests on it reconnect at their next restart`),
    ];
  }
  if (!live.active || live.autostart !== network.autostart) {
    return [define(live.active ? `autostart should be ${network.autostart ? 'on' : 'off'}` : 'network is not active')];
  }
  if (change?.type !== 'update') return [];
  const { add, remove } = dhcpHostDelta(network, live);
  if (add.length + remove.length === 0) return [];
  return [makeAction(scope, 'network.update-dhcp', `DHCP reservations: ${add.length} to add, ${remove.length} to remove`, {
    name: network.name, add, remove,
  })];
}

/** DHCP reservations to add to and remove from a live network so it matches the desired one. */
export function dhcpHostDelta(network: DesiredNetwork, live: LiveNetwork): { add: DhcpHostEntry[]; remove: DhcpHostEntry[] } {
  const liveHosts = live.xml === undefined ? [] : parseNetworkXml(live.xml).hosts;
  const key = (h: DhcpHostEntry) => `${h.mac.toLowerCase()}|${h.ip}|${h.name ?? ''}`;
  const desired = (network.dhcp?.hosts ?? []).map((h) => ({ mac: h.mac.toLowerCase(), ip: h.ip, name: h.name ?? null }));
  const desiredKeys = new Set(desired.map(key));
  const liveKeys = new Set(liveHosts.map(key));
  return {
    add: desired.filter((h) => !liveKeys.has(key(h))),
    remove: liveHosts.filter((h) => !desiredKeys.has(key(h))),
  };
}
