/**
 * Views of the generated resource types after compile applied the schema defaults: the fields that
 * carry a `default` in `schemas/` are no longer optional. Values come from the schemas, never from here.
 */
import type {
  Cluster,
  ClusterSpec,
  ClusterZone,
  Disk,
  HealthCheck,
  Host,
  HostSpec,
  HttpProbe,
  Image,
  ImageSpec,
  Network,
  NetworkInterface,
  NetworkSpec,
  VirtualMachine,
  VirtualMachineSpec,
} from '../types/resources.js';

/** Makes the listed keys required. */
type With<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

/** A resource with a replaced spec. */
type WithSpec<R extends { spec: unknown }, S> = Omit<R, 'spec'> & { spec: S };

/** HostSpec after defaults. */
export type DefaultedHostSpec = With<HostSpec, 'port' | 'user' | 'uri' | 'zone' | 'cordoned'> & {
  reserved: { cpus: number; memoryMiB: number };
  storagePool: { name: string; path: string };
};
/** Host after defaults. */
export type DefaultedHost = WithSpec<Host, DefaultedHostSpec>;

/** ImageSpec after defaults. */
export type DefaultedImageSpec = With<ImageSpec, 'format'>;
/** Image after defaults. */
export type DefaultedImage = WithSpec<Image, DefaultedImageSpec>;

/** NetworkSpec after defaults. */
export type DefaultedNetworkSpec = With<NetworkSpec, 'autostart'>;
/** Network after defaults. */
export type DefaultedNetwork = WithSpec<Network, DefaultedNetworkSpec>;

/** Disk after defaults. */
export type DefaultedDisk = With<Disk, 'mode' | 'bus' | 'deleteOnRemove'>;
/** NetworkInterface after defaults. */
export type DefaultedInterface = With<NetworkInterface, 'model'>;
/** HealthCheck after defaults. */
export type DefaultedHealth = Omit<With<HealthCheck, 'periodSeconds' | 'timeoutSeconds' | 'initialDelaySeconds'>, 'http'> & {
  http?: With<HttpProbe, 'path' | 'expectStatus'>;
};

/** VirtualMachineSpec after defaults. */
export type DefaultedVmSpec = Omit<
  With<
    VirtualMachineSpec,
    'runStrategy' | 'deletionProtection' | 'restartPolicy' | 'shutdownTimeoutSeconds' | 'selfHeal' | 'domainType' | 'machine'
  >,
  'disks' | 'interfaces' | 'health'
> & { disks?: DefaultedDisk[]; interfaces?: DefaultedInterface[]; health?: DefaultedHealth };
/** VirtualMachine after defaults. */
export type DefaultedVm = WithSpec<VirtualMachine, DefaultedVmSpec>;

/** ClusterZone after defaults. */
export type DefaultedClusterZone = With<ClusterZone, 'role'>;
/** ClusterSpec after defaults (the template spec is defaulted as a VM spec without placement). */
export type DefaultedClusterSpec = Omit<With<ClusterSpec, 'antiAffinity'>, 'zones' | 'template'> & {
  zones: DefaultedClusterZone[];
  template: Omit<ClusterSpec['template'], 'spec'> & { spec: Omit<DefaultedVmSpec, 'placement'> };
};
/** Cluster after defaults. */
export type DefaultedCluster = WithSpec<Cluster, DefaultedClusterSpec>;
