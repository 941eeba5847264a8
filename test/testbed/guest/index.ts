/**
 * A small bootable test guest built from Debian packages (kernel of linux-image-amd64, busybox-static
 * initramfs) and cached between runs, with helpers to boot it under libvirt: a NoCloud seed ISO, the
 * domain and network XML, and the console ready line. Booted, it serves /health, /hostname,
 * /instance-id, /ip, /ips, /mac, /disks, /seed-device and /seed/<file> over HTTP on port 80.
 */
export {
  buildGuest,
  makeSeedIso,
  BUILD_SCRIPT,
  DEFAULT_GUEST_CACHE,
  type GuestArtifact,
  type GuestArtifacts,
  type SeedOptions,
} from './guest.js';
export { renderGuestDomainXml, type GuestDisk, type GuestDomainOptions, type GuestNic } from './guest-domain-xml.js';
export { renderGuestNetworkXml, type GuestNetworkOptions } from './guest-network-xml.js';
export { READY_MARKER, parseReadyLine, consoleTail, waitForReady, type GuestReady } from './ready-line.js';
export { xmlEscape } from './xml-escape.js';
