/** Arguments that break naive shell quoting; each must reach the command byte for byte. */
export const AWKWARD_ARGS: readonly string[] = [
  '',
  ' ',
  "it's",
  "''",
  '"double"',
  '$(touch /tmp/gitvirt-pwned)',
  '`touch /tmp/gitvirt-pwned`',
  '$HOME',
  '${IFS}',
  'a\nb',
  'trailing newline\n',
  '\ttab',
  '\\',
  '\\n',
  '-n',
  '--',
  '-e',
  '*',
  '?',
  '[a-z]',
  '~',
  '~root',
  '#comment',
  'a;b',
  'a&&b',
  'a|b',
  '<in',
  '>out',
  '(x)',
  '{a,b}',
  '!',
  'a=b',
  'if',
  'then',
  'ünïcödé',
  '日本語',
  '🙂',
  '\u0001\u001f\u007f',
  'é\u0301',
];

/** A seeded pseudo-random generator (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = ` \t\n'"\`$\\!*?[]{}()<>|&;#~=%^-,.:@+/`;

/** A random string of shell specials, ASCII control characters, Latin-1 and astral code points (never NUL). */
export function randomShellString(random: () => number, maxLength = 24): string {
  const length = Math.floor(random() * (maxLength + 1));
  let out = '';
  for (let i = 0; i < length; i += 1) {
    const pick = random();
    if (pick < 0.45) out += SPECIALS[Math.floor(random() * SPECIALS.length)];
    else if (pick < 0.65) out += String.fromCharCode(1 + Math.floor(random() * 127));
    else if (pick < 0.8) out += String.fromCharCode(128 + Math.floor(random() * 128));
    else if (pick < 0.9) out += String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000));
    else out += String.fromCodePoint(0x1f300 + Math.floor(random() * 0x200));
  }
  return out;
}

/** Splits `printf '%s\0' ...` output back into its arguments. */
export function splitNul(output: string): string[] {
  const parts = output.split('\0');
  parts.pop();
  return parts;
}
