import type { OwnerRef } from '../types/desired.js';
import type { DefaultedVmSpec } from './defaulted.js';
import type { AntiAffinity } from './scheduler/types.js';

/** A VM to compile: a VirtualMachine resource or one expanded Cluster member. */
export interface VmUnit {
  name: string;
  spec: DefaultedVmSpec;
  labels: Record<string, string>;
  owner: OwnerRef;
  cluster?: { name: string; zone: string; role: 'active' | 'standby'; ordinal: number };
  antiAffinity?: AntiAffinity;
  /** The resource it comes from and the JSON pointers of its spec and placement there, for diagnostics. */
  origin: { kind: 'VirtualMachine' | 'Cluster'; name: string; specPath: string; placementPath: string };
}
