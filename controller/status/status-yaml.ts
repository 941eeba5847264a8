/** Deterministic YAML for status documents, and lenient reading of them back. */
import { parse, stringify } from 'yaml';
import { parseStatusPath } from './status-paths.js';
import type { HostStatusDoc, ResourceStatusDoc, StatusSnapshot } from './status-types.js';

/** Stringify options: sorted keys, no folding, no anchors — the same document always gives the same bytes. */
const YAML_OPTIONS = { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false } as const;

/** One value as deterministic YAML (keys sorted at every level). Pure. */
export function toYaml(value: unknown): string {
  return stringify(value, YAML_OPTIONS);
}

/** Every file of a status tree: path → YAML text. Pure. */
export function renderStatusFiles(snapshot: StatusSnapshot): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, doc] of [...snapshot.resources, ...snapshot.hosts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.set(path, toYaml(doc));
  }
  return files;
}

/** A YAML text as a plain object, or undefined when it is not a mapping. */
function parseMapping(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = parse(text, { maxAliasCount: 0 });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a parsed document has the envelope of a status document named `name`. */
function envelopeOk(doc: Record<string, unknown>, name: string): boolean {
  const metadata = doc['metadata'] as { name?: unknown } | undefined;
  return typeof doc['status'] === 'object' && doc['status'] !== null && metadata?.name === name;
}

/**
 * The snapshot a status tree holds: files whose path and envelope are those of a status document;
 * anything else (other files, unreadable YAML, wrong names) is skipped. Pure.
 */
export function parseStatusFiles(files: ReadonlyMap<string, string>): StatusSnapshot {
  const snapshot: StatusSnapshot = { resources: new Map(), hosts: new Map() };
  for (const [path, text] of files) {
    const where = parseStatusPath(path);
    if (where === undefined) continue;
    const doc = parseMapping(text);
    if (doc === undefined || !envelopeOk(doc, where.name)) continue;
    if (where.type === 'resource' && doc['kind'] === where.kind && Array.isArray((doc['status'] as { conditions?: unknown }).conditions)) {
      snapshot.resources.set(path, doc as unknown as ResourceStatusDoc);
    } else if (where.type === 'host' && doc['kind'] === 'HostInventory') {
      snapshot.hosts.set(path, doc as unknown as HostStatusDoc);
    }
  }
  return snapshot;
}
