import { isAlias, isMap, isPair, isSeq } from 'yaml';
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

/** Finds repeated and non-scalar keys in every mapping of a YAML node tree (iterative; aliases are not followed). */
export function findKeyProblems(root: Node | null): KeyProblem[] {
  const found: KeyProblem[] = [];
  const stack: { node: unknown; pointer: string }[] = [{ node: root, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
    if (isAlias(node) || node === null || node === undefined) continue;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        if (key === undefined) {
          found.push({ kind: 'complex', pointer, key: '', offset, firstOffset: offset });
        } else {
          const firstOffset = seen.get(key);
          if (firstOffset === undefined) seen.set(key, offset);
          else found.push({ kind: 'duplicate', pointer: pointer + joinPointer(key), key, firstOffset, offset });
        }
        stack.push({ node: pair.value, pointer: key === undefined ? pointer : pointer + joinPointer(key) });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, pointer: pointer + joinPointer(i) }));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
