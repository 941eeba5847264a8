import type { HostTarget } from '../types/desired.js';

/** Which hosts get a Network or Image: names, zones and selector, combined with AND. */
export interface HostSelectionLike {
  names?: string[];
  zones?: string[];
  selector?: Record<string, string>;
}

/** True when the host matches every criterion of the selection. */
export function hostSelected(selection: HostSelectionLike, host: HostTarget): boolean {
  if (selection.names !== undefined && !selection.names.includes(host.name)) return false;
  if (selection.zones !== undefined && !selection.zones.includes(host.zone)) return false;
  return Object.entries(selection.selector ?? {}).every(([key, value]) => host.labels[key] === value);
}
