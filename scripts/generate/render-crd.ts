import { stringify } from 'yaml';
import { inlineRefs } from './inline-refs.js';
import { API_VERSION, GENERATED_HEADER, GROUP_SUFFIX, isSchemaObject, type KindInfo, type SchemaObject, type SchemaSet } from './schema-set.js';
import { toStructural } from './to-structural.js';

const GROUP = GROUP_SUFFIX;
const VERSION = API_VERSION.split('/')[1] ?? '';

interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  description: string;
  priority?: number;
}

const READY: PrinterColumn = { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: 'Status of the Ready condition.' };
const REASON: PrinterColumn = { name: 'Reason', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].reason', description: 'Reason of the Ready condition.', priority: 1 };
const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time since the resource was created.' };

/** `kubectl get` columns of each kind. */
export const PRINTER_COLUMNS: Readonly<Record<KindInfo['kind'], readonly PrinterColumn[]>> = {
  Host: [
    { name: 'Address', type: 'string', jsonPath: '.spec.address', description: 'SSH address of the host.' },
    { name: 'Zone', type: 'string', jsonPath: '.spec.zone', description: 'Failure zone of the host.' },
    { name: 'Cordoned', type: 'boolean', jsonPath: '.spec.cordoned', description: 'Whether new VMs are kept off the host.' },
    READY, REASON, AGE,
  ],
  Image: [
    { name: 'Format', type: 'string', jsonPath: '.spec.format', description: 'Disk format of the image.' },
    { name: 'URL', type: 'string', jsonPath: '.spec.source.url', description: 'Download URL of the image.', priority: 1 },
    READY, REASON, AGE,
  ],
  Network: [
    { name: 'Mode', type: 'string', jsonPath: '.spec.mode', description: 'Forwarding mode of the network.' },
    { name: 'CIDR', type: 'string', jsonPath: '.spec.cidr', description: 'IPv4 network of the guests.' },
    READY, REASON, AGE,
  ],
  VirtualMachine: [
    { name: 'Host', type: 'string', jsonPath: '.status.host', description: 'Host the VM is placed on.' },
    { name: 'CPUs', type: 'integer', jsonPath: '.spec.cpus', description: 'Number of virtual CPUs.' },
    { name: 'MemoryMiB', type: 'integer', jsonPath: '.spec.memoryMiB', description: 'Memory in MiB.' },
    { name: 'RunStrategy', type: 'string', jsonPath: '.spec.runStrategy', description: 'Desired power state.', priority: 1 },
    READY, REASON, AGE,
  ],
  Cluster: [
    { name: 'AntiAffinity', type: 'string', jsonPath: '.spec.antiAffinity', description: 'How members are spread over hosts.', priority: 1 },
    READY, REASON, AGE,
  ],
};

const CONDITION: SchemaObject = {
  description: 'One aspect of the observed state: Ready, Reconciling or Stalled.',
  type: 'object',
  required: ['type', 'status'],
  properties: {
    type: { description: 'Condition type: `Ready`, `Reconciling`, `Stalled` or `RestartRequired`.', type: 'string', maxLength: 316 },
    status: { description: 'Whether the condition holds.', type: 'string', enum: ['True', 'False', 'Unknown'] },
    reason: { description: 'CamelCase reason for the status.', type: 'string', maxLength: 1024 },
    message: { description: 'One-line human-readable explanation.', type: 'string', maxLength: 32768 },
    lastTransitionTime: { description: 'When the status last changed.', type: 'string', format: 'date-time' },
    observedGeneration: { description: 'Generation of the resource the condition was computed for.', type: 'integer', minimum: 0 },
  },
};

function statusSchema(kind: KindInfo['kind']): SchemaObject {
  const properties: SchemaObject = {
    observedRevision: { description: 'Git revision of the source the status was computed from.', type: 'string' },
    conditions: {
      description: 'Conditions of the resource, one per type.',
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
      items: CONDITION,
    },
  };
  if (kind === 'VirtualMachine') properties['host'] = { description: 'Host the VM is placed on.', type: 'string' };
  return {
    description: 'Observed state written by gitvirt.',
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    properties,
  };
}

/** Builds the CustomResourceDefinition object of one kind. */
export function buildCrd(set: SchemaSet, info: KindInfo): SchemaObject {
  const doc = set.document(info.file);
  const inlined = inlineRefs(set, doc.node, doc.base);
  if (!isSchemaObject(inlined) || !isSchemaObject(inlined['properties'])) throw new Error(`failed to build CRD of ${info.kind}`);
  const spec = toStructural(inlined['properties']['spec'] as SchemaObject);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${info.plural}.${GROUP}` },
    spec: {
      group: GROUP,
      names: {
        kind: info.kind,
        listKind: `${info.kind}List`,
        plural: info.plural,
        singular: info.singular,
        shortNames: [info.shortName],
        categories: ['gitvirt'],
      },
      scope: 'Namespaced',
      versions: [{
        name: VERSION,
        served: true,
        storage: true,
        subresources: { status: {} },
        additionalPrinterColumns: PRINTER_COLUMNS[info.kind].map((c) => ({ ...c })),
        schema: {
          openAPIV3Schema: {
            description: inlined['description'] ?? '',
            type: 'object',
            required: ['spec'],
            properties: {
              apiVersion: { description: `API version of the resource: \`${API_VERSION}\`.`, type: 'string' },
              kind: { description: `Kind of the resource: \`${info.kind}\`.`, type: 'string' },
              metadata: { type: 'object' },
              spec,
              status: statusSchema(info.kind),
            },
          },
        },
      }],
    },
  };
}

/** Renders the CRD of one kind as YAML. */
export function renderCrd(set: SchemaSet, info: KindInfo): string {
  return `# ${GENERATED_HEADER}\n${stringify(buildCrd(set, info), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
