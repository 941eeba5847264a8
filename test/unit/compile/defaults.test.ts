import { describe, expect, it } from 'vitest';
import { applyDefaults, MATERIALIZED_OBJECTS } from '../../../controller/compile/index.js';
import { ALL_SCHEMAS, CLUSTER_SCHEMA, HOST_SCHEMA, IMAGE_SCHEMA, NETWORK_SCHEMA, VIRTUAL_MACHINE_SCHEMA } from '../../../controller/types/schema-data.js';
import type { Cluster, Host } from '../../../controller/types/resources.js';
import { loadCase, runCase, vmOf } from './compile-case.js';

/** The `default` at a path of property names below a `$defs` entry of a schema. */
function schemaDefault(schema: Record<string, unknown>, def: string, ...props: string[]): unknown {
  let node = (schema['$defs'] as Record<string, Record<string, unknown>>)[def] as Record<string, unknown>;
  for (const prop of props) node = (node['properties'] as Record<string, Record<string, unknown>>)[prop] as Record<string, unknown>;
  return node['default'];
}

/** Every node with a `title` in the generated schemas. */
function titledNodes(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record['title'] === 'string') out.set(record['title'], record);
      Object.values(record).forEach(visit);
    }
  };
  ALL_SCHEMAS.forEach(visit);
  return out;
}

describe('schema defaults', () => {
  it('fills host, image, network and VM defaults from the schemas', () => {
    const state = runCase('defaults');
    const hv1 = state.hosts['hv1'];
    expect(hv1?.host).toMatchObject({
      port: schemaDefault(HOST_SCHEMA, 'HostSpec', 'port'),
      user: schemaDefault(HOST_SCHEMA, 'HostSpec', 'user'),
      uri: schemaDefault(HOST_SCHEMA, 'HostSpec', 'uri'),
      zone: schemaDefault(HOST_SCHEMA, 'HostSpec', 'zone'),
      cordoned: schemaDefault(HOST_SCHEMA, 'HostSpec', 'cordoned'),
      reserved: {
        cpus: schemaDefault(HOST_SCHEMA, 'HostReserved', 'cpus'),
        memoryMiB: schemaDefault(HOST_SCHEMA, 'HostReserved', 'memoryMiB'),
      },
      storagePool: {
        name: schemaDefault(HOST_SCHEMA, 'StoragePoolSpec', 'name'),
        path: schemaDefault(HOST_SCHEMA, 'StoragePoolSpec', 'path'),
      },
    });
    expect(hv1?.host).toMatchObject({ port: 22, user: 'root', uri: 'qemu:///system', zone: 'default', reserved: { cpus: 0, memoryMiB: 1024 } });
    expect(hv1?.pool).toEqual({ name: 'gitvirt', path: '/var/lib/libvirt/images/gitvirt' });
    expect(hv1?.images[0]?.format).toBe(schemaDefault(IMAGE_SCHEMA, 'ImageSpec', 'format'));
    expect(hv1?.networks[0]?.autostart).toBe(schemaDefault(NETWORK_SCHEMA, 'NetworkSpec', 'autostart'));

    const web = vmOf(state, 'web');
    const field = (name: string): unknown => schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'vmSpecFields', name);
    expect(web).toMatchObject({
      runStrategy: field('runStrategy'),
      restartPolicy: field('restartPolicy'),
      shutdownTimeoutSeconds: field('shutdownTimeoutSeconds'),
      selfHeal: field('selfHeal'),
      deletionProtection: field('deletionProtection'),
      domainType: field('domainType'),
      machine: field('machine'),
      maxMemoryMiB: 512,
      autostart: true,
    });
    expect(web.disks[0]).toMatchObject({ bus: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'Disk', 'bus'), capacityBytes: 0, deleteOnRemove: false });
    expect(web.disks[0]?.source?.mode).toBe(schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'Disk', 'mode'));
    expect(web.interfaces[0]?.model).toBe(schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'NetworkInterface', 'model'));
    expect(web.health).toEqual({
      http: {
        port: 8080,
        path: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'HttpProbe', 'path'),
        expectStatus: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'HttpProbe', 'expectStatus'),
      },
      periodSeconds: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'HealthCheck', 'periodSeconds'),
      timeoutSeconds: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'HealthCheck', 'timeoutSeconds'),
      initialDelaySeconds: schemaDefault(VIRTUAL_MACHINE_SCHEMA, 'HealthCheck', 'initialDelaySeconds'),
    });
    expect(vmOf(state, 'db-default-0').cluster?.role).toBe(schemaDefault(CLUSTER_SCHEMA, 'ClusterZone', 'role'));
  });

  it('fills cluster defaults, including the template spec and an omitted update strategy', () => {
    const cluster = loadCase('defaults').input.resources.find((r): r is Cluster => r.kind === 'Cluster');
    const defaulted = applyDefaults(cluster as Cluster);
    expect(defaulted.spec.antiAffinity).toBe(schemaDefault(CLUSTER_SCHEMA, 'ClusterSpec', 'antiAffinity'));
    expect(defaulted.spec.updateStrategy).toEqual({
      type: schemaDefault(CLUSTER_SCHEMA, 'UpdateStrategy', 'type'),
      maxUnavailable: schemaDefault(CLUSTER_SCHEMA, 'UpdateStrategy', 'maxUnavailable'),
      healthTimeoutSeconds: schemaDefault(CLUSTER_SCHEMA, 'UpdateStrategy', 'healthTimeoutSeconds'),
    });
    expect(defaulted.spec.template.spec.runStrategy).toBe('Always');
    expect(defaulted.spec.template.spec.disks?.[0]?.bus).toBe('virtio');
  });

  it('keeps given values and does not change its input', () => {
    const host: Host = {
      apiVersion: 'gitvirt.io/v1alpha1',
      kind: 'Host',
      metadata: { name: 'hv1' },
      spec: { address: 'a', hostKey: 'k', port: 2222, reserved: { cpus: 2 } },
    };
    const before = structuredClone(host);
    const defaulted = applyDefaults(host);
    expect(host).toEqual(before);
    expect(defaulted.spec.port).toBe(2222);
    expect(defaulted.spec.reserved).toEqual({ cpus: 2, memoryMiB: 1024 });
    expect(defaulted.spec.capacity).toBeUndefined();
  });

  it('materialises only objects that exist in the schemas, are optional and default every member', () => {
    const titled = titledNodes();
    for (const title of MATERIALIZED_OBJECTS) {
      const node = titled.get(title);
      expect(node, title).toBeDefined();
      expect(node?.['required'], title).toBeUndefined();
      const properties = Object.values(node?.['properties'] as Record<string, Record<string, unknown>>);
      expect(properties.some((p) => 'default' in p), title).toBe(true);
    }
  });
});
