/** Header names carrying a commit signature (git strips all of them from the signed payload). */
const SIGNATURE_HEADERS = new Set(['gpgsig', 'gpgsig-sha256']);

/**
 * Splits a raw commit object into the payload git signed (the object without its signature
 * headers) and the armored signature (the first signature header, continuation lines unindented).
 * Give the object as a latin1 string so that any byte survives the round trip.
 */
export function splitCommitSignature(raw: string): { payload: string; signature: string | null } {
  const end = raw.indexOf('\n\n');
  const header = end === -1 ? raw : raw.slice(0, end);
  const rest = end === -1 ? '' : raw.slice(end);
  const kept: string[] = [];
  const signature: string[] = [];
  let inSignature = false;
  let seen = false;
  for (const line of header.split('\n')) {
    if (line.startsWith(' ') && inSignature) {
      if (!seen) signature.push(line.slice(1));
      continue;
    }
    if (inSignature) seen = true;
    const name = line.slice(0, line.indexOf(' '));
    inSignature = SIGNATURE_HEADERS.has(name);
    if (inSignature) {
      if (!seen) signature.push(line.slice(name.length + 1));
      continue;
    }
    kept.push(line);
  }
  return { payload: `${kept.join('\n')}${rest}`, signature: signature.length === 0 ? null : `${signature.join('\n')}\n` };
}
