import { compile } from '../compile/index.js';
import type { HostTarget } from '../types/desired.js';
import type { Resource } from '../types/resources.js';

/** The fully defaulted connection facts of every Host resource, in name order (compile applies the defaults). Pure. */
export function hostTargets(resources: readonly Resource[]): HostTarget[] {
  const hosts = resources.filter((resource) => resource.kind === 'Host');
  const desired = compile({ resources: hosts, revision: '' });
  return Object.keys(desired.hosts).sort().map((name) => desired.hosts[name]!.host);
}
