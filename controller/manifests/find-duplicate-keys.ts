import { isAlias, isMap, isPair, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { joinPointer, keyText } from './create-locator.js';

/** A mapping key that appears twice in the same mapping. */
export interface DuplicateKey {
  /** JSON pointer of the member (the later occurrence wins when converted). */
  pointer: string;
  /** The key as text. */
  key: string;
  /** Offsets of the first and the repeated key. */
  firstOffset: number;
  offset: number;
}

/** Finds repeated keys in every mapping of a YAML node tree (iterative; aliases are not followed). */
export function findDuplicateKeys(root: Node | null): DuplicateKey[] {
  const found: DuplicateKey[] = [];
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
        if (key !== undefined) {
          const firstOffset = seen.get(key);
          if (firstOffset === undefined) seen.set(key, offset);
          else found.push({ pointer: pointer + joinPointer(key), key, firstOffset, offset });
        }
        stack.push({ node: pair.value, pointer: key === undefined ? pointer : pointer + joinPointer(key) });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, pointer: pointer + joinPointer(i) }));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
