import type { LiveDomain, LiveHostState, LiveNetwork, LivePool, LiveVolume } from '../types/live.js';
import { ObserveOutputInvalidError } from './host-client-errors.js';
import { rememberDomainModel } from './live-model-cache.js';
import { parseDomainXml } from './parse-domain.js';
import { parseNetworkXml } from './parse-network.js';
import { parsePoolXml, parseVolumeXml } from './parse-storage.js';
import { parseDomainState, parseDomCapabilities, parseNameList, parseNodeInfo } from './parse-virsh.js';

/** One section of observe output: `<marker> <name> [arg]` and the lines up to the next marker. */
export interface ObserveSection { name: string; arg: string; body: string }

/** Where the observation came from, for the result. */
export interface ParseObserveOptions {
  host?: string;
  observedAt?: string;
}

/** First line of the output: the marker, then `begin`. */
const BEGIN = /^(@@gv[0-9a-f]{8,32}) begin$/;

/** Splits observe output into sections; throws ObserveOutputInvalidError when it did not run to its end. */
export function splitObserveSections(text: string): ObserveSection[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => BEGIN.test(line));
  if (start < 0) throw new ObserveOutputInvalidError({ reason: 'no begin marker' });
  const prefix = `${BEGIN.exec(lines[start]!)![1]} `;
  const sections: ObserveSection[] = [];
  let current: { name: string; arg: string; lines: string[] } | undefined;
  const close = () => { if (current) sections.push({ name: current.name, arg: current.arg, body: current.lines.join('\n') }); };
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith(prefix)) {
      close();
      const [name = '', arg = ''] = line.slice(prefix.length).split(' ', 2);
      current = { name, arg, lines: [] };
    } else current?.lines.push(line);
  }
  close();
  if (!sections.some((s) => s.name === 'inventory-end')) throw new ObserveOutputInvalidError({ reason: 'the inventory was cut short' });
  if (sections[sections.length - 1]?.name !== 'end') throw new ObserveOutputInvalidError({ reason: 'the output was cut short' });
  return sections;
}

/**
 * Turns the output of the observe script (see buildObserveScript) into LiveHostState (pure).
 * Owner metadata comes from each domain's and network's inactive XML; the XML is kept only on
 * owned objects. Volumes are those of gitvirt's pool. Objects that vanished between the two
 * stages (no XML) are left out.
 */
export function parseObserveOutput(text: string, options: ParseObserveOptions = {}): LiveHostState {
  const sections = splitObserveSections(text);
  const single = (name: string) => sections.find((s) => s.name === name)?.body ?? '';
  const uuids = (name: string) => new Set(parseNameList(single(name)));
  const domainsAutostart = uuids('domains-autostart');
  const networksActive = uuids('networks-active');
  const networksAutostart = uuids('networks-autostart');
  const poolsActive = uuids('pools-active');
  const poolsAutostart = uuids('pools-autostart');
  const gitvirtPool = xmlOf(single('pool-path'), '<pool');
  const poolName = gitvirtPool === undefined ? undefined : parsePoolXml(gitvirtPool).name;

  const domains: LiveDomain[] = [];
  const networks: LiveNetwork[] = [];
  const pools: LivePool[] = [];
  const volumes: LiveVolume[] = [];
  for (const section of sections) {
    switch (section.name) {
      case 'domain': {
        const xml = xmlOf(section.body, '<domain');
        if (xml === undefined) break;
        const model = parseDomainXml(xml);
        const state = parseDomainState(section.body.slice(0, section.body.indexOf('<domain')).trim());
        const domain: LiveDomain = {
          name: model.name, uuid: section.arg, state, autostart: domainsAutostart.has(section.arg), owner: model.owner,
          ...(model.owner === null ? {} : { xml }),
        };
        if (model.owner !== null) rememberDomainModel(domain, xml, model);
        domains.push(domain);
        break;
      }
      case 'network': {
        const xml = xmlOf(section.body, '<network');
        if (xml === undefined) break;
        const model = parseNetworkXml(xml);
        networks.push({
          name: model.name, active: networksActive.has(section.arg), autostart: networksAutostart.has(section.arg), owner: model.owner,
          ...(model.owner === null ? {} : { xml }),
        });
        break;
      }
      case 'pool': {
        const xml = xmlOf(section.body, '<pool');
        if (xml === undefined) break;
        const model = parsePoolXml(xml);
        pools.push({
          name: model.name, active: poolsActive.has(section.arg), autostart: poolsAutostart.has(section.arg),
          ...(model.path === null ? {} : { path: model.path }),
        });
        break;
      }
      case 'volume': {
        const xml = xmlOf(section.body, '<volume');
        if (xml === undefined || poolName === undefined) break;
        const model = parseVolumeXml(xml);
        if (model.path === null) break;
        volumes.push({
          pool: poolName, name: model.name, path: model.path, capacityBytes: model.capacityBytes ?? 0,
          ...(model.format === null ? {} : { format: model.format }),
        });
        break;
      }
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const capabilities = xmlOf(single('kvm'), '<domainCapabilities');
  return {
    host: options.host ?? '',
    observedAt: options.observedAt ?? '',
    node: parseNodeInfo(single('nodeinfo')),
    kvm: capabilities !== undefined && parseDomCapabilities(capabilities).domainType === 'kvm',
    domains: domains.sort(byName),
    networks: networks.sort(byName),
    pools: pools.sort(byName),
    volumes: volumes.sort(byName),
  };
}

/** The XML document in a section body, starting at its root element; undefined when there is none. */
function xmlOf(body: string, root: string): string | undefined {
  const at = body.indexOf(root);
  if (at < 0) return undefined;
  const xml = body.slice(at).trimEnd();
  return xml === '' ? undefined : `${xml}\n`;
}
