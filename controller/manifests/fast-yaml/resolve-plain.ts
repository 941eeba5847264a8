/**
 * The value of a plain scalar under the YAML 1.2 core schema, exactly as the `yaml` package types
 * it by default: null, booleans, integers (decimal, `0o` octal, `0x` hex), floats (incl. `.inf`,
 * `.nan`, exponents), everything else a string. Same patterns, same conversions, same order; the
 * first character rules out most patterns before any is tried.
 */
export function resolvePlain(text: string): unknown {
  const n = text.length;
  if (n === 0) return null;
  const c = text.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return resolveNumber(text, c);
  if (n > 5) return text;
  if (c === 0x7e || c === 0x6e || c === 0x4e) return NULL.test(text) ? null : text;
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return BOOL.test(text) ? c === 0x74 || c === 0x54 : text;
  return text;
}

/** A text starting with a digit, a sign or a dot: an int, a float, or a string. */
function resolveNumber(text: string, c: number): unknown {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : c === 0x2d ? -Infinity : Infinity;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A mapping key as the `yaml` package's `toJS` names the JS property: the typed value as text, null as ''. */
export function keyName(value: unknown): string {
  return value === null ? '' : String(value);
}
