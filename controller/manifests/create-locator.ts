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
  const { file, lineCounter, start } = options;
  const load = options.doc;
  let loaded: Document.Parsed | null | undefined = typeof load === 'function' ? undefined : load;
  const document = (): Document.Parsed | null => {
    if (loaded === undefined) loaded = (load as () => Document.Parsed | undefined)() ?? null;
    return loaded;
  };
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  const offsetOf = (node: Node | null): number | undefined => node?.range?.[0];
  const resolve = (doc: Document.Parsed, node: unknown): Node | null => {
    if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? node;
    return (node as Node | null) ?? null;
  };

  const walk = (pointer: string): Step[] => {
    const doc = document();
    if (doc === null) return [];
    const steps: Step[] = [{ node: (doc.contents as Node | null) ?? null, key: null }];
    for (const segment of pointerSegments(pointer)) {
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
  };

  const locateIn = (steps: Step[], preferKey: boolean, found: boolean): SourcePosition => {
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i] as Step;
      const first = preferKey && found && i === steps.length - 1 ? step.key : step.node;
      const offset = offsetOf(first) ?? offsetOf(step.key) ?? offsetOf(step.node);
      if (offset !== undefined) return at(offset);
    }
    return at(start);
  };

  return {
    locate: (pointer) => {
      const steps = walk(pointer);
      return locateIn(steps, false, steps.length === pointerSegments(pointer).length + 1);
    },
    locateKey: (pointer) => {
      const steps = walk(pointer);
      return locateIn(steps, true, steps.length === pointerSegments(pointer).length + 1);
    },
  };
}
