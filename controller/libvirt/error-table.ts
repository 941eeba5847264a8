/** Why a libvirt operation failed, as recognised from its error text. */
export type LibvirtErrorReason =
  | 'DomainAlreadyExists' | 'DomainAlreadyActive' | 'DomainNotRunning' | 'DomainNotFound'
  | 'NetworkNotFound' | 'PoolNotFound' | 'VolumeNotFound' | 'VolumeAlreadyExists'
  | 'StorageFileMissing' | 'PermissionDenied' | 'NoSpace' | 'KvmUnavailable'
  | 'BridgeNameInUse' | 'NetworkAddressInUse' | 'HostInterfaceMissing'
  | 'TooManyVcpus' | 'MemoryTooLarge' | 'MachineUnsupported' | 'UnsupportedConfiguration'
  | 'InvalidXml' | 'Timeout' | 'ConnectionFailed' | 'OperationInvalid' | 'Unknown';

/** One row: a pattern over libvirt's error text, what it means, how to fix it, and whether retrying may help. `$1` in cause/hint is the first capture. */
export interface LibvirtErrorRule {
  reason: LibvirtErrorReason;
  pattern: RegExp;
  cause: string;
  hint: string;
  transient: boolean;
}

/** Known libvirt error messages, most specific first; the first matching row wins. */
export const LIBVIRT_ERROR_RULES: readonly LibvirtErrorRule[] = [
  { reason: 'DomainAlreadyExists', pattern: /domain '([^']+)' already exists/i,
    cause: "a domain named '$1' already exists", hint: 'undefine or rename the existing domain, or let gitvirt adopt nothing it does not own', transient: false },
  { reason: 'DomainAlreadyActive', pattern: /domain is already (?:active|running)/i,
    cause: 'the domain is already running', hint: 'nothing to do: the domain is started', transient: false },
  { reason: 'DomainNotRunning', pattern: /domain is not running/i,
    cause: 'the domain is not running', hint: 'nothing to stop; start it first if it should run', transient: false },
  { reason: 'DomainNotFound', pattern: /(?:Domain not found|failed to get domain '([^']+)')/i,
    cause: 'the domain does not exist on the host', hint: 'it may have been undefined by hand; the next cycle recreates it', transient: false },
  { reason: 'NetworkNotFound', pattern: /(?:Network not found|failed to get network '([^']+)')/i,
    cause: 'the libvirt network does not exist on the host', hint: 'define the network first (gitvirt creates Network resources before VMs that use them)', transient: false },
  { reason: 'PoolNotFound', pattern: /(?:Storage pool not found|failed to get pool '([^']+)')/i,
    cause: 'the storage pool does not exist on the host', hint: "check the Host's storagePool; gitvirt defines it on first use", transient: false },
  { reason: 'VolumeNotFound', pattern: /(?:Storage volume not found|failed to get vol '([^']+)')/i,
    cause: 'the storage volume does not exist', hint: 'the image or disk may have been removed by hand; the next cycle recreates it', transient: false },
  { reason: 'VolumeAlreadyExists', pattern: /storage volume '([^']+)' exists already/i,
    cause: "volume '$1' already exists in the pool", hint: 'nothing to create; remove the stale volume by hand if its content is wrong', transient: false },
  { reason: 'StorageFileMissing', pattern: /Cannot access storage file '([^']+)'(?: \(as uid:\d+, gid:\d+\))?: No such file/i,
    cause: "disk file '$1' is missing", hint: 'the volume was deleted or the pool path is wrong; check the storage pool and the image download', transient: false },
  { reason: 'PermissionDenied', pattern: /Permission denied/i,
    cause: 'libvirt or QEMU was denied access to a file', hint: 'check ownership and mode of the pool directory and images (QEMU runs as libvirt-qemu) and any AppArmor/SELinux profile', transient: false },
  { reason: 'NoSpace', pattern: /No space left on device/i,
    cause: 'the host file system is full', hint: 'free space in the storage pool or reduce disk sizes', transient: false },
  { reason: 'KvmUnavailable', pattern: /(?:does not support virt type 'kvm'|accel 'kvm' is not supported|\/dev\/kvm|KVM is not available|domaintype=kvm)/i,
    cause: 'KVM hardware virtualization is not available on this host', hint: "set the VM's domainType to 'qemu' (or 'auto'), or enable virtualization (VT-x/AMD-V, nested KVM) on the host", transient: false },
  { reason: 'BridgeNameInUse', pattern: /bridge name '([^']+)' already in use/i,
    cause: "bridge device name '$1' is already used by another libvirt network", hint: "give the Network a different spec.bridge, or remove the other network", transient: false },
  { reason: 'NetworkAddressInUse', pattern: /(?:Network is already in use by interface (\S+?)\.?$|address already in use)/im,
    cause: 'the network address range is already used on the host', hint: 'pick a CIDR that does not overlap the host interfaces or other networks', transient: false },
  { reason: 'HostInterfaceMissing', pattern: /Cannot get interface \w+ on '([^']+)': No such device/i,
    cause: "host interface '$1' does not exist", hint: 'create the host bridge first (bridge-mode networks attach to an existing bridge) or fix spec.bridge', transient: false },
  { reason: 'TooManyVcpus', pattern: /(?:Maximum CPUs greater than specified machine type limit (\d+)|requested vcpus is greater than max)/i,
    cause: 'more vCPUs than the machine type or domain allows', hint: 'lower spec.cpus to what the machine type and host allow', transient: false },
  { reason: 'MemoryTooLarge', pattern: /(?:cannot set memory higher than max memory|Cannot allocate memory|memory size .* exceeds)/i,
    cause: 'the requested memory is more than the domain maximum or the host can give', hint: 'raise maxMemoryMiB (restart required) or lower memoryMiB; check host free memory', transient: false },
  { reason: 'MachineUnsupported', pattern: /(?:No PCI buses available|unsupported machine type|does not support machine type)/i,
    cause: "the machine type is not supported by this host's QEMU", hint: "use a machine type listed by 'virsh capabilities' (for example q35 or pc)", transient: false },
  { reason: 'UnsupportedConfiguration', pattern: /unsupported configuration: ([^\n]+)/i,
    cause: 'libvirt refused the configuration: $1', hint: "check the VM spec against the host's 'virsh domcapabilities'", transient: false },
  { reason: 'InvalidXml', pattern: /(?:XML error|Document is empty|_definition\)|parser error|XML document failed to validate)/i,
    cause: 'libvirt rejected the XML document', hint: 'this is a gitvirt bug when the XML came from gitvirt; report it with the message', transient: false },
  { reason: 'Timeout', pattern: /(?:timed out|Timed out during operation|cannot acquire state change lock)/i,
    cause: 'libvirt did not finish in time (another operation may hold the domain)', hint: 'retried on the next cycle; check the host load and libvirtd', transient: true },
  { reason: 'ConnectionFailed', pattern: /(?:Failed to connect socket|failed to connect to the hypervisor|no connection driver available|End of file while reading data)/i,
    cause: 'could not talk to libvirtd on the host', hint: 'check that libvirtd runs and that the Host uri is right; retried on the next cycle', transient: true },
  { reason: 'OperationInvalid', pattern: /Requested operation is not valid: ([^\n]+)/i,
    cause: 'the operation does not fit the object state: $1', hint: 'the object changed meanwhile; the next cycle re-reads its state', transient: true },
];
