/** Decides whether a repository path is excluded by `.gitvirtignore` rules. */
export interface IgnoreMatcher {
  /** True when `path` (POSIX, relative to the repository root) or one of its parent folders is ignored. */
  ignores(path: string, isDirectory: boolean): boolean;
  /** 1-based numbers of lines that could not be compiled and were skipped. */
  readonly invalidLines: readonly number[];
}

interface Rule { regex: RegExp; negate: boolean; directoryOnly: boolean }

/**
 * Compiles gitignore-style rules: `#` comments, `!` negation, `*`, `?`, `[...]`, `**`, a leading or
 * inner `/` anchors to the root, a trailing `/` matches folders only; the last matching rule wins.
 */
export function createIgnoreMatcher(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    try {
      const rule = compileRule(raw);
      if (rule !== undefined) rules.push(rule);
    } catch {
      invalidLines.push(i + 1);
    }
  });
  const own = (path: string, isDirectory: boolean): boolean => {
    let ignored = false;
    for (const rule of rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.negate !== ignored) continue;
      if (rule.regex.test(path)) ignored = !rule.negate;
    }
    return ignored;
  };
  return {
    invalidLines,
    ignores(path, isDirectory) {
      if (rules.length === 0) return false;
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) {
        if (own(parts.slice(0, i).join('/'), true)) return true;
      }
      return own(path, isDirectory);
    },
  };
}

function compileRule(raw: string): Rule | undefined {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    directoryOnly = true;
    line = line.replace(/\/+$/, '');
  }
  const anchored = line.includes('/');
  line = line.replace(/^\/+/, '');
  if (line === '') return undefined;
  const body = globToRegex(line);
  const prefix = anchored ? '' : '(?:.*/)?';
  return { regex: new RegExp(`^${prefix}${body}$`, 's'), negate, directoryOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const stars = j - i;
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = j === glob.length || glob[j] === '/';
      if (stars >= 2 && atStart && atEnd) {
        if (j === glob.length) out += '.*';
        else {
          out += '(?:.*/)?';
          j++;
        }
      } else {
        out += '[^/]*';
      }
      i = j;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
      } else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close + 1;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1] as string);
      i += 2;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return out;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
