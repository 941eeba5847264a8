import { normaliseCpuset } from './cpuset.js';
import { IOTUNE_FIELDS, type IoTune } from './iotune.js';
import { machineFamily } from './machine.js';
import { normalisePath, sortDomainModel, type CdromModel, type DiskModel, type DomainModel, type InterfaceModel } from './domain-model.js';
import { findOwnerElement, ownerChildren, parseOwnerMetadata } from './owner-metadata.js';
import { bytesToMiB, scaledToBytes } from './units.js';
import { attr, child, children, childText, text, toInt, parseXmlRoot, type XmlNode } from './xml.js';

/** CPU modes kept as-is; any other (custom, maximum, absent) means libvirt's default model. */
const KEPT_CPU_MODES: ReadonlySet<string> = new Set(['host-passthrough', 'host-model']);

/**
 * Parses libvirt domain XML (inactive or live) into the normalised DomainModel, ignoring what
 * gitvirt does not manage (addresses, aliases, controllers, seclabels, emulator, CPU model
 * expansion, ...). Missing elements give empty values; only text that is not XML throws.
 * Compare desired state against `dumpxml --inactive`: in a running domain's live XML,
 * `<currentMemory>` is the balloon's actual size, which a guest without a balloon driver never lowers.
 */
export function parseDomainXml(xml: string): DomainModel {
  const root = parseXmlRoot(xml, 'domain', 'domain');
  const maxBytes = memoryBytes(child(root, 'memory'));
  const currentBytes = memoryBytes(child(root, 'currentMemory')) ?? maxBytes;
  const vcpu = child(root, 'vcpu');
  const maxVcpus = toInt(text(vcpu)) ?? 0;
  const os = child(root, 'os');
  const cputune = child(root, 'cputune');
  const cpuModeAttr = attr(child(root, 'cpu'), 'mode') ?? '';
  const kernel = childText(os, 'kernel') ?? null;
  const devices = child(root, 'devices');
  const ownerElement = findOwnerElement(child(root, 'metadata'));
  const origins = new Map(ownerChildren(ownerElement, 'disk').flatMap((node) => {
    const target = attr(node, 'target');
    const origin = attr(node, 'origin');
    return target === undefined || origin === undefined ? [] : [[target, origin] as const];
  }));
  const disks: DiskModel[] = [];
  const cdroms: CdromModel[] = [];
  for (const disk of children(devices, 'disk')) {
    const target = child(disk, 'target');
    const dev = attr(target, 'dev');
    if (dev === undefined) continue;
    const bus = attr(target, 'bus') ?? '';
    const source = diskSource(disk);
    if (attr(disk, 'device') === 'cdrom') cdroms.push({ target: dev, bus, source });
    else disks.push({
      target: dev,
      bus,
      source,
      format: attr(child(disk, 'driver'), 'type') ?? null,
      readonly: child(disk, 'readonly') !== undefined,
      iotune: parseIoTune(child(disk, 'iotune')),
      origin: origins.get(dev) ?? null,
    });
  }
  const interfaces: InterfaceModel[] = [];
  for (const nic of children(devices, 'interface')) {
    const mac = attr(child(nic, 'mac'), 'address');
    if (mac === undefined) continue;
    interfaces.push({
      mac: mac.toLowerCase(),
      network: interfaceSource(nic),
      model: attr(child(nic, 'model'), 'type') ?? 'default',
      linkState: attr(child(nic, 'link'), 'state') === 'down' ? 'down' : 'up',
    });
  }
  return sortDomainModel({
    name: childText(root, 'name') ?? '',
    type: attr(root, 'type') ?? '',
    machine: machineFamily(attr(child(os, 'type'), 'machine')),
    memoryMiB: bytesToMiB(currentBytes ?? 0),
    maxMemoryMiB: bytesToMiB(maxBytes ?? 0),
    vcpus: toInt(attr(vcpu, 'current')) ?? maxVcpus,
    maxVcpus,
    cpuMode: KEPT_CPU_MODES.has(cpuModeAttr) ? cpuModeAttr : 'default',
    cpuShares: toInt(childText(cputune, 'shares')) ?? null,
    vcpuPins: children(cputune, 'vcpupin').flatMap((pin) => {
      const index = toInt(attr(pin, 'vcpu'));
      const cpuset = attr(pin, 'cpuset');
      return index === undefined || cpuset === undefined ? [] : [{ vcpu: index, cpuset: normaliseCpuset(cpuset) }];
    }),
    kernel,
    initrd: childText(os, 'initrd') ?? null,
    cmdline: childText(os, 'cmdline') ?? null,
    disks,
    cdroms,
    interfaces,
    owner: parseOwnerMetadata(child(root, 'metadata')),
  });
}

function memoryBytes(node: XmlNode | undefined): number | undefined {
  return node === undefined ? undefined : scaledToBytes(text(node), attr(node, 'unit'), 'KiB');
}

function diskSource(disk: XmlNode): string | null {
  const source = child(disk, 'source');
  if (source === undefined) return null;
  const path = attr(source, 'file') ?? attr(source, 'dev');
  if (path !== undefined) return normalisePath(path);
  const pool = attr(source, 'pool');
  const volume = attr(source, 'volume');
  if (pool !== undefined && volume !== undefined) return `${pool}/${volume}`;
  return attr(source, 'name') ?? null;
}

function parseIoTune(node: XmlNode | undefined): IoTune {
  const out: IoTune = {};
  if (node === undefined) return out;
  for (const [key, element] of IOTUNE_FIELDS) {
    const value = toInt(childText(node, element));
    if (value !== undefined && value > 0) out[key] = value;
  }
  return out;
}

function interfaceSource(nic: XmlNode): string | null {
  const type = attr(nic, 'type') ?? '';
  const source = child(nic, 'source');
  if (type === 'network') return attr(source, 'network') ?? null;
  const name = attr(source, type) ?? attr(source, 'bridge') ?? attr(source, 'dev');
  return name === undefined ? null : `${type}:${name}`;
}
