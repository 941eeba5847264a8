import type { DesiredState } from '../types/desired.js';
import type { Manifest } from '../types/manifest.js';
import { compile } from './compile.js';
import type { CompileInput } from './types.js';

/** Compiles validated manifests, positioning compile diagnostics in the manifests' source files. */
export function compileManifests(args: Omit<CompileInput, 'resources' | 'locate'> & { manifests: readonly Manifest[] }): DesiredState {
  const byKey = new Map<string, Manifest>();
  for (const manifest of args.manifests) {
    const key = `${manifest.resource.kind}/${manifest.resource.metadata.name}`;
    if (!byKey.has(key)) byKey.set(key, manifest);
  }
  const { manifests, ...rest } = args;
  return compile({
    ...rest,
    resources: manifests.map((m) => m.resource),
    locate: (resource, pointer) => byKey.get(`${resource.kind}/${resource.name}`)?.locate(pointer),
  });
}
