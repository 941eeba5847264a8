import type { Resource } from '../../controller/types/resources.js';

/** What the benchmark fleet is made of. */
export interface FleetShape {
  /** Host manifests, in host order (from the testbed). */
  hosts: Resource[];
  /** Number of VMs, spread round-robin over the hosts. */
  vms: number;
  /** libvirt domain type: `qemu` where the hosts have no KVM. */
  domainType: 'kvm' | 'qemu';
  /** Memory (MiB) per VM name that differs from the default. */
  memory?: Readonly<Record<string, number>>;
}

/** Memory of every VM unless changed, and the maximum it may grow to without a restart. */
export const VM_MEMORY_MIB = 64;
export const VM_MAX_MEMORY_MIB = 128;
/** Size of each VM's blank disk (nothing boots from it; the guest stays in its firmware). */
export const VM_DISK_GIB = 1;
/** The isolated network every VM has one interface on. */
export const NETWORK_NAME = 'bench';

/** Name of the VM number `i` (zero-padded so names sort in creation order). */
export function vmName(i: number): string {
  return `bench-${String(i).padStart(3, '0')}`;
}

/** Name of the host VM number `i` is placed on. */
export function vmHost(shape: Pick<FleetShape, 'hosts'>, i: number): string {
  const host = shape.hosts[i % shape.hosts.length];
  if (host === undefined) throw new Error('the fleet has no hosts');
  return host.metadata.name;
}

/**
 * The repository's resources: the hosts, one isolated network, and `vms` small VMs pinned
 * round-robin to the hosts, each with a blank qcow2 disk and one interface. Pure.
 */
export function fleetResources(shape: FleetShape): Resource[] {
  const network: Resource = {
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'Network', metadata: { name: NETWORK_NAME },
    spec: { mode: 'isolated', cidr: '192.168.250.0/24' },
  };
  const vms: Resource[] = Array.from({ length: shape.vms }, (_, i) => ({
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'VirtualMachine', metadata: { name: vmName(i) },
    spec: {
      placement: { host: vmHost(shape, i) },
      cpus: 1,
      memoryMiB: shape.memory?.[vmName(i)] ?? VM_MEMORY_MIB,
      maxMemoryMiB: VM_MAX_MEMORY_MIB,
      domainType: shape.domainType,
      disks: [{ name: 'root', sizeGiB: VM_DISK_GIB }],
      interfaces: [{ network: NETWORK_NAME }],
    },
  }));
  return [...shape.hosts, network, ...vms];
}
