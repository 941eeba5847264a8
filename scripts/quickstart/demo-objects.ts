/** The libvirt objects a demo repository asks for, by name, so they can be removed again (pure). */
import { memberName } from '../../controller/manifests/index.js';
import type { Manifest } from '../../controller/types/manifest.js';
import type { Cluster, Host, Image, Network, VirtualMachine, VirtualMachineSpec } from '../../controller/types/resources.js';

/** Default storage pool of a Host without `storagePool`. */
export const DEFAULT_POOL = { name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' } as const;

/** Names of what gitvirt creates for a repository on one host. */
export interface DemoObjects {
  /** Host name → its storage pool. */
  hosts: Record<string, { pool: string; poolPath: string }>;
  /** Domains (VMs and cluster members). */
  domains: string[];
  networks: string[];
  /** Volume file name patterns in the pool (shell globs): disks, seeds, images, unfinished downloads. */
  volumeGlobs: string[];
}

function vmVolumeGlobs(name: string, spec: Pick<VirtualMachineSpec, 'disks'>): string[] {
  const disks = (spec.disks ?? []).map((disk) => `${name}-${disk.name}.*`);
  return [...disks, `${name}-seed-*.iso`, `.${name}-*.part`];
}

/**
 * Every domain, network and volume the manifests lead gitvirt to create (cluster members as
 * `<cluster>-<zone>-<n>`; volumes named as compile names them), and each Host's pool.
 */
export function demoObjects(manifests: readonly Manifest[]): DemoObjects {
  const out: DemoObjects = { hosts: {}, domains: [], networks: [], volumeGlobs: [] };
  for (const { resource } of manifests) {
    if (resource.kind === 'Host') {
      const pool = (resource as Host).spec.storagePool;
      out.hosts[resource.metadata.name] = { pool: pool?.name ?? DEFAULT_POOL.name, poolPath: pool?.path ?? DEFAULT_POOL.path };
    } else if (resource.kind === 'Network') {
      out.networks.push((resource as Network).metadata.name);
    } else if (resource.kind === 'Image') {
      const image = resource as Image;
      out.volumeGlobs.push(`image-${image.metadata.name}.${image.spec.format ?? 'qcow2'}`, `.image-${image.metadata.name}.*.part`);
    } else if (resource.kind === 'VirtualMachine') {
      const vm = resource as VirtualMachine;
      out.domains.push(vm.metadata.name);
      out.volumeGlobs.push(...vmVolumeGlobs(vm.metadata.name, vm.spec));
    } else if (resource.kind === 'Cluster') {
      const cluster = resource as Cluster;
      for (const zone of cluster.spec.zones) {
        for (let n = 0; n < zone.replicas; n++) {
          const name = memberName(cluster.metadata.name, zone.name, n);
          out.domains.push(name);
          out.volumeGlobs.push(...vmVolumeGlobs(name, cluster.spec.template.spec));
        }
      }
    }
  }
  return out;
}
