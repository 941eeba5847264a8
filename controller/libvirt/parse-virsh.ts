import type { DomainState } from '../types/live.js';
import { bytesToMiB, scaledToBytes } from './units.js';
import { attr, child, children, childText, parseXmlRoot, toInt } from './xml.js';

/** `virsh domstate` / `dominfo` state words to DomainState. */
export const DOMAIN_STATE_WORDS: Readonly<Record<string, DomainState>> = {
  'running': 'running',
  'idle': 'blocked',
  'blocked': 'blocked',
  'paused': 'paused',
  'in shutdown': 'shutdown',
  'shutdown': 'shutdown',
  'shut off': 'shutoff',
  'shutoff': 'shutoff',
  'crashed': 'crashed',
  'pmsuspended': 'pmsuspended',
};

/** Maps a virsh state word (`shut off`, `running`, ...) to DomainState; `unknown` otherwise. */
export function parseDomainState(text: string): DomainState {
  return DOMAIN_STATE_WORDS[text.trim().toLowerCase()] ?? 'unknown';
}

/** Parses `Key:   value` lines (`virsh dominfo`, `nodeinfo`, `net-info`, `pool-info`). */
export function parseKeyValueLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) out[match[1].trim()] = (match[2] ?? '').trim();
  }
  return out;
}

/** Host facts from `virsh nodeinfo`. */
export function parseNodeInfo(text: string): { cpus: number; memoryMiB: number; cpuModel?: string } {
  const fields = parseKeyValueLines(text);
  const memory = /^(\d+)\s*(\w+)?$/.exec(fields['Memory size'] ?? '');
  const bytes = scaledToBytes(memory?.[1], memory?.[2], 'KiB') ?? 0;
  const cpuModel = fields['CPU model'];
  return {
    cpus: toInt(fields['CPU(s)']) ?? 0,
    memoryMiB: Math.floor(bytesToMiB(bytes)),
    ...(cpuModel === undefined ? {} : { cpuModel }),
  };
}

/** What `virsh domcapabilities` says about one virtualization type. */
export interface DomainCapabilities {
  domainType: string;
  machine: string | null;
  maxVcpus: number | null;
  hostPassthrough: boolean;
}

/** Parses `virsh domcapabilities` XML. */
export function parseDomCapabilities(xml: string): DomainCapabilities {
  const root = parseXmlRoot(xml, 'domainCapabilities', 'domain capabilities');
  const passthrough = children(child(root, 'cpu'), 'mode')
    .some((mode) => attr(mode, 'name') === 'host-passthrough' && attr(mode, 'supported') === 'yes');
  return {
    domainType: childText(root, 'domain') ?? '',
    machine: childText(root, 'machine') ?? null,
    maxVcpus: toInt(attr(child(root, 'vcpu'), 'max')) ?? null,
    hostPassthrough: passthrough,
  };
}

/** Names from `virsh list --name` / `net-list --name` style output, blank lines dropped. */
export function parseNameList(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}
