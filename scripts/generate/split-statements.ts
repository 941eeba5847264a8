/** Characters after which a `/` starts a regular expression literal rather than a division. */
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';']);

/**
 * Splits generated JavaScript into its top-level statements (at `;` outside brackets, strings,
 * regular expression literals and comments, and after the body of a function declaration), without
 * the `;` separators. Refuses template literals, which generated validator code never contains,
 * rather than mis-splitting them.
 */
export function splitStatements(code: string): string[] {
  const statements: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  let previous = '';
  while (i < code.length) {
    const c = code[i] as string;
    if (c === '"' || c === "'") {
      i = stringEnd(code, i);
      previous = c;
      continue;
    }
    if (c === '`') throw new Error(`failed to split generated code: unexpected template literal at offset ${i}`);
    if (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
      const close = code[i + 1] === '/' ? '\n' : '*/';
      const end = code.indexOf(close, i + 2);
      if (end < 0) throw new Error(`failed to split generated code: unterminated comment at offset ${i}`);
      i = end + close.length;
      continue;
    }
    if (c === '/' && BEFORE_REGEX.has(previous)) {
      i = regexEnd(code, i);
      previous = c;
      continue;
    }
    if (!/\s/.test(c)) previous = c;
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    if (depth < 0) throw new Error(`failed to split generated code: unbalanced ${c} at offset ${i}`);
    const declared = c === '}' && depth === 0 && /^function\s/.test(code.slice(start, i).trimStart());
    if ((c === ';' && depth === 0) || declared) {
      const statement = code.slice(start, declared ? i + 1 : i).trim();
      if (statement !== '') statements.push(statement);
      start = i + 1;
    }
    i++;
  }
  if (depth !== 0) throw new Error('failed to split generated code: unbalanced brackets at the end');
  const last = code.slice(start).trim();
  if (last !== '') statements.push(last);
  return statements;
}

/** Offset just past the string literal that opens at `open`. */
function stringEnd(code: string, open: number): number {
  const quote = code[open];
  for (let i = open + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  throw new Error(`failed to split generated code: unterminated string at offset ${open}`);
}

/** Offset just past the regular expression literal (and its flags) that opens at `open`. */
function regexEnd(code: string, open: number): number {
  let inClass = false;
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let end = i + 1;
      while (end < code.length && /[a-z]/.test(code[end] as string)) end++;
      return end;
    }
  }
  throw new Error(`failed to split generated code: unterminated regular expression at offset ${open}`);
}
