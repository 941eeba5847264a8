import type { Resource } from '../types/resources.js';
import type { DefaultedCluster, DefaultedHost, DefaultedImage, DefaultedNetwork, DefaultedVm } from './defaulted.js';
import { applyDefaults } from './defaults/index.js';

/** Defaulted resources by kind, each map in name order; the first of duplicate names wins. */
export interface Catalog {
  hosts: Map<string, DefaultedHost>;
  images: Map<string, DefaultedImage>;
  networks: Map<string, DefaultedNetwork>;
  vms: Map<string, DefaultedVm>;
  clusters: Map<string, DefaultedCluster>;
}

/** Map field of the catalog that holds each kind. */
const FIELD_BY_KIND = {
  Host: 'hosts',
  Image: 'images',
  Network: 'networks',
  VirtualMachine: 'vms',
  Cluster: 'clusters',
} as const satisfies Record<Resource['kind'], keyof Catalog>;

/** Applies defaults to every resource and files it by kind, in name order. */
export function buildCatalog(resources: readonly Resource[]): Catalog {
  const sorted = [...resources].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const catalog: Catalog = { hosts: new Map(), images: new Map(), networks: new Map(), vms: new Map(), clusters: new Map() };
  for (const resource of sorted) {
    const map = catalog[FIELD_BY_KIND[resource.kind]] as Map<string, unknown>;
    if (!map.has(resource.metadata.name)) map.set(resource.metadata.name, applyDefaults(resource));
  }
  return catalog;
}
