import type { Diagnostic } from '../../types/diagnostic.js';
import { joinPointer } from '../create-locator.js';
import { where } from '../make-diagnostic.js';
import { at, list, str } from './fields.js';
import { interfaceList } from './interface-list.js';
import { report } from './semantic-context.js';
import type { Entry, SemanticContext } from './semantic-context.js';

interface Owner { entry: Entry; pointer: string; ip?: string }

function describeOwner(owner: Owner): string {
  const what = owner.entry.kind === 'Network' ? `a DHCP reservation of Network "${owner.entry.name}"` : `${owner.entry.kind} "${owner.entry.name}"`;
  return `${what} (${where(owner.entry.locate(owner.pointer))})`;
}

/**
 * Explicit MAC addresses must be unique: across all guest interfaces, and among the reservations of
 * one Network. An interface may use a reserved MAC of its own network, but not with a different `ip`.
 */
export function checkMacCollisions(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const collision = (owner: Owner, mac: string, message: string, hint: string) =>
    out.push(report(owner.entry, owner.pointer, { severity: 'error', code: 'mac-collision', message: `MAC ${mac} ${message}`, hint }));

  const reservations = new Map<string, Owner>();
  for (const net of ctx.valid.Network) {
    list(at(net.value, 'spec', 'dhcp', 'reservations')).forEach((reservation, i) => {
      const mac = str(at(reservation, 'mac'))?.toLowerCase();
      if (mac === undefined) return;
      const owner: Owner = { entry: net, pointer: joinPointer('spec', 'dhcp', 'reservations', i, 'mac') };
      const ip = str(at(reservation, 'ip'));
      if (ip !== undefined) owner.ip = ip;
      const key = `${net.name}\u0000${mac}`;
      const first = reservations.get(key);
      if (first === undefined) reservations.set(key, owner);
      else collision(owner, mac, `is already reserved by ${describeOwner(first)}`, 'reserve each MAC address once per network');
    });
  }

  const interfaces = new Map<string, Owner>();
  for (const iface of interfaceList(ctx)) {
    if (iface.mac === undefined) continue;
    const owner: Owner = { entry: iface.entry, pointer: `${iface.pointer}/mac` };
    if (iface.copies > 1) {
      collision(owner, iface.mac, `would be shared by all ${iface.copies} members of Cluster "${iface.entry.name}"`,
        'remove `mac` from the cluster template; gitvirt derives a stable MAC per member');
      continue;
    }
    const first = interfaces.get(iface.mac);
    if (first === undefined) interfaces.set(iface.mac, owner);
    else collision(owner, iface.mac, `is already used by ${describeOwner(first)}`, 'remove `mac` to get a derived stable MAC, or pick another one');
    const reserved = reservations.get(`${iface.network}\u0000${iface.mac}`);
    if (reserved?.ip !== undefined && iface.ip !== undefined && reserved.ip !== iface.ip) {
      collision(owner, iface.mac, `is reserved for ${reserved.ip} by ${describeOwner(reserved)}, but the interface sets ip ${iface.ip}`,
        'keep either the reservation or the interface ip, with the same address');
    }
  }
  return out;
}
