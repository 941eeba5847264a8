/** The libvirt object each kind of action touches, read from its parameters. */
import type { Action, ActionKind, ActionParams } from '../types/plan.js';

/** Per action kind: the name of the pool, network, volume or domain it acts on. */
const TARGET: { readonly [K in ActionKind]: (params: ActionParams[K]) => string } = {
  'pool.ensure': (p) => p.pool.name,
  'network.define': (p) => p.name,
  'network.update-dhcp': (p) => p.name,
  'network.delete': (p) => p.name,
  'image.fetch': (p) => p.image.volume,
  'volume.create': (p) => p.volume,
  'volume.resize': (p) => p.volume,
  'volume.delete': (p) => p.volume,
  'seed.create': (p) => p.volume,
  'domain.stop': (p) => p.name,
  'domain.define': (p) => p.name,
  'domain.set-memory': (p) => p.name,
  'domain.set-cpu-shares': (p) => p.name,
  'domain.set-iotune': (p) => p.name,
  'domain.set-autostart': (p) => p.name,
  'domain.restart': (p) => p.name,
  'domain.start': (p) => p.name,
  'domain.delete': (p) => p.name,
  'domain.migrate': (p) => p.name,
};

/** Name of the object `action` acts on (falls back to its owner's name). */
export function actionTarget(action: Action): string {
  const target = (TARGET[action.kind] as (params: Action['params']) => string | undefined)(action.params);
  return target ?? action.owner.name;
}
