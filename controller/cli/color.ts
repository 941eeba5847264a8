/** Values of `--color`. */
export type ColorMode = 'auto' | 'always' | 'never';

/** The `--color` choices. */
export const COLOR_MODES: readonly ColorMode[] = ['auto', 'always', 'never'];

/** Whether to emit ANSI colours: `always`/`never` win; `auto` means a TTY and no (non-empty) NO_COLOR. */
export function useColor(mode: ColorMode, isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (mode !== 'auto') return mode === 'always';
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  return isTTY === true;
}
