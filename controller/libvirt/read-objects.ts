import type { DomainState, OwnerMeta } from '../types/live.js';
import type { DomainModel } from './domain-model.js';
import { explainLibvirtError } from './errors.js';
import type { LibvirtErrorReason } from './error-table.js';
import type { HostCommands, VirshBatchResult } from './host-commands.js';
import { LibvirtCommandError } from './host-client-errors.js';
import type { NetworkModel } from './network-model.js';
import { parseDomainXml } from './parse-domain.js';
import { parseNetworkXml } from './parse-network.js';
import { parsePoolXml } from './parse-storage.js';
import { parseDomainState, parseKeyValueLines } from './parse-virsh.js';
import { virshQuote } from './virsh-quote.js';

/** An object libvirt says does not exist, with libvirt's words. */
export interface Missing { exists: false; name: string; kind: string; stderr: string }

/** A domain as read right before an action changes it. */
export type DomainSnapshot =
  | Missing
  | {
    exists: true; name: string; uuid: string; state: DomainState; autostart: boolean; owner: OwnerMeta | null;
    /** Persistent definition. */
    inactive: DomainModel;
    /** Running definition, when the domain is not shut off. */
    live?: DomainModel;
  };

/** A network as read right before an action changes it. */
export type NetworkSnapshot =
  | Missing
  | { exists: true; name: string; uuid: string; active: boolean; autostart: boolean; owner: OwnerMeta | null; model: NetworkModel };

/** A storage pool as read right before an action changes it. */
export type PoolSnapshot =
  | Missing
  | { exists: true; name: string; active: boolean; autostart: boolean; path: string | null };

/** Reads a domain's state, autostart, persistent XML and (when running) live XML in one virsh invocation. */
export async function readDomain(cmd: HostCommands, name: string): Promise<DomainSnapshot> {
  const q = virshQuote(name);
  const batch = await cmd.virshBatch([`domstate -- ${q}`, `dominfo -- ${q}`, `dumpxml --inactive -- ${q}`, `dumpxml -- ${q}`]);
  const [stateText = '', info = '', inactiveXml = '', liveXml = ''] = batch.outputs;
  if (inactiveXml === '') return missingOrThrow(cmd, batch, 'domain', name, 'DomainNotFound');
  const state = parseDomainState(stateText);
  const inactive = parseDomainXml(inactiveXml);
  const fields = parseKeyValueLines(info);
  return {
    exists: true, name, uuid: uuidOf(inactiveXml) ?? fields['UUID'] ?? '', state, owner: inactive.owner, inactive,
    autostart: fields['Autostart'] === 'enable',
    ...(state === 'shutoff' || liveXml === '' ? {} : { live: parseDomainXml(liveXml) }),
  };
}

/** Reads a network's state and persistent XML in one virsh invocation. */
export async function readNetwork(cmd: HostCommands, name: string): Promise<NetworkSnapshot> {
  const q = virshQuote(name);
  const batch = await cmd.virshBatch([`net-info -- ${q}`, `net-dumpxml --inactive -- ${q}`]);
  const [info = '', xml = ''] = batch.outputs;
  if (xml === '') return missingOrThrow(cmd, batch, 'network', name, 'NetworkNotFound');
  const fields = parseKeyValueLines(info);
  const model = parseNetworkXml(xml);
  return { exists: true, name, uuid: uuidOf(xml) ?? fields['UUID'] ?? '', active: fields['Active'] === 'yes', autostart: fields['Autostart'] === 'yes', owner: model.owner, model };
}

/** Reads a storage pool's state and path in one virsh invocation. */
export async function readPool(cmd: HostCommands, name: string): Promise<PoolSnapshot> {
  const q = virshQuote(name);
  const batch = await cmd.virshBatch([`pool-info -- ${q}`, `pool-dumpxml -- ${q}`]);
  const [info = '', xml = ''] = batch.outputs;
  if (xml === '') return missingOrThrow(cmd, batch, 'pool', name, 'PoolNotFound');
  const fields = parseKeyValueLines(info);
  return { exists: true, name, active: fields['State'] === 'running', autostart: fields['Autostart'] === 'yes', path: parsePoolXml(xml).path };
}

/** `{ exists: false }` when libvirt said the object does not exist; otherwise the failure as LibvirtCommandError. */
function missingOrThrow(cmd: HostCommands, batch: VirshBatchResult, kind: string, name: string, notFound: LibvirtErrorReason): Missing {
  const subject = { operation: 'read', kind, name };
  const stderr = [...new Set(batch.stderr.split('\n'))].join('\n');
  if (batch.complete && explainLibvirtError(stderr, subject).reason === notFound) return { exists: false, name, kind, stderr };
  throw new LibvirtCommandError(stderr.trim() || 'virsh printed nothing', { ...subject, host: cmd.host, action: cmd.action, command: batch.command });
}

/** The error for an action that needs an object libvirt says is missing. */
export function missingError(cmd: HostCommands, missing: Missing, operation: string): LibvirtCommandError {
  return new LibvirtCommandError(missing.stderr, { operation, kind: missing.kind, name: missing.name, host: cmd.host, action: cmd.action, command: ['virsh', '-c', cmd.uri] });
}

/** The `<uuid>` of a domain or network definition. */
function uuidOf(xml: string): string | undefined {
  return /<uuid>\s*([0-9a-fA-F-]{36})\s*<\/uuid>/.exec(xml)?.[1];
}
