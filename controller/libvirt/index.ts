/**
 * libvirt: pure XML rendering and parsing of domains, networks, pools and volumes into normalised
 * models, ownership metadata, and translation of libvirt error text. The host client that runs
 * virsh lives beside these and is the only part that does I/O.
 */
export { renderDomainXml, renderDomainOwnerXml, LIFECYCLE_ACTIONS } from './render-domain.js';
export { renderNetworkXml, renderDhcpHostXml } from './render-network.js';
export { renderPoolXml, renderVolumeXml, type VolumeSpec } from './render-storage.js';
export { parseDomainXml } from './parse-domain.js';
export { parseNetworkXml } from './parse-network.js';
export { parsePoolXml, parseVolumeXml, type PoolModel, type VolumeModel } from './parse-storage.js';
export {
  domainModelFromDesired, diskOrigin, resolveDomainType, volumePath, normalisePath, seedTarget, CPU_MODE_BY_TYPE, SEED_BUS,
  type DomainModel, type DiskModel, type CdromModel, type InterfaceModel, type DomainRenderContext,
} from './domain-model.js';
export {
  networkModelFromDesired, NETWORK_MODE_FEATURES,
  type NetworkModel, type DhcpHostModel, type NetworkRenderContext,
} from './network-model.js';
export { OWNER_NAMESPACE, OWNER_PREFIX, parseOwnerMetadata } from './owner-metadata.js';
export { IOTUNE_FIELDS, type IoTune, type IoTuneKey } from './iotune.js';
export { machineFamily, MACHINE_FAMILIES } from './machine.js';
export { normaliseCpuset } from './cpuset.js';
export { LibvirtXmlInvalidError, UnsafeXmlValueError } from './xml-errors.js';
export { explainLibvirtError, cleanLibvirtText, LibvirtOperationError, type LibvirtErrorContext, type LibvirtErrorExplanation } from './errors.js';
export { LIBVIRT_ERROR_RULES, type LibvirtErrorReason, type LibvirtErrorRule } from './error-table.js';
export { parseDomainState, parseKeyValueLines, parseNodeInfo, parseDomCapabilities, parseNameList, DOMAIN_STATE_WORDS, type DomainCapabilities } from './parse-virsh.js';
export { createHostClient, OBSERVE_TIMEOUT_MS, type HostClientArgs } from './host-client.js';
export { buildObserveScript, OBSERVE_CHUNK, OBSERVE_MARKER, type ObserveScriptInput } from './observe-script.js';
export { liveDomainModel, rememberDomainModel } from './live-model-cache.js';
export { parseObserveOutput, splitObserveSections, type ObserveSection, type ParseObserveOptions } from './parse-observe-output.js';
export { ACTION_EXECUTORS, ACTION_TIMEOUT_MS, actionTimeoutMs } from './run-action.js';
export { virshQuote } from './virsh-quote.js';
export { createPoolFiles } from './pool-files.js';
export { partialPath } from './temp-path.js';
export { MigrationNeedsBothHostsError, PoolPathRefusedError } from './migration-errors.js';
export {
  LibvirtCommandError, ObjectNotOwnedError, ImageChecksumMismatchError, HostToolMissingError, VolumeOutsidePoolError,
  VolumeShrinkRefusedError, ActionTimeoutError, ObserveOutputInvalidError, type LibvirtCommandContext, type LibvirtCommandErrorData,
} from './host-client-errors.js';
export { newSectionMarker } from './host-commands.js';
