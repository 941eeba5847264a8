import { posix } from 'node:path';

/**
 * The file an action writes before renaming it to `path`: hidden (observe lists no dotfiles) and
 * fixed per target, so a run cut short is cleaned up by the next one.
 */
export function partialPath(path: string): string {
  return posix.join(posix.dirname(path), `.${posix.basename(path)}.part`);
}
