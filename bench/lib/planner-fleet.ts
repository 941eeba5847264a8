/**
 * Manifests of the planner benchmark's fleet, in memory: hosts in zones, one image, one NAT network
 * and VMs whose spec is the recorded engine scenario's `web1` (so the domain XML libvirt returned
 * for `web1` is what these VMs look like live), each with its own name, hostname and static IP.
 */
import type { ManifestSource } from '../../controller/manifests/index.js';

/** Size of the fleet. */
export interface PlannerFleetShape {
  hosts: number;
  zones: number;
  vms: number;
}

/** 10,000 VMs on 500 hosts in 5 zones. */
export const PLANNER_FLEET: PlannerFleetShape = { hosts: 500, zones: 5, vms: 10_000 };

/** The network every VM is attached to (the recorded scenario's name), with room for 10,000 static IPs. */
export const FLEET_NETWORK = { name: 'gvnet', cidr: '10.96.0.0/16', gateway: '10.96.0.1', dhcpStart: '10.96.250.1', dhcpEnd: '10.96.250.254' } as const;

/** The image the VMs' root disks are overlays of (the recorded scenario's). */
const IMAGE = {
  name: 'guest',
  url: 'http://10.77.1.1:37591/disk.qcow2',
  sha256: '1b7af784841125887e688254229e282829e17245d0e47fe7280da9b68a30d9e1',
} as const;

/** Name of host `i`. */
export function fleetHostName(i: number): string {
  return `hv${String(i).padStart(4, '0')}`;
}

/** Name of VM `i`. */
export function fleetVmName(i: number): string {
  return `vm${String(i).padStart(5, '0')}`;
}

/** Static IP of VM `i`: 250 per /24 from 10.96.1.0, below the DHCP range. */
function vmIp(i: number): string {
  return `10.96.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`;
}

/** A well-formed ed25519 public key line, distinct per host (not a real key). */
function hostKey(i: number): string {
  const body = Buffer.alloc(51);
  Buffer.from('0000000b7373682d6564323535313900000020', 'hex').copy(body);
  body.writeUInt32BE(i + 1, 19);
  return `ssh-ed25519 ${body.toString('base64')}`;
}

/** YAML of host `i` (capacity comes from the observed `virsh nodeinfo`). */
function hostYaml(i: number, shape: PlannerFleetShape): string {
  return `apiVersion: gitvirt.io/v1alpha1
kind: Host
metadata:
  name: ${fleetHostName(i)}
spec:
  address: 10.${77 + Math.floor(i / 250)}.${i % 250}.2
  hostKey: ${hostKey(i)}
  zone: z${i % shape.zones}
`;
}

/** YAML of VM `i`: the recorded `web1` spec, placed by zone, with its own hostname and IP. */
function vmYaml(i: number, shape: PlannerFleetShape): string {
  const name = fleetVmName(i);
  return `apiVersion: gitvirt.io/v1alpha1
kind: VirtualMachine
metadata:
  name: ${name}
  labels:
    app: planner-bench
spec:
  placement:
    zone: z${i % shape.zones}
  cpus: 1
  memoryMiB: 128
  maxMemoryMiB: 256
  domainType: qemu
  shutdownTimeoutSeconds: 20
  disks:
    - name: root
      image: ${IMAGE.name}
      sizeGiB: 1
  interfaces:
    - network: ${FLEET_NETWORK.name}
      ip: ${vmIp(i)}
  cloudInit:
    hostname: ${name}
  boot:
    kernel: /var/cache/gitvirt-test-guest/vmlinux
    initrd: /var/cache/gitvirt-test-guest/initrd.img
    cmdline: console=ttyS0
`;
}

/** The fleet's manifest files (100 VMs per file). Pure. */
export function plannerFleetSources(shape: PlannerFleetShape = PLANNER_FLEET): ManifestSource[] {
  const sources: ManifestSource[] = [
    { file: 'hosts.yaml', text: Array.from({ length: shape.hosts }, (_, i) => hostYaml(i, shape)).join('---\n') },
    {
      file: 'base.yaml',
      text: `apiVersion: gitvirt.io/v1alpha1
kind: Image
metadata:
  name: ${IMAGE.name}
spec:
  source:
    url: ${IMAGE.url}
    sha256: ${IMAGE.sha256}
  format: qcow2
---
apiVersion: gitvirt.io/v1alpha1
kind: Network
metadata:
  name: ${FLEET_NETWORK.name}
spec:
  mode: nat
  cidr: ${FLEET_NETWORK.cidr}
  dhcp:
    start: ${FLEET_NETWORK.dhcpStart}
    end: ${FLEET_NETWORK.dhcpEnd}
`,
    },
  ];
  for (let start = 0; start < shape.vms; start += 100) {
    const docs = Array.from({ length: Math.min(100, shape.vms - start) }, (_, k) => vmYaml(start + k, shape));
    sources.push({ file: `vms/${String(start / 100).padStart(3, '0')}.yaml`, text: docs.join('---\n') });
  }
  return sources;
}
