/**
 * diff: pure comparison of one host's desired and live state into Changes — create, update
 * (each field classified live/restart/replace by data tables), delete of owned leftovers — with
 * drift flagged when a definition differs although its spec hash matches.
 */
export { diffHost, type DiffHostInput } from './diff-host.js';
export { diffDomains, domainFieldChanges, domainTree, type DomainDiffInput } from './diff-domains.js';
export { diffNetworks, networkFieldChanges, networkTree, type NetworkDiffInput } from './diff-networks.js';
export { diffPool, diffVolumes, desiredVolumes, volumeOwner, VOLUME_FORMAT_EQUIVALENTS, type DesiredVolume } from './diff-storage.js';
export {
  DOMAIN_FIELD_CLASSES, NETWORK_FIELD_CLASSES, POOL_FIELD_CLASSES, VOLUME_FIELD_CLASSES,
  classifyField, matchFieldPattern, type FieldClassRule,
} from './field-classes.js';
export { diffFields, deepEqual, keyed } from './field-diff.js';
export { RUN_STRATEGY_STATES, wantedState } from './run-strategy.js';
export { worstClass } from './worst-class.js';
