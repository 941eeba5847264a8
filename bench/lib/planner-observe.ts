/**
 * Observe output for the planner benchmark, written in the format captured from libvirt 9.0.0
 * (test/fixtures/virsh/observe-*.txt) from recorded XML: every domain is the recorded `web1` domain
 * (test/fixtures/engine/converged) with its name, UUID, MAC, volume paths and owner spec hash
 * substituted; the network, pool and volumes are recorded XML with names and sizes substituted.
 */
import { parseDomainXml, splitObserveSections, volumePath } from '../../controller/libvirt/index.js';
import type { DesiredHostState, DesiredNetwork, DesiredVm } from '../../controller/types/desired.js';
import type { LiveDomain, LiveNetwork } from '../../controller/types/live.js';

/** The recorded pieces every generated host is built from. */
export interface ObserveTemplates {
  /** Captured observe output of a populated host (section layout, nodeinfo, pool and volume XML). */
  populated: string;
  /** Captured observe output of a fresh host. */
  empty: string;
  /** The recorded owned domain to clone (inactive XML, as observe reads it). */
  domain: LiveDomain;
  /** The recorded owned network to clone. */
  network: LiveNetwork;
}

/** Node facts written into `virsh nodeinfo`. */
export interface NodeSize { cpus: number; memoryMiB: number }

/** What a generated host looks like. */
export interface HostOutputOptions {
  templates: ObserveTemplates;
  node: NodeSize;
  revision: string;
  /** VMs whose live definition was changed by hand: `setmem 160MiB --config`, as in the captured drift fixture. */
  drifted?: ReadonlySet<string>;
}

/** Replaces exactly `count` occurrences of `from` in `text`; throws when the recording does not have them. */
function replaceExactly(text: string, from: string, to: string, count = 1): string {
  const parts = text.split(from);
  if (parts.length - 1 !== count) throw new Error(`expected ${count} × ${JSON.stringify(from)} in the recorded XML, found ${parts.length - 1}`);
  return parts.join(to);
}

/** Escapes a value for an XML attribute or text. */
function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

