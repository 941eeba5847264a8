/** Either the UTF-8 text of a file, or where it stops being text. */
export type DecodedText = { ok: true; text: string } | { ok: false; reason: 'nul-byte' | 'invalid-utf8'; line: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes file bytes as UTF-8 text; NUL bytes or invalid UTF-8 mean the file is binary. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'nul-byte', line: lineOf(bytes, nul) };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'invalid-utf8', line: lineOf(bytes, firstInvalidUtf8(bytes)) };
  }
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
