import { describe, expect, it } from 'vitest';
import { compile } from '../../../controller/compile/index.js';
import { vmReservation } from '../../../controller/compile/scheduler/index.js';
import { validateSources } from '../../../controller/manifests/index.js';
import type { Resource } from '../../../controller/types/resources.js';

/** hv1: 2 CPUs (x4 = 8 vCPUs) and 3072 MiB, of which 1024 reserved by default: 2048 MiB for VMs. */
const HOST = { cpus: 2, memoryMiB: 3072 };

/** A VM pinned to hv1. */
interface PinnedVm { name: string; cpus: number; memoryMiB: number; maxMemoryMiB?: number; runStrategy?: 'Always' | 'Halted' | 'Manual' }

/** The cases both paths must judge alike: does hv1 have room for every VM pinned to it? */
const CASES: { name: string; vms: PinnedVm[]; overcommitted: boolean }[] = [
  { name: 'memory fills the host exactly', vms: [{ name: 'a', cpus: 1, memoryMiB: 1024 }, { name: 'b', cpus: 1, memoryMiB: 1024 }], overcommitted: false },
  { name: 'a Halted VM tips memory over', vms: [{ name: 'a', cpus: 1, memoryMiB: 1024 }, { name: 'b', cpus: 1, memoryMiB: 1024 }, { name: 'c', cpus: 1, memoryMiB: 64, runStrategy: 'Halted' }], overcommitted: true },
  { name: 'maxMemoryMiB tips memory over', vms: [{ name: 'a', cpus: 1, memoryMiB: 1024 }, { name: 'b', cpus: 1, memoryMiB: 512, maxMemoryMiB: 1536 }], overcommitted: true },
  { name: 'maxMemoryMiB within room', vms: [{ name: 'a', cpus: 1, memoryMiB: 512, maxMemoryMiB: 1024 }, { name: 'b', cpus: 1, memoryMiB: 1024, runStrategy: 'Manual' }], overcommitted: false },
  { name: 'vCPUs fill the overcommit exactly', vms: [{ name: 'a', cpus: 4, memoryMiB: 64 }, { name: 'b', cpus: 4, memoryMiB: 64, runStrategy: 'Halted' }], overcommitted: false },
  { name: 'a Halted VM tips vCPUs over', vms: [{ name: 'a', cpus: 4, memoryMiB: 64 }, { name: 'b', cpus: 4, memoryMiB: 64 }, { name: 'c', cpus: 1, memoryMiB: 64, runStrategy: 'Halted' }], overcommitted: true },
];

/** Manifests of hv1 (with or without its capacity declared) and the VMs pinned to it. */
function sources(vms: readonly PinnedVm[], declared: boolean): { file: string; text: string }[] {
  const capacity = declared ? `  capacity: { cpus: ${HOST.cpus}, memoryMiB: ${HOST.memoryMiB} }\n` : '';
  const host = `apiVersion: gitvirt.io/v1alpha1\nkind: Host\nmetadata:\n  name: hv1\nspec:\n  address: 10.0.0.1\n  hostKey: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8\n${capacity}`;
  const docs = vms.map((vm) =>
    `apiVersion: gitvirt.io/v1alpha1\nkind: VirtualMachine\nmetadata:\n  name: ${vm.name}\nspec:\n  placement: { host: hv1 }\n  cpus: ${vm.cpus}\n  memoryMiB: ${vm.memoryMiB}\n` +
    `${vm.maxMemoryMiB === undefined ? '' : `  maxMemoryMiB: ${vm.maxMemoryMiB}\n`}${vm.runStrategy === undefined ? '' : `  runStrategy: ${vm.runStrategy}\n`}  disks: [{ name: root, sizeGiB: 1 }]\n`,
  );
  return [{ file: 'hosts.yaml', text: host }, { file: 'vms.yaml', text: docs.join('---\n') }];
}

/** The manifest check's verdict: a host-overcommitted error for hv1's declared capacity. */
function manifestCheckSays(vms: readonly PinnedVm[]): boolean {
  const result = validateSources({ sources: sources(vms, true) });
  expect(result.diagnostics.filter((d) => d.code !== 'host-overcommitted' && d.severity === 'error')).toEqual([]);
  return result.diagnostics.some((d) => d.code === 'host-overcommitted');
}

/** The scheduler's verdict: compile's host-overcommitted warning for hv1's observed capacity. */
function schedulerSays(vms: readonly PinnedVm[]): boolean {
  const result = validateSources({ sources: sources(vms, false) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const resources: Resource[] = result.manifests.map((m) => m.resource);
  const desired = compile({ resources, revision: 'r1', capacities: { hv1: HOST } });
  expect(desired.unplaced).toEqual([]);
  return desired.diagnostics.some((d) => d.code === 'host-overcommitted');
}

describe('one capacity rule for the manifest check and the scheduler', () => {
  it.each(CASES)('$name', ({ vms, overcommitted }) => {
    expect({ manifests: manifestCheckSays(vms), scheduler: schedulerSays(vms) }).toEqual({ manifests: overcommitted, scheduler: overcommitted });
  });

  it('a VM reserves its vCPUs and its maximum memory', () => {
    expect(vmReservation({ cpus: 2, memoryMiB: 512 })).toEqual({ cpus: 2, memoryMiB: 512 });
    expect(vmReservation({ cpus: 2, memoryMiB: 512, maxMemoryMiB: 2048 })).toEqual({ cpus: 2, memoryMiB: 2048 });
    expect(vmReservation({ cpus: 1, memoryMiB: 1024, maxMemoryMiB: 512 })).toEqual({ cpus: 1, memoryMiB: 1024 });
  });
});
