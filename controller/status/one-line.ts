/** Longest message written into a status document or note. */
export const MAX_MESSAGE_LENGTH = 300;

/** `scheme://user:password@` in a URL. */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi;

/** `password=...`, `token: ...` and the like. */
const SECRET_ASSIGNMENT = /\b(passw(?:or)?d|passphrase|secret|token|api[_-]?key)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi;

/**
 * Makes text fit for a status message: one line (control characters and line breaks become spaces),
 * credentials in URLs and `password=...`-style assignments blanked, at most `max` characters.
 */
export function oneLine(text: string, max = MAX_MESSAGE_LENGTH): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(URL_USERINFO, '$1***@')
    .replace(SECRET_ASSIGNMENT, '$1$2***')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The first 12 characters of a revision, as messages show it. */
export function shortRevision(revision: string): string {
  const match = /^([0-9a-f]{40})(-dirty)?$/.exec(revision);
  return match === null ? revision : `${match[1]!.slice(0, 12)}${match[2] ?? ''}`;
}
