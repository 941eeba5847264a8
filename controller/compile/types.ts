import type { SourcePosition } from '../types/diagnostic.js';
import type { Resource } from '../types/resources.js';
import type { Capacity, UnplacedCode } from './scheduler/types.js';

/** Where owned VMs currently run: VM name → host name (from observed state or the status branch). */
export type LivePlacement = Readonly<Record<string, string>>;

/** Observed capacity per host (from `virsh nodeinfo`), used when a Host gives no `capacity`. */
export type HostCapacities = Readonly<Record<string, Capacity>>;

/** Finds the source position of a JSON pointer inside the named resource, when known. */
export type LocateResource = (resource: { kind: string; name: string }, pointer: string) => SourcePosition | undefined;

/** Input of `compile`. */
export interface CompileInput {
  /** Validated resources, defaults not yet applied. */
  resources: readonly Resource[];
  /** Source revision the resources come from. */
  revision: string;
  /** Where owned VMs run now, so placement is stable. */
  live?: LivePlacement;
  /** Observed host capacities. */
  capacities?: HostCapacities;
  /** Positions for diagnostics. */
  locate?: LocateResource;
}

/** Why compile left a VM unplaced: a scheduler outcome, or a reference to a missing Image or Network. */
export type CompileUnplacedCode = UnplacedCode | 'InvalidReference';
