import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { SourcePosition } from '../types/diagnostic.js';
import type { Locate } from '../types/manifest.js';

/** Splits a JSON pointer into unescaped segments (`/a~1b/0` → `['a/b', '0']`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a JSON pointer, escaping `~` and `/`. */
export function joinPointer(...segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) {
    const text = String(segment);
    pointer += text.includes('~') || text.includes('/') ? `/${text.replace(/~/g, '~0').replace(/\//g, '~1')}` : `/${text}`;
  }
  return pointer;
}

/** The text a mapping key stands for once converted to JS (how duplicate keys collide). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

interface Step { node: Node | null; key: Node | null }

const offsetOf = (node: Node | null): number | undefined => node?.range?.[0];

function resolve(doc: Document.Parsed, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? node;
  return (node as Node | null) ?? null;
}

/** The nodes along a pointer, from the document root to the deepest one that exists. */
function walk(doc: Document.Parsed | null, segments: readonly string[]): Step[] {
  if (doc === null) return [];
  const steps: Step[] = [{ node: (doc.contents as Node | null) ?? null, key: null }];
  for (const segment of segments) {
    const current = resolve(doc, steps[steps.length - 1]?.node);
    let next: Step | undefined;
    if (isMap(current)) {
      for (const pair of current.items) {
        if (isPair(pair) && keyText(pair.key) === segment) {
          next = { node: (pair.value as Node | null) ?? null, key: (pair.key as Node | null) ?? null };
        }
      }
    } else if (isSeq(current) && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const item = current.items[Number(segment)] as Node | undefined;
      if (item !== undefined) next = { node: item, key: item };
    }
    if (next === undefined) break;
    steps.push(next);
  }
  return steps;
}

/** What a locator needs: the file, its line index, where the document starts, and the document once loaded. */
interface LocatorState {
  file: string;
  lineCounter: LineCounter;
  start: number;
  load: () => Document.Parsed | undefined;
  doc: Document.Parsed | null | undefined;
}

function position(state: LocatorState, offset: number): SourcePosition {
  const { line, col } = state.lineCounter.linePos(offset);
  return { file: state.file, line: Math.max(1, line), column: Math.max(1, col) };
}

/** The position of the node (or key) a pointer names, or of its nearest existing ancestor. */
function locateIn(state: LocatorState, pointer: string, preferKey: boolean): SourcePosition {
  if (state.doc === undefined) state.doc = state.load() ?? null;
  const segments = pointerSegments(pointer);
  const steps = walk(state.doc, segments);
  const found = steps.length === segments.length + 1;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as Step;
    const first = preferKey && found && i === steps.length - 1 ? step.key : step.node;
    const offset = offsetOf(first) ?? offsetOf(step.key) ?? offsetOf(step.node);
    if (offset !== undefined) return position(state, offset);
  }
  return position(state, state.start);
}

/**
 * Creates `locate`/`locateKey` for one parsed YAML document; positions are computed on demand.
 * `doc` is the document, or a function that gives it on the first lookup (so a caller can drop the
 * node tree until a position is needed); without a document every lookup gives `start`.
 */
export function createLocator(options: {
  file: string;
  doc: Document.Parsed | (() => Document.Parsed | undefined);
  lineCounter: LineCounter;
  start: number;
}): { locate: Locate; locateKey: Locate } {
  const { doc } = options;
  const state: LocatorState = typeof doc === 'function'
    ? { file: options.file, lineCounter: options.lineCounter, start: options.start, load: doc, doc: undefined }
    : { file: options.file, lineCounter: options.lineCounter, start: options.start, load: () => doc, doc };
  return {
    locate: (pointer) => locateIn(state, pointer, false),
    locateKey: (pointer) => locateIn(state, pointer, true),
  };
}
