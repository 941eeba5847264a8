import { isMap, isPair, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { joinPointer, keyText } from './create-locator.js';

/** A mapping key that is repeated in its mapping (`duplicate`) or is itself a mapping or list (`complex`). */
export interface KeyProblem {
  kind: 'duplicate' | 'complex';
  /** JSON pointer of the member (the later occurrence wins when converted). */
  pointer: string;
  /** The key as text. */
  key: string;
  /** Offset of the offending key, and of the first occurrence for a duplicate. */
  offset: number;
  firstOffset: number;
}

/** A node on the walk, with the way back to the root (pointers are built only for problems). */
interface Frame { node: unknown; parent: Frame | null; segment: string | number }

/** The JSON pointer of a frame. */
function pointerOf(frame: Frame | null): string {
  const segments: (string | number)[] = [];
  for (let f = frame; f !== null && f.parent !== null; f = f.parent) segments.push(f.segment);
  return joinPointer(...segments.reverse());
}

/** Finds repeated and non-scalar keys in every mapping of a YAML node tree (iterative; aliases are not followed). */
export function findKeyProblems(root: Node | null): KeyProblem[] {
  const found: KeyProblem[] = [];
  const stack: Frame[] = [{ node: root, parent: null, segment: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node } = frame;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        if (key === undefined) {
          found.push({ kind: 'complex', pointer: pointerOf(frame), key: '', offset, firstOffset: offset });
        } else {
          const firstOffset = seen.get(key);
          if (firstOffset === undefined) seen.set(key, offset);
          else found.push({ kind: 'duplicate', pointer: pointerOf(frame) + joinPointer(key), key, firstOffset, offset });
        }
        if (isMap(pair.value) || isSeq(pair.value)) {
          stack.push(key === undefined ? { ...frame, node: pair.value } : { node: pair.value, parent: frame, segment: key });
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isMap(item) || isSeq(item)) stack.push({ node: item, parent: frame, segment: i });
      });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
