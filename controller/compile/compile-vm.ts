import type { DesiredInterface, DesiredVm } from '../types/desired.js';
import { buildSeed, type SeedProblem } from './build-seed.js';
import { compileDisks } from './compile-disks.js';
import type { DefaultedImage, DefaultedVmSpec } from './defaulted.js';
import { withSpecHash } from './spec-hash.js';
import type { VmUnit } from './vm-unit.js';

/** Whether libvirt starts the domain when the host boots, by run strategy. */
export const AUTOSTART_BY_RUN_STRATEGY: Readonly<Record<DefaultedVmSpec['runStrategy'], boolean>> = {
  Always: true,
  Halted: false,
  Manual: false,
};

/** Everything a VM refers to, resolved for the host it is placed on. */
export interface VmContext {
  pool: string;
  images: ReadonlyMap<string, DefaultedImage>;
  bridges: ReadonlyMap<string, string>;
  /** Resolved MAC per interface, in interface order. */
  macs: readonly string[];
}

/** Copies the defined fields of an object, dropping undefined ones. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The optional parts of a VM, present only when the spec gives them. */
function optionalParts(spec: DefaultedVmSpec): Partial<DesiredVm> {
  const parts: Partial<DesiredVm> = {};
  if (spec.cpuTune !== undefined) {
    parts.cpuTune = defined({ shares: spec.cpuTune.shares, pinning: spec.cpuTune.pinning?.map((p) => ({ vcpu: p.vcpu, cpuset: p.cpuset })) });
  }
  if (spec.boot !== undefined) {
    parts.boot = defined({ kernel: spec.boot.kernel, initrd: spec.boot.initrd, cmdline: spec.boot.cmdline });
  }
  if (spec.health !== undefined) {
    const h = spec.health;
    parts.health = defined({
      http: h.http === undefined ? undefined : { port: h.http.port, path: h.http.path, expectStatus: h.http.expectStatus },
      tcp: h.tcp === undefined ? undefined : { port: h.tcp.port },
      periodSeconds: h.periodSeconds,
      timeoutSeconds: h.timeoutSeconds,
      initialDelaySeconds: h.initialDelaySeconds,
    });
  }
  return parts;
}

/** Compiles one placed VM: disks to volumes, interfaces to MACs and bridges, cloud-init to a seed, then its spec hash. */
export function compileVm(unit: VmUnit, ctx: VmContext): { vm: DesiredVm; problems: SeedProblem[] } {
  const { spec, name } = unit;
  const interfaces: DesiredInterface[] = (spec.interfaces ?? []).map((nic, index) =>
    defined({ network: nic.network, bridge: ctx.bridges.get(nic.network), mac: ctx.macs[index] ?? '', ip: nic.ip, model: nic.model }),
  );
  const built = spec.cloudInit === undefined ? undefined : buildSeed({ vm: name, pool: ctx.pool, cloudInit: spec.cloudInit });
  const vm: Omit<DesiredVm, 'specHash'> = {
    name,
    owner: { ...unit.owner },
    ...(unit.cluster === undefined ? {} : { cluster: { ...unit.cluster } }),
    domainType: spec.domainType,
    machine: spec.machine,
    cpus: spec.cpus,
    memoryMiB: spec.memoryMiB,
    maxMemoryMiB: spec.maxMemoryMiB ?? spec.memoryMiB,
    disks: compileDisks({ vm: name, pool: ctx.pool, disks: spec.disks ?? [], images: ctx.images }),
    ...(built === undefined ? {} : { seed: built.seed }),
    interfaces,
    runStrategy: spec.runStrategy,
    autostart: AUTOSTART_BY_RUN_STRATEGY[spec.runStrategy],
    restartPolicy: spec.restartPolicy,
    shutdownTimeoutSeconds: spec.shutdownTimeoutSeconds,
    selfHeal: spec.selfHeal,
    deletionProtection: spec.deletionProtection,
    labels: { ...unit.labels },
    ...(spec.migration === undefined ? {} : { migration: { disks: spec.migration.disks ?? 'copy' } }),
    ...optionalParts(spec),
  };
  return { vm: withSpecHash<DesiredVm>(vm), problems: built?.problems ?? [] };
}
