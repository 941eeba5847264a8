/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scalars whose typing or quoting is easy to get wrong. */
export const EDGE_SCALARS = [
  '0o17', '0o8', '0x1F', '0xff', '0x', '1e3', '1E-3', '-1e+3', '2e', '.5', '+.5', '0.', '1.0', '1.50', '-0', '+1', '007', '1_000',
  '3.14e+2', '.inf', '-.inf', '+.Inf', '.INF', '.nan', '.NaN', '.Nan', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE',
  'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', '12:30', '2024-01-01', '2024-01-01T10:00:00Z', 'a#b', 'a #b',
  'key:value', 'key: value', 'key:', 'http://x.example/p?q=1#f', '10.0.0.1/24', '52:54:00:aa:bb:cc', '::1', 'ssh-ed25519 AAAAC3Nz x@y',
  'é', '日本語', 'a b  c', ' lead', 'trail ', '-', '--', '---', '...', '- x', '-x', '? x', '?x', ':x', '@x', '`x', '%x', '!x', '&a', '*a',
  '|', '>', '[a]', '{a: 1}', 'a, b', "it's", 'say "hi"', 'back\\slash', 'tab\there', '#', '', '__proto__', 'constructor', '<<',
  '9007199254740993', '0000', '-.5', '+', '.', '1.2.3', '0x1g', '0o', '+0x1', 'a\u00a0', '\u2028', 'emoji 🙂',
];

const ALPHABET = 'abcxyz019 -:#\'"[]{},&*!|>%@`?.eE+\\~é\t';

/** Options for one generated YAML text. */
interface State {
  next: () => number;
  lines: string[];
  /** Whether to write scalars that may be invalid plain YAML and other odd constructs. */
  wild: boolean;
}

/** Plain text that is surely a valid plain scalar (else a tame text gets quoted). */
const SAFE_PLAIN = /^[A-Za-z0-9.~+é日本語🙂/_(][^:#\t]*$/;

function pick<T>(s: State, items: readonly T[]): T {
  return items[Math.floor(s.next() * items.length)] as T;
}

function chance(s: State, p: number): boolean {
  return s.next() < p;
}

function scalarText(s: State): string {
  if (chance(s, 0.6)) return pick(s, EDGE_SCALARS);
  let out = '';
  const n = 1 + Math.floor(s.next() * 8);
  for (let i = 0; i < n; i++) out += pick(s, [...ALPHABET]);
  return out;
}

function doubleQuote(text: string, s: State): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += s.wild ? pick(s, ['\\t', '\\\t', '\t']) : '\\t';
    else if (code < 0x20) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7f && chance(s, 0.5)) out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  if (chance(s, 0.2)) out += pick(s, ['\\n', '\\e', '\\N', '\\_', '\\L', '\\/', '\\0', '\\ ', '\\u00e9', '\\x41', '\\t', '\\"', '\\\\']);
  if (s.wild && chance(s, 0.1)) out += pick(s, ['\\q', '\\u12', '\\UFFFFFFFF', '\\ud800']);
  return `${out}"`;
}

/** A scalar written plain, single- or double-quoted (plain ones may well be invalid or mean something else). */
function scalar(s: State): string {
  const text = scalarText(s);
  const style = s.next();
  if (style < 0.5 && (s.wild || (SAFE_PLAIN.test(text) && !text.endsWith(' ')))) return text;
  if (style < 0.75) return `'${text.replace(/'/g, "''")}'`;
  return doubleQuote(text, s);
}

/** A scalar inside a flow collection: tame ones are quoted unless plainly safe there too. */
function flowScalar(s: State): string {
  const text = scalar(s);
  return s.wild || !/[,[\]{}]/.test(text) || /^["']/.test(text) ? text : JSON.stringify(text);
}

function key(s: State): string {
  if (chance(s, 0.15)) return scalar(s);
  if (chance(s, 0.1)) return pick(s, ['1', '0x1F', 'null', '~', 'true', '1.0', '-0', '.inf', '"a b"', "'q'", '"é"', 'a b', '-k', '.k']);
  return pick(s, ['name', 'spec', 'kind', 'cpus', 'a', 'b', 'c', 'disks', 'labels', 'data', 'x-y', 'k.l', 'url', 'v1']);
}

function comment(s: State): string {
  return chance(s, 0.15) ? pick(s, [' # note', ' #', '  # a: b', ' #x#y', s.wild ? '\t# tab' : ' # - x']) : '';
}

function trailing(s: State): string {
  return chance(s, 0.1) ? pick(s, s.wild ? [' ', '  ', '\t'] : [' ', '  ']) : '';
}

function interlude(s: State, indent: number): void {
  if (chance(s, 0.08)) s.lines.push('');
  if (chance(s, 0.08)) s.lines.push(`${' '.repeat(Math.floor(s.next() * (indent + 3)))}# comment${pick(s, ['', ': x', ' - y'])}`);
}

function flow(s: State, depth: number): string {
  const map = chance(s, 0.5);
  const n = Math.floor(s.next() * 4);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const value = depth < 3 && chance(s, 0.15) ? flow(s, depth + 1) : flowScalar(s);
    items.push(map ? `${key(s)}${pick(s, s.wild ? [': ', ':', ' : ', ':  '] : [': ', ' : ', ':  '])}${value}` : value);
  }
  const sep = pick(s, [', ', ',', ' , ']);
  const body = items.join(sep) + (n > 0 && s.wild && chance(s, 0.05) ? ',' : '');
  return map ? pick(s, [`{${body}}`, `{ ${body} }`]) : pick(s, [`[${body}]`, `[ ${body} ]`]);
}

