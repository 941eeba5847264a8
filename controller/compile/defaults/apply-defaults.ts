import { ALL_SCHEMAS, SCHEMA_IDS, SCHEMAS } from '../../types/schema-data.js';
import type { Kind, Resource } from '../../types/resources.js';
import type { DefaultedCluster, DefaultedHost, DefaultedImage, DefaultedNetwork, DefaultedVm } from '../defaulted.js';
import { applySchemaDefaults, type DefaultsContext, type SchemaRegistry } from './apply-schema-defaults.js';

/**
 * Optional objects (by schema `title`) that exist after defaulting even when the manifest omits them,
 * so their members' schema defaults apply. This lists which objects, never their values.
 */
export const MATERIALIZED_OBJECTS: readonly string[] = ['HostReserved', 'StoragePoolSpec', 'UpdateStrategy'];

/** The generated schemas by `$id`. */
const REGISTRY: SchemaRegistry = new Map(ALL_SCHEMAS.map((schema) => [String(schema.$id), schema]));

/** Context shared by every defaults walk. */
const CONTEXT: DefaultsContext = { registry: REGISTRY, materialize: new Set(MATERIALIZED_OBJECTS) };

/** The type of each kind after defaults. */
export interface DefaultedByKind {
  Host: DefaultedHost;
  Image: DefaultedImage;
  Network: DefaultedNetwork;
  VirtualMachine: DefaultedVm;
  Cluster: DefaultedCluster;
}

/** A resource after defaults. */
export type DefaultedResource = DefaultedByKind[Kind];

/** Returns a copy of the resource with every schema `default` filled in; the input is not changed. */
export function applyDefaults<R extends Resource>(resource: R): DefaultedByKind[R['kind']] {
  const kind: Kind = resource.kind;
  return applySchemaDefaults({ schema: SCHEMAS[kind], base: SCHEMA_IDS[kind], value: resource, context: CONTEXT }) as never;
}
