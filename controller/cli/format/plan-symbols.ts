import type { ActionKind } from '../../types/plan.js';

/** What an action or an object's set of actions does, as a terraform-like symbol. */
export type PlanSymbol = '+' | '~' | '↻' | '-/+' | '-';

/** Meaning of each symbol, for legends. */
export const SYMBOL_MEANING: Readonly<Record<PlanSymbol, string>> = {
  '+': 'create',
  '~': 'update in place',
  '↻': 'restart',
  '-/+': 'replace (delete, then create)',
  '-': 'delete',
};

/** The symbol of each action kind on an existing object (see `actionSymbol` for new ones). */
export const ACTION_SYMBOL: Readonly<Record<ActionKind, PlanSymbol>> = {
  'pool.ensure': '+',
  'network.define': '~',
  'network.update-dhcp': '~',
  'network.delete': '-',
  'image.fetch': '+',
  'volume.create': '+',
  'volume.resize': '~',
  'volume.delete': '-',
  'seed.create': '+',
  'domain.stop': '~',
  'domain.define': '~',
  'domain.set-memory': '~',
  'domain.set-cpu-shares': '~',
  'domain.set-iotune': '~',
  'domain.set-autostart': '~',
  'domain.restart': '↻',
  'domain.start': '~',
  'domain.delete': '-',
  'domain.migrate': '~',
};

/** Action kinds that remove the object itself (as opposed to a part of it, like a disk being recreated). */
export const REMOVES_OBJECT: ReadonlySet<ActionKind> = new Set(['domain.delete', 'network.delete']);

/** Action kinds that (re)define the object itself. */
export const DEFINES_OBJECT: ReadonlySet<ActionKind> = new Set(['domain.define', 'network.define']);

/**
 * The symbol of one action. While its object is being created (`creates`), defining and starting it
 * are part of the creation (`+`); a non-destructive removal (an old cloud-init seed) is tidying up (`~`).
 */
export function actionSymbol(action: { kind: ActionKind; destructive: boolean }, creates: boolean): PlanSymbol {
  const symbol = ACTION_SYMBOL[action.kind];
  if (symbol === '-' && !action.destructive) return '~';
  return creates && symbol === '~' ? '+' : symbol;
}

/**
 * The symbol of an object from its actions: deleted (`-`) when it is removed and not recreated,
 * replaced (`-/+`) when something of it is destroyed and created again, restarted (`↻`), created
 * (`+`) when every action creates, else updated in place (`~`).
 */
export function objectSymbol(actions: readonly { kind: ActionKind; symbol: PlanSymbol }[]): PlanSymbol {
  const symbols = new Set(actions.map((a) => a.symbol));
  const removed = actions.some((a) => REMOVES_OBJECT.has(a.kind));
  const defined = actions.some((a) => DEFINES_OBJECT.has(a.kind));
  if (removed && !defined) return '-';
  if (symbols.has('-')) return '-/+';
  if (symbols.has('↻')) return '↻';
  if ([...symbols].every((s) => s === '+')) return '+';
  return '~';
}