function blockScalar(s: State, indent: number): string {
  const header = pick(s, s.wild ? ['|', '>', '|-', '|+', '>-', '>+', '|2', '| # c', '>\t'] : ['|', '>', '|-', '|+', '>-', '>+', '| # c']);
  const m = indent + pick(s, [1, 2, 2, 4]);
  const n = 1 + Math.floor(s.next() * 5);
  for (let i = 0; i < n; i++) {
    const r = s.next();
    if (r < 0.15) s.lines.push(pick(s, ['', ' '.repeat(m), ' '.repeat(s.wild ? m + 2 : m - 1)]));
    else if (r < 0.3 && (i > 0 || s.wild)) s.lines.push(`${' '.repeat(m + 2)}${scalarText(s)}`);
    else s.lines.push(`${' '.repeat(m)}${scalarText(s)}${trailing(s)}`);
  }
  if (chance(s, 0.3)) s.lines.push(...Array(1 + Math.floor(s.next() * 3)).fill(''));
  return header;
}

/** Writes a value after `key:` or `- ` on the current last line, or on following lines. */
function value(s: State, indent: number, depth: number, inSeq: boolean): void {
  const r = s.next();
  const last = s.lines.length - 1;
  if (depth < 5 && r < 0.25) {
    s.lines[last] += comment(s);
    const seqHere = !inSeq && chance(s, 0.4);
    if (chance(s, 0.5)) sequence(s, seqHere ? indent : indent + pick(s, [1, 2, 4]), depth + 1);
    else mapping(s, indent + pick(s, [1, 2, 4]), depth + 1);
  } else if (r < 0.32) {
    s.lines[last] += comment(s);
  } else if (r < 0.4) {
    s.lines[last] += ` ${flow(s, 0)}${comment(s)}`;
  } else if (r < 0.47) {
    s.lines[last] += ` ${blockScalar(s, indent)}`;
  } else {
    s.lines[last] += `${pick(s, [' ', ' ', ' ', '  '])}${scalar(s)}${trailing(s)}${comment(s)}`;
  }
}

function mapping(s: State, indent: number, depth: number, firstInline = false): void {
  const n = 1 + Math.floor(s.next() * 4);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!(firstInline && i === 0)) {
      interlude(s, indent);
      s.lines.push(' '.repeat(indent));
    }
    let k = key(s);
    if (!s.wild && seen.has(k)) k = `k${i}`;
    seen.add(k);
    s.lines[s.lines.length - 1] += `${k}${pick(s, [':', ':', ':', ' :'])}`;
    value(s, indent, depth, false);
  }
}

function sequence(s: State, indent: number, depth: number): void {
  const n = 1 + Math.floor(s.next() * 4);
  for (let i = 0; i < n; i++) {
    interlude(s, indent);
    s.lines.push(`${' '.repeat(indent)}-`);
    const r = s.next();
    if (depth < 5 && r < 0.35) {
      const gap = pick(s, [1, 1, 3]);
      s.lines[s.lines.length - 1] += ' '.repeat(gap);
      mapping(s, indent + 1 + gap, depth + 1, true);
    } else {
      value(s, indent, depth, true);
    }
  }
}

/** Applies one random small edit (a character inserted or removed, a line re-indented or repeated). */
function mutate(s: State, text: string): string {
  const at = Math.floor(s.next() * (text.length + 1));
  switch (Math.floor(s.next() * 4)) {
    case 0: return text.slice(0, at) + pick(s, [...ALPHABET, '\n', '\r', '\uFEFF']) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1);
    case 2: {
      const lines = text.split('\n');
      const i = Math.floor(s.next() * lines.length);
      lines[i] = pick(s, [' ', '', '\t']) + (lines[i] as string).replace(/^ /, chance(s, 0.5) ? '' : ' ');
      return lines.join('\n');
    }
    default: {
      const lines = text.split('\n');
      const i = Math.floor(s.next() * lines.length);
      lines.splice(i, 0, lines[i] as string);
      return lines.join('\n');
    }
  }
}

/**
 * A random YAML text in the style of manifests, for comparing parsers: nested block mappings and
 * sequences (compact and indented), edge-case scalars in every quoting style, flow collections,
 * block scalars, comments, blank lines, trailing spaces, several documents, CRLF line ends. A `wild`
 * text also writes odd plain scalars, tabs, escapes and headers, and sometimes gets a small random
 * edit, so that it is often invalid or outside the fast reader's subset.
 */
export function generateYaml(seed: number, wild: boolean): string {
  const s: State = { next: random(seed), lines: [], wild };
  const documents = 1 + Math.floor(s.next() * 3);
  for (let d = 0; d < documents; d++) {
    if (d > 0 || chance(s, 0.2)) s.lines.push(pick(s, ['---', '---', '--- # doc', '...\n---', '...']));
    const r = s.next();
    if (r < 0.05) s.lines.push('# only a comment');
    else if (r < 0.08) continue;
    else if (r < 0.1) sequence(s, 0, 1);
    else mapping(s, chance(s, 0.1) ? 2 : 0, 1);
  }
  if (chance(s, 0.1)) s.lines.push('...');
  let text = s.lines.join('\n') + (chance(s, 0.8) ? '\n' : '');
  if (chance(s, 0.15)) text = text.replace(/\n/g, '\r\n');
  if (wild && chance(s, 0.3)) text = mutate(s, text);
  return text;
}
