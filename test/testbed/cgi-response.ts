/** The header block of a CGI response: status and headers, and where the body starts. */
export interface CgiHead {
  status: number;
  headers: [string, string][];
  /** Offset of the first body byte in the buffer that was parsed. */
  bodyOffset: number;
}

/**
 * Parses the CGI header block at the start of `buffer` (headers, one of which may be
 * `Status: 404 Not Found`, then an empty line). Returns null while the block is incomplete.
 */
export function parseCgiHead(buffer: Buffer): CgiHead | null {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  let end: number;
  let sep: number;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) [end, sep] = [crlf, 4];
  else if (lf !== -1) [end, sep] = [lf, 2];
  else return null;
  let status = 200;
  const headers: [string, string][] = [];
  for (const line of buffer.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else headers.push([name, value]);
  }
  return { status, headers, bodyOffset: end + sep };
}