/** A stable UUID from a string. */
function uuidOf(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${round}:${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

/** Section bodies of a captured observe output by name (the first of each), and all volume XML by volume name. */
function captured(text: string): { marker: string; body: (name: string) => string; volume: (name: string) => string } {
  const marker = /^(@@gv[0-9a-f]+) begin$/m.exec(text)?.[1];
  if (marker === undefined) throw new Error('recorded observe output has no begin marker');
  const sections = splitObserveSections(text);
  const body = (name: string) => {
    const found = sections.find((s) => s.name === name);
    if (found === undefined) throw new Error(`recorded observe output has no ${name} section`);
    return found.body;
  };
  const volumes = new Map(sections.filter((s) => s.name === 'volume').map((s) => [/<name>([^<]*)<\/name>/.exec(s.body)?.[1] ?? '', s.body]));
  const volume = (name: string) => {
    const found = volumes.get(name);
    if (found === undefined) throw new Error(`recorded observe output has no volume ${name}`);
    return found;
  };
  return { marker, body, volume };
}

/** The captured `virsh nodeinfo` with the CPU count and memory size of `node`. */
function nodeinfo(recorded: string, node: NodeSize): string {
  return recorded.replace(/^CPU\(s\):(\s+)\d+$/m, `CPU(s):$1${node.cpus}`).replace(/^Memory size:(\s+)\d+ KiB$/m, `Memory size:$1${node.memoryMiB * 1024} KiB`);
}

/** A section: marker line, then its body as virsh printed it. */
function section(marker: string, name: string, body: string, arg?: string): string {
  return `${marker} ${name}${arg === undefined ? '' : ` ${arg}`}\n${body}`;
}

/** A list section body: one UUID a line, then virsh's blank line. */
function list(uuids: readonly string[]): string {
  return uuids.length === 0 ? '\n' : `${uuids.join('\n')}\n\n`;
}

/** Observe output of a fresh host (nothing defined), the captured one with the node size substituted. */
export function emptyHostOutput(templates: ObserveTemplates, node: NodeSize): string {
  const { marker, body } = captured(templates.empty);
  return templates.empty.replace(`${marker} nodeinfo\n${body('nodeinfo')}`, `${marker} nodeinfo\n${nodeinfo(body('nodeinfo'), node)}`);
}

/** Cloner of the recorded domain: its XML with one VM's identity substituted. */
function domainCloner(templates: ObserveTemplates, revision: string): (vm: DesiredVm, poolPath: string, uuid: string, drifted: boolean) => string {
  const { domain } = templates;
  if (domain.xml === undefined || domain.owner === null) throw new Error('the recorded domain must be owned and carry its XML');
  const model = parseDomainXml(domain.xml);
  const disk = model.disks[0]?.source;
  const seed = model.cdroms[0]?.source;
  const mac = model.interfaces[0]?.mac;
  if (model.disks.length !== 1 || model.cdroms.length !== 1 || model.interfaces.length !== 1 || disk == null || seed == null || mac === undefined) {
    throw new Error('the recorded domain must have one disk, one seed cdrom and one interface');
  }
  const owner = `name="${domain.owner.name}" specHash="${domain.owner.specHash}" revision="${domain.owner.revision}"`;
  const memory = `<currentMemory unit='KiB'>${model.memoryMiB * 1024}</currentMemory>`;
  let xml = domain.xml;
  xml = replaceExactly(xml, `<name>${domain.name}</name>`, '<name>@NAME@</name>');
  xml = replaceExactly(xml, `<uuid>${domain.uuid}</uuid>`, '<uuid>@UUID@</uuid>');
  xml = replaceExactly(xml, owner, 'name="@NAME@" specHash="@HASH@" revision="@REVISION@"');
  xml = replaceExactly(xml, `<source file='${disk}'/>`, "<source file='@DISK@'/>");
  xml = replaceExactly(xml, `<source file='${seed}'/>`, "<source file='@SEED@'/>");
  xml = replaceExactly(xml, `<mac address='${mac}'/>`, "<mac address='@MAC@'/>");
  if (xml.includes(domain.name)) throw new Error(`the recorded domain still names ${domain.name} after substitution`);
  const [head = '', ...rest] = xml.split(memory);
  if (rest.length !== 1) throw new Error('the recorded domain must have one currentMemory element');
  const tail = rest[0] ?? '';
  return (vm, poolPath, uuid, drifted) => {
    const [first] = vm.disks;
    const nic = vm.interfaces[0];
    if (vm.disks.length !== 1 || first === undefined || vm.seed === undefined || vm.interfaces.length !== 1 || nic === undefined) {
      throw new Error(`${vm.name} does not have the recorded domain's shape`);
    }
    const values: Record<string, string> = {
      '@NAME@': vm.name, '@UUID@': uuid, '@HASH@': vm.specHash, '@REVISION@': revision, '@MAC@': nic.mac,
      '@DISK@': volumePath(poolPath, first.volume), '@SEED@': volumePath(poolPath, vm.seed.volume),
    };
    const fill = (part: string) => part.replace(/@[A-Z]+@/g, (key) => xmlEscape(values[key] ?? key));
    const current = drifted ? `<currentMemory unit='KiB'>${160 * 1024}</currentMemory>` : memory;
    return `${fill(head)}${current}${fill(tail)}`;
  };
}

/** The recorded network's XML for one host's desired network (its address, DHCP range and reservations). */
function networkXml(templates: ObserveTemplates, network: DesiredNetwork, uuid: string, revision: string): string {
  const recorded = templates.network;
  if (recorded.xml === undefined || recorded.owner === null) throw new Error('the recorded network must be owned and carry its XML');
  if (network.address === undefined || network.prefix === undefined || network.dhcp === undefined) throw new Error(`${network.name} must have an address and DHCP`);
  let xml = recorded.xml;
  xml = replaceExactly(xml, /<uuid>[^<]*<\/uuid>/.exec(xml)?.[0] ?? '<uuid>', `<uuid>${uuid}</uuid>`);
  xml = replaceExactly(xml, `specHash="${recorded.owner.specHash}" revision="${recorded.owner.revision}"`, `specHash="${network.specHash}" revision="${xmlEscape(revision)}"`);
  xml = replaceExactly(xml, /<ip address='[^']*' prefix='\d+'>/.exec(xml)?.[0] ?? '<ip', `<ip address='${network.address}' prefix='${network.prefix}'>`);
  xml = replaceExactly(xml, /<range start='[^']*' end='[^']*'\/>/.exec(xml)?.[0] ?? '<range', `<range start='${network.dhcp.start}' end='${network.dhcp.end}'/>`);
  const hosts = network.dhcp.hosts.map((h) => `      <host mac='${h.mac}'${h.name === undefined ? '' : ` name='${xmlEscape(h.name)}'`} ip='${h.ip}'/>\n`).join('');
  return xml.replace(/( {6}<host [^\n]*\n)+/, hosts);
}

/** A volume's recorded XML under another name and capacity. */
function volumeXml(recorded: string, recordedName: string, name: string, capacityBytes?: number): string {
  let xml = replaceExactly(recorded, recordedName, xmlEscape(name), 3);
  if (capacityBytes !== undefined) xml = xml.replace(/<capacity unit='bytes'>\d+<\/capacity>/, `<capacity unit='bytes'>${capacityBytes}</capacity>`);
  return xml;
}

/**
 * Observe output of a host that runs exactly its desired state (what libvirt would report after
 * gitvirt applied it): the pool, the networks, every volume and every VM's domain, running and
 * autostarted as its run strategy wants; `drifted` VMs carry a hand-made memory change.
 */
export function convergedHostOutput(desired: DesiredHostState, options: HostOutputOptions): string {
  const { templates, revision } = options;
  const { marker, body, volume } = captured(templates.populated);
  const poolUuid = uuidOf(`${desired.host.name}/pool`);
  const clone = domainCloner(templates, revision);
  const domains = desired.vms.map((vm) => ({ vm, uuid: uuidOf(`${desired.host.name}/${vm.name}`) }));
  const networks = desired.networks.map((network) => ({ network, uuid: uuidOf(`${desired.host.name}/net/${network.name}`) }));
  const poolXml = body('pool-path').replace(/<uuid>[^<]*<\/uuid>/, `<uuid>${poolUuid}</uuid>`).replace(/<name>[^<]*<\/name>/, `<name>${desired.pool.name}</name>`);
  const out = [
    `${marker} begin\n`,
    section(marker, 'nodeinfo', nodeinfo(body('nodeinfo'), options.node)),
    section(marker, 'kvm', body('kvm')),
    section(marker, 'domains', list(domains.map((d) => d.uuid))),
    section(marker, 'domains-autostart', list(domains.filter((d) => d.vm.autostart).map((d) => d.uuid))),
    section(marker, 'networks', list(networks.map((n) => n.uuid))),
    section(marker, 'networks-active', list(networks.map((n) => n.uuid))),
    section(marker, 'networks-autostart', list(networks.filter((n) => n.network.autostart).map((n) => n.uuid))),
    section(marker, 'pool-refresh', body('pool-refresh')),
    section(marker, 'pools', list([poolUuid])),
    section(marker, 'pools-active', list([poolUuid])),
    section(marker, 'pools-autostart', list([poolUuid])),
    section(marker, 'pool-path', poolXml),
    `${marker} inventory-end\n`,
  ];
  for (const { vm, uuid } of domains) {
    const state = vm.runStrategy === 'Halted' ? 'shut off' : 'running';
    out.push(section(marker, 'domain', `${state}\n\n${clone(vm, desired.pool.path, uuid, options.drifted?.has(vm.name) ?? false)}\n`, uuid));
  }
  for (const { network, uuid } of networks) out.push(section(marker, 'network', `${networkXml(templates, network, uuid, revision)}\n`, uuid));
  out.push(section(marker, 'pool', poolXml, poolUuid));
  const root = volume('gvhc-vm-root.qcow2');
  const seed = volume('gvhc-vm-seed-0123456789ab.iso');
  for (const image of desired.images) out.push(section(marker, 'volume', volumeXml(volume('image-guest.qcow2'), 'image-guest.qcow2', image.volume)));
  for (const vm of desired.vms) {
    for (const disk of vm.disks) out.push(section(marker, 'volume', volumeXml(root, 'gvhc-vm-root.qcow2', disk.volume, disk.capacityBytes)));
    if (vm.seed !== undefined) out.push(section(marker, 'volume', volumeXml(seed, 'gvhc-vm-seed-0123456789ab.iso', vm.seed.volume)));
  }
  out.push(`${marker} end\n`);
  return out.join('');
}
