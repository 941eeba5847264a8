import { InvalidSourceConfigError } from './errors.js';

/** Schemes isomorphic-git can fetch over. */
const SCHEMES = new Set(['http:', 'https:']);

/**
 * Checks a remote URL and returns it normalised. Credentials embedded in the URL are refused: they
 * would end up in logs, status and process listings; pass them as `auth` (read from a file or the
 * environment) instead.
 */
export function checkRemoteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidSourceConfigError({ field: 'url', reason: 'not a valid URL' });
  }
  if (!SCHEMES.has(parsed.protocol)) {
    throw new InvalidSourceConfigError({ field: 'url', reason: `scheme ${parsed.protocol.replace(/:$/, '')} is not supported; use https (or http)` });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidSourceConfigError({
      field: 'url',
      reason: 'credentials embedded in the URL are refused; give them as a token or password file or environment variable instead',
    });
  }
  if (parsed.hash !== '') throw new InvalidSourceConfigError({ field: 'url', reason: 'a URL fragment is not allowed' });
  return parsed.toString();
}

/** The URL as shown in messages: scheme, host and path only (no query string, which may carry tokens). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}
