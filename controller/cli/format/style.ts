/** Terminal styles used by the text report. */
export type StyleName = 'error' | 'warning' | 'info' | 'dim' | 'bold' | 'ok';

/** ANSI SGR codes per style. */
const SGR: Readonly<Record<StyleName, string>> = {
  error: '1;31',
  warning: '1;33',
  info: '1;36',
  dim: '2',
  bold: '1',
  ok: '1;32',
};

/** Applies a style; the identity when colour is off. */
export type Paint = (style: StyleName, text: string) => string;

/** A painter that emits ANSI colours when `color` is true. */
export function painter(color: boolean): Paint {
  return color ? (style, text) => (text === '' ? '' : `\u001b[${SGR[style]}m${text}\u001b[0m`) : (_style, text) => text;
}

/**
 * Makes untrusted text safe for a terminal or log: control characters (ESC, CR, C1 ...) become
 * visible escapes like `\u001b`, so a manifest cannot move the cursor or forge output lines.
 */
export function printable(text: string, keepTabs = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    keepTabs && c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
