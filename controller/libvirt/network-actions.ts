import type { DhcpHostEntry } from '../types/plan.js';
import { assertOwned, unchanged, type ActionExecutor } from './action-context.js';
import type { DhcpHostModel } from './network-model.js';
import { parseNetworkXml } from './parse-network.js';
import { missingError, readNetwork } from './read-objects.js';
import { renderDhcpHostXml } from './render-network.js';
import { withUuid } from './with-uuid.js';

/**
 * `network.define`: defines the network (refusing one gitvirt does not own) unless its persistent
 * definition already equals the wanted one, starts it when inactive, sets autostart.
 * created | configured | unchanged.
 */
export const defineNetwork: ActionExecutor<'network.define'> = async ({ name, xml, autostart }, ctx) => {
  const { cmd } = ctx;
  const subject = { kind: 'network', name };
  const live = await readNetwork(cmd, name);
  if (live.exists) assertOwned(ctx, 'network', name, live.owner);
  const done: string[] = [];
  if (!live.exists || JSON.stringify(live.model) !== JSON.stringify(parseNetworkXml(xml))) {
    await cmd.virshWithInput(['net-define', '/dev/stdin'], live.exists ? withUuid(xml, live.uuid) : xml, { ...subject, operation: 'define' });
    done.push(live.exists ? 'redefined' : 'defined');
  }
  if (!live.exists || !live.active) {
    await cmd.virsh(['net-start', '--', name], { ...subject, operation: 'start' });
    done.push('started');
  }
  if (live.exists ? live.autostart !== autostart : autostart) { // a new network starts without autostart
    await cmd.virsh(['net-autostart', ...(autostart ? [] : ['--disable']), '--', name], { ...subject, operation: 'set autostart of' });
    done.push(autostart ? 'autostart on' : 'autostart off');
  }
  if (done.length === 0) return unchanged('network is defined as wanted and active');
  return { result: live.exists ? 'configured' : 'created', message: done.join(', ') };
};

/**
 * `network.update-dhcp`: removes and adds DHCP host reservations of an owned network, live and in
 * its persistent definition; entries already as wanted are skipped. configured | unchanged.
 */
export const updateNetworkDhcp: ActionExecutor<'network.update-dhcp'> = async ({ name, add, remove }, ctx) => {
  const { cmd } = ctx;
  const live = await readNetwork(cmd, name);
  if (!live.exists) throw missingError(cmd, live, 'update DHCP hosts of');
  assertOwned(ctx, 'network', name, live.owner);
  const flags = live.active ? ['--live', '--config'] : ['--config'];
  const hosts = live.model.hosts;
  const toRemove = remove.filter((entry) => hosts.some((h) => sameMac(h, entry) && h.ip === entry.ip));
  const toAdd = add.filter((entry) => !hosts.some((h) => sameMac(h, entry) && h.ip === entry.ip && (h.name ?? null) === (entry.name ?? null)));
  const update = (command: 'add' | 'delete', entry: DhcpHostEntry) =>
    cmd.virsh(['net-update', ...flags, '--', name, command, 'ip-dhcp-host', renderDhcpHostXml(entry)],
      { operation: `${command === 'add' ? 'add' : 'remove'} DHCP host ${entry.mac} ${entry.ip} of`, kind: 'network', name });
  for (const entry of toRemove) await update('delete', entry);
  for (const entry of toAdd) await update('add', entry);
  if (toRemove.length + toAdd.length === 0) return unchanged('DHCP reservations are as wanted');
  return { result: 'configured', message: `${toAdd.length} DHCP reservation(s) added, ${toRemove.length} removed` };
};

/**
 * `network.delete`: stops and undefines a network after checking, right before, that gitvirt owns
 * it. deleted | unchanged (already gone).
 */
export const deleteNetwork: ActionExecutor<'network.delete'> = async ({ name }, ctx) => {
  const { cmd } = ctx;
  const subject = { kind: 'network', name };
  const live = await readNetwork(cmd, name);
  if (!live.exists) return unchanged('network does not exist');
  assertOwned(ctx, 'network', name, live.owner);
  if (live.active) await cmd.virsh(['net-destroy', '--', name], { ...subject, operation: 'stop' });
  await cmd.virsh(['net-undefine', '--', name], { ...subject, operation: 'undefine' });
  return { result: 'deleted', message: live.active ? 'stopped and undefined' : 'undefined' };
};

function sameMac(a: DhcpHostModel, b: DhcpHostEntry): boolean {
  return a.mac.toLowerCase() === b.mac.toLowerCase();
}
