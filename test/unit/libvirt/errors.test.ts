import { describe, expect, it } from 'vitest';
import { LibvirtOperationError, explainLibvirtError, type LibvirtErrorReason } from '../../../controller/libvirt/index.js';
import { fixtureFiles, readFixture } from './fixtures.js';

/** Expected reason of each captured error text (test/fixtures/libvirt/errors/<case>.txt). */
const EXPECTED: Record<string, LibvirtErrorReason> = {
  'domain-already-active': 'DomainAlreadyActive',
  'domain-already-exists': 'DomainAlreadyExists',
  'domain-not-found': 'DomainNotFound',
  'domain-not-running': 'DomainNotRunning',
  'kvm-define-unsupported': 'KvmUnavailable',
  'kvm-unavailable': 'KvmUnavailable',
  'machine-unsupported': 'MachineUnsupported',
  'memory-above-max': 'MemoryTooLarge',
  'network-address-in-use': 'NetworkAddressInUse',
  'network-bridge-in-use': 'BridgeNameInUse',
  'network-bridge-missing': 'HostInterfaceMissing',
  'network-not-found': 'NetworkNotFound',
  'pool-not-found': 'PoolNotFound',
  'setvcpus-above-max': 'TooManyVcpus',
  'storage-file-missing': 'StorageFileMissing',
  'storage-file-missing-as-uid': 'StorageFileMissing',
  'vcpus-too-many': 'TooManyVcpus',
  'vol-already-exists': 'VolumeAlreadyExists',
  'xml-invalid': 'InvalidXml',
};

describe('explainLibvirtError on captured libvirt error text', () => {
  it('has an expectation for every captured file', () => {
    expect(fixtureFiles('errors', '.txt').map((file) => file.replace('.txt', '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of fixtureFiles('errors', '.txt')) {
    it(file, () => {
      const stderr = readFixture(`errors/${file}`);
      const explained = explainLibvirtError(stderr, { operation: 'start', kind: 'domain', name: 'web-0', host: 'hv1' });
      expect(explained.reason).toBe(EXPECTED[file.replace('.txt', '')]);
      expect(explained.message).toMatch(/^failed to start domain web-0 on host hv1: /);
      expect(explained.hint.length).toBeGreaterThan(10);
      const lastLine = stderr.trim().split('\n').filter((line) => line.startsWith('error:')).pop()?.replace(/^error:\s*/, '') ?? '';
      expect(explained.original).toContain(lastLine);
      expect(explained.message).toContain(lastLine);
    });
  }
});

describe('explainLibvirtError table rows without a captured case', () => {
  it.each([
    ["error: Cannot access storage file '/a.qcow2' (as uid:64055, gid:64055): Permission denied", 'PermissionDenied'],
    ['error: Failed to start domain x\nerror: internal error: process exited while connecting to monitor: Could not access KVM kernel module: No such file or directory\nfailed to initialize kvm: /dev/kvm', 'KvmUnavailable'],
    ['error: Timed out during operation: cannot acquire state change lock (held by monitor=remoteDispatchDomainCreate)', 'Timeout'],
    ["error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory", 'ConnectionFailed'],
    ['error: unsupported configuration: spice graphics are not supported with this QEMU', 'UnsupportedConfiguration'],
    ['error: Requested operation is not valid: network is not active', 'OperationInvalid'],
    ['error: Failed to create vol x\nerror: cannot create file: No space left on device', 'NoSpace'],
    ['something nobody has seen', 'Unknown'],
  ] as const)('%s', (stderr, reason) => {
    const explained = explainLibvirtError(stderr, { operation: 'define', kind: 'domain', name: 'x' });
    expect(explained.reason).toBe(reason);
    expect(explained.message).toContain(explained.original);
  });

  it('marks transient failures and fills the capture into the cause', () => {
    expect(explainLibvirtError('error: operation timed out', { operation: 'stop' }).transient).toBe(true);
    expect(explainLibvirtError("error: storage volume 'a.qcow2' exists already", { operation: 'create' }).cause).toBe("volume 'a.qcow2' already exists in the pool");
  });

  it('LibvirtOperationError carries the explanation as data', () => {
    const err = new LibvirtOperationError(readFixture('errors/storage-file-missing.txt'), { operation: 'start', kind: 'domain', name: 'gvfixture-nodisk' });
    expect(err.code).toBe('LibvirtOperationFailed');
    expect(err.data.reason).toBe('StorageFileMissing');
    expect(err.message).toMatch(/^failed to start domain gvfixture-nodisk: disk file '.*gvfixture-absent.raw' is missing/);
  });
});
