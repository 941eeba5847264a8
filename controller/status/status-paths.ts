/** Where documents live on the status branch. */
import { STATUS_KINDS, type StatusKind } from './status-types.js';

/** Names that may become a file name on the status branch (DNS labels, as manifests require). */
const SAFE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Folder of resource documents. */
export const RESOURCE_DIR = 'status';

/** Folder of host documents. */
export const HOST_DIR = 'hosts';

/** True when `name` can name a status file. */
export function safeStatusName(name: string): boolean {
  return SAFE_NAME.test(name);
}

/** `status/<Kind>/<name>.yaml`. */
export function resourcePath(kind: StatusKind, name: string): string {
  return `${RESOURCE_DIR}/${kind}/${name}.yaml`;
}

/** `hosts/<host>.yaml`. */
export function hostPath(host: string): string {
  return `${HOST_DIR}/${host}.yaml`;
}

/** What a path on the status branch holds, or undefined for any other file. */
export function parseStatusPath(path: string): { type: 'resource'; kind: StatusKind; name: string } | { type: 'host'; name: string } | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  if (!file.endsWith('.yaml')) return undefined;
  const name = file.slice(0, -'.yaml'.length);
  if (!safeStatusName(name)) return undefined;
  if (parts.length === 3 && parts[0] === RESOURCE_DIR && (STATUS_KINDS as readonly string[]).includes(parts[1] ?? '')) {
    return { type: 'resource', kind: parts[1] as StatusKind, name };
  }
  if (parts.length === 2 && parts[0] === HOST_DIR) return { type: 'host', name };
  return undefined;
}

/** Parses `<Kind>/<name>` as the history command takes it; undefined when it is not one. */
export function parseResourceKey(text: string): { kind: StatusKind; name: string } | undefined {
  const [kind, name, ...rest] = text.split('/');
  if (rest.length > 0 || kind === undefined || name === undefined) return undefined;
  const known = STATUS_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  return known === undefined || !safeStatusName(name) ? undefined : { kind: known, name };
}
