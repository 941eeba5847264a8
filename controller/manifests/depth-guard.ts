import { CST } from 'yaml';

/** Tracks how deeply YAML nodes nest while lexer tokens stream past, without building anything. */
export interface DepthGuard {
  /** Feeds one lexer token; returns false once the nesting limit is exceeded. */
  next(token: string): boolean;
  /** Offset in the text where the limit was first exceeded, or -1. */
  readonly exceededAt: number;
  /** Deepest nesting seen so far. */
  readonly maxDepth: number;
}

/** Token types that carry no content and never open a node. */
const NEUTRAL: ReadonlySet<string> = new Set([
  'byte-order-mark', 'space', 'comment', 'newline', 'directive-line', 'comma', 'map-value-ind',
  'flow-seq-end', 'flow-map-end', 'doc-end',
]);

/** Lexer control tokens that occupy no characters of the source. */
const ZERO_WIDTH: ReadonlySet<string> = new Set(['doc-mode', 'flow-error-end', 'scalar-marker']);

/**
 * Creates a depth guard: block nesting is estimated from the columns of line-leading content and
 * compact `- `/`? ` items, flow nesting from brackets; the estimate never undercounts real nesting.
 */
export function createDepthGuard(limit: number): DepthGuard {
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let afterIndicator = false;
  let pendingScalar = false;
  let blockScalar = false;
  let exceededAt = -1;
  let maxDepth = 0;

  const open = (column: number): void => {
    while (columns.length > 0 && (columns[columns.length - 1] as number) >= column) columns.pop();
    columns.push(column);
  };

  return {
    get exceededAt() { return exceededAt; },
    get maxDepth() { return maxDepth; },
    next(token: string): boolean {
      if (exceededAt >= 0) return false;
      const type = pendingScalar ? 'scalar' : token === CST.SCALAR ? 'scalar-marker' : (CST.tokenType(token) ?? 'scalar');
      pendingScalar = type === 'scalar-marker';
      if (type === 'flow-error-end') flow = 0;
      if (ZERO_WIDTH.has(type)) return true;
      const start = offset;
      offset += token.length;
      if (type === 'newline') {
        lineStart = offset;
        atLineStart = true;
        afterIndicator = false;
        return true;
      }
      if (type === 'doc-start') {
        columns.length = 0;
        flow = 0;
        return true;
      }
      if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
      const body = type === 'scalar' && blockScalar;
      if (type === 'block-scalar-header') blockScalar = true;
      else if (type === 'scalar') blockScalar = false;
      if (!NEUTRAL.has(type) && !body) {
        if (flow === 0 && (atLineStart || afterIndicator)) open(start - lineStart);
        atLineStart = false;
        afterIndicator = type === 'seq-item-ind' || type === 'explicit-key-ind';
        if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
      }
      const newline = token.lastIndexOf('\n');
      if (newline >= 0) lineStart = start + newline + 1;
      const depth = columns.length + flow;
      if (depth > maxDepth) maxDepth = depth;
      if (depth > limit) exceededAt = start;
      return exceededAt < 0;
    },
  };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** What a quick scan of the raw text learns before parsing. */
export interface TextShape {
  /** Upper bound on nesting depth of any document. */
  depthBound: number;
  /** Number of document markers (`---`, `...` at the start of a line). */
  markers: number;
}

/**
 * Scans the text once without parsing. Every nested collection needs a `[`, `{`, or a `-`, `?` or
 * `:` indicator followed by whitespace, so their count per document (reset at `---`/`...` lines)
 * bounds the depth; when it stays within the limit the exact (slower) guard is unnecessary.
 */
export function scanTextShape(text: string): TextShape {
  let max = 0;
  let count = 0;
  let markers = 0;
  let lineStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (lineStart && (c === 0x2d || c === 0x2e) && i + 2 < n && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c &&
      (i + 3 === n || WS.has(text.charCodeAt(i + 3)))) {
      count = 0;
      markers++;
      i += 2;
      lineStart = false;
      continue;
    }
    lineStart = c === 0x0a;
    if (c === 0x5b || c === 0x7b) count++;
    else if ((c === 0x2d || c === 0x3a || c === 0x3f) && (i + 1 === n || WS.has(text.charCodeAt(i + 1)))) count++;
    else continue;
    if (count > max) max = count;
  }
  return { depthBound: max + 1, markers };
}
