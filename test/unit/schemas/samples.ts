/** Valid sample documents of every kind, from minimal to using every field. */
const apiVersion = 'gitvirt.io/v1alpha1';
const ed25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKrbC3mdzMqEwH0b3dU9fYx4E8vqR0jX0B0bC8mP2hQz ops@example';

/** A document as plain data. */
export type Doc = Record<string, any>;

/** Valid documents, named. */
export const VALID: Record<string, Doc> = {
  'host-minimal': { apiVersion, kind: 'Host', metadata: { name: 'hv1' }, spec: { address: 'hv1.example.com', hostKey: ed25519 } },
  'host-full': {
    apiVersion, kind: 'Host',
    metadata: { name: 'hv2', labels: { disk: 'ssd', 'gitvirt.io/rack': 'r12' }, annotations: { 'example.com/owner': 'team ops; call 555' } },
    spec: {
      address: '192.0.2.10', port: 2222, user: 'gitvirt', hostKey: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
      uri: 'qemu+ssh://root@hv2/system?keyfile=/root/.ssh/id', zone: 'zone-a', capacity: { cpus: 32, memoryMiB: 131072 },
      reserved: { cpus: 2, memoryMiB: 4096 }, storagePool: { name: 'gitvirt', path: '/srv/gitvirt/pool' }, cordoned: true,
    },
  },
  'host-ipv6': { apiVersion, kind: 'Host', metadata: { name: 'hv3' }, spec: { address: 'fd00::10', hostKey: 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=' } },
  'image-url': {
    apiVersion, kind: 'Image', metadata: { name: 'debian-12' },
    spec: { source: { url: 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2', sha256: 'a'.repeat(64) }, format: 'qcow2', hosts: { zones: ['zone-a'] } },
  },
  'image-path': { apiVersion, kind: 'Image', metadata: { name: 'local' }, spec: { source: { path: '/srv/images/base.raw' }, format: 'raw' } },
  'network-nat': {
    apiVersion, kind: 'Network', metadata: { name: 'lab' },
    spec: {
      mode: 'nat', cidr: '10.10.0.0/24', gateway: '10.10.0.1', mtu: 1500, domain: 'lab.example.com', autostart: true,
      dhcp: { start: '10.10.0.100', end: '10.10.0.199', reservations: [{ mac: '52:54:00:aa:bb:cc', ip: '10.10.0.5', hostname: 'printer' }] },
      hosts: { names: ['hv1'], selector: { disk: 'ssd' } },
    },
  },
  'network-bridge': { apiVersion, kind: 'Network', metadata: { name: 'lan' }, spec: { mode: 'bridge', bridge: 'br0' } },
  'vm-minimal': {
    apiVersion, kind: 'VirtualMachine', metadata: { name: 'web-1' },
    spec: { placement: { host: 'hv1' }, cpus: 1, memoryMiB: 512, disks: [{ name: 'root', image: 'debian-12' }] },
  },
  'vm-full': {
    apiVersion, kind: 'VirtualMachine', metadata: { name: 'db-1', labels: { app: 'db' } },
    spec: {
      placement: { zone: 'zone-a', selector: { disk: 'ssd' } }, runStrategy: 'Manual', cpus: 4, memoryMiB: 4096, maxMemoryMiB: 8192,
      cpuTune: { shares: 2048, pinning: [{ vcpu: 0, cpuset: '0-1,4' }] },
      disks: [
        { name: 'root', image: 'debian-12', mode: 'copy', sizeGiB: 20, bus: 'virtio', iotune: { totalBytesSec: 104857600, readIopsSec: 500, writeIopsSec: 500 } },
        { name: 'data', sizeGiB: 0.5, bus: 'scsi', deleteOnRemove: true },
      ],
      interfaces: [{ network: 'lab', mac: '52:54:00:12:34:56', ip: '10.10.0.20', model: 'e1000' }],
      cloudInit: {
        hostname: 'db-1.lab.example.com', sshAuthorizedKeys: [ed25519],
        users: [{ name: 'ops', sshAuthorizedKeys: [ed25519], sudo: 'ALL=(ALL) NOPASSWD:ALL', groups: ['adm', 'sudo'], shell: '/bin/bash' }],
        userData: '#cloud-config\npackages:\n  - postgresql\n', networkConfig: { version: 2, ethernets: { eth0: { dhcp4: true } } },
      },
      health: { tcp: { port: 5432 }, periodSeconds: 10, timeoutSeconds: 2, initialDelaySeconds: 30 },
      deletionProtection: true, restartPolicy: 'Manual', shutdownTimeoutSeconds: 120, selfHeal: false, domainType: 'kvm', machine: 'pc-q35-8.2',
    },
  },
  'vm-direct-boot': {
    apiVersion, kind: 'VirtualMachine', metadata: { name: 'tiny' },
    spec: {
      placement: { host: 'hv1' }, cpus: 1, memoryMiB: 64,
      boot: { kernel: '/srv/boot/vmlinuz', initrd: '/srv/boot/initrd.img', cmdline: 'console=ttyS0 root=/dev/vda1 quiet' },
      health: { http: { port: 8080, path: '/healthz?full=1', expectStatus: 204 } },
    },
  },
  'cluster': {
    apiVersion, kind: 'Cluster', metadata: { name: 'web' },
    spec: {
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { cpus: 2, memoryMiB: 2048, disks: [{ name: 'root', image: 'debian-12' }], interfaces: [{ network: 'lab' }], health: { http: { port: 80 } } },
      },
      zones: [{ name: 'zone-a', replicas: 2, role: 'active', selector: { disk: 'ssd' } }, { name: 'zone-b', replicas: 1 }],
      antiAffinity: 'preferred',
      updateStrategy: { type: 'RollingZone', maxUnavailable: 1, zoneOrder: ['zone-b', 'zone-a'], healthTimeoutSeconds: 600 },
    },
  },
};

/** One typical mistake: a valid sample, a change that breaks it, and the JSON pointer the error must point at. */
export interface Mistake {
  name: string;
  base: string;
  change: (doc: Doc) => void;
  at: string;
}

/** Typical mistakes that the schemas must refuse. */
export const MISTAKES: Mistake[] = [
  { name: 'upper-case name', base: 'vm-minimal', change: (d) => { d.metadata.name = 'Web-1'; }, at: '/metadata/name' },
  { name: 'name too long', base: 'vm-minimal', change: (d) => { d.metadata.name = 'a'.repeat(64); }, at: '/metadata/name' },
  { name: 'name with dot', base: 'host-minimal', change: (d) => { d.metadata.name = 'hv1.example'; }, at: '/metadata/name' },
  { name: 'unknown metadata field', base: 'host-minimal', change: (d) => { d.metadata.namespace = 'x'; }, at: '/metadata' },
  { name: 'bad label value', base: 'host-minimal', change: (d) => { d.metadata.labels = { disk: 'ssd;rm' }; }, at: '/metadata/labels/disk' },
  { name: 'bad label key', base: 'host-minimal', change: (d) => { d.metadata.labels = { 'bad key': 'x' }; }, at: '/metadata/labels' },
  { name: 'wrong apiVersion', base: 'host-minimal', change: (d) => { d.apiVersion = 'gitvirt.io/v1'; }, at: '/apiVersion' },
  { name: 'missing spec', base: 'host-minimal', change: (d) => { delete d.spec; }, at: '' },
  { name: 'unknown top-level field', base: 'host-minimal', change: (d) => { d.status = {}; }, at: '' },
  { name: 'address with semicolon', base: 'host-minimal', change: (d) => { d.spec.address = 'hv1;reboot'; }, at: '/spec/address' },
  { name: 'address with command substitution', base: 'host-minimal', change: (d) => { d.spec.address = '$(reboot)'; }, at: '/spec/address' },
  { name: 'address with backtick', base: 'host-minimal', change: (d) => { d.spec.address = 'hv`id`'; }, at: '/spec/address' },
  { name: 'address as ssh option', base: 'host-minimal', change: (d) => { d.spec.address = '-oProxyCommand=sh'; }, at: '/spec/address' },
  { name: 'address with space', base: 'host-minimal', change: (d) => { d.spec.address = 'hv1 hv2'; }, at: '/spec/address' },
  { name: 'missing hostKey', base: 'host-minimal', change: (d) => { delete d.spec.hostKey; }, at: '/spec' },
  { name: 'hostKey garbage', base: 'host-minimal', change: (d) => { d.spec.hostKey = 'ssh-ed25519 AAAA"; rm -rf /'; }, at: '/spec/hostKey' },
  { name: 'hostKey with newline', base: 'host-minimal', change: (d) => { d.spec.hostKey = `${d.spec.hostKey}\nssh-rsa AAAAB3`; }, at: '/spec/hostKey' },
  { name: 'port out of range', base: 'host-minimal', change: (d) => { d.spec.port = 70000; }, at: '/spec/port' },
  { name: 'port as string', base: 'host-minimal', change: (d) => { d.spec.port = '22'; }, at: '/spec/port' },
  { name: 'user with space', base: 'host-minimal', change: (d) => { d.spec.user = 'root admin'; }, at: '/spec/user' },
  { name: 'uri with quote', base: 'host-minimal', change: (d) => { d.spec.uri = "qemu:///system'"; }, at: '/spec/uri' },
  { name: 'uri not qemu', base: 'host-minimal', change: (d) => { d.spec.uri = 'xen:///system'; }, at: '/spec/uri' },
  { name: 'typo in spec field', base: 'host-minimal', change: (d) => { d.spec.adress = 'x'; }, at: '/spec' },
  { name: 'pool path with ..', base: 'host-minimal', change: (d) => { d.spec.storagePool = { path: '/var/lib/../../etc' }; }, at: '/spec/storagePool/path' },
  { name: 'pool path relative', base: 'host-minimal', change: (d) => { d.spec.storagePool = { path: 'var/lib/x' }; }, at: '/spec/storagePool/path' },
  { name: 'pool path with $', base: 'host-minimal', change: (d) => { d.spec.storagePool = { path: '/var/$HOME' }; }, at: '/spec/storagePool/path' },
  { name: 'capacity memory too small', base: 'host-minimal', change: (d) => { d.spec.capacity = { cpus: 1, memoryMiB: 32 }; }, at: '/spec/capacity/memoryMiB' },
  { name: 'url without sha256', base: 'image-url', change: (d) => { delete d.spec.source.sha256; }, at: '/spec/source' },
  { name: 'sha256 without url', base: 'image-path', change: (d) => { d.spec.source = { sha256: 'a'.repeat(64) }; }, at: '/spec/source' },
  { name: 'url and path', base: 'image-url', change: (d) => { d.spec.source.path = '/srv/x.qcow2'; }, at: '/spec/source' },
  { name: 'url not http', base: 'image-url', change: (d) => { d.spec.source.url = 'ftp://example.com/x.qcow2'; }, at: '/spec/source/url' },
  { name: 'url with shell chars', base: 'image-url', change: (d) => { d.spec.source.url = 'https://example.com/x;reboot'; }, at: '/spec/source/url' },
  { name: 'url with credentials', base: 'image-url', change: (d) => { d.spec.source.url = 'https://user:pw@example.com/x'; }, at: '/spec/source/url' },
  { name: 'sha256 too short', base: 'image-url', change: (d) => { d.spec.source.sha256 = 'abc'; }, at: '/spec/source/sha256' },
  { name: 'bad image format', base: 'image-path', change: (d) => { d.spec.format = 'vmdk'; }, at: '/spec/format' },
  { name: 'empty host selection', base: 'image-path', change: (d) => { d.spec.hosts = {}; }, at: '/spec/hosts' },
  { name: 'bridge mode without bridge', base: 'network-bridge', change: (d) => { delete d.spec.bridge; }, at: '/spec' },
  { name: 'nat without cidr', base: 'network-nat', change: (d) => { delete d.spec.cidr; delete d.spec.dhcp; delete d.spec.gateway; }, at: '/spec' },
  { name: 'dhcp in bridge mode', base: 'network-bridge', change: (d) => { d.spec.dhcp = { start: '10.0.0.2', end: '10.0.0.9' }; }, at: '/spec/dhcp' },
  { name: 'bad CIDR', base: 'network-nat', change: (d) => { d.spec.cidr = '10.10.0.0/33'; }, at: '/spec/cidr' },
  { name: 'CIDR octet too big', base: 'network-nat', change: (d) => { d.spec.cidr = '10.256.0.0/24'; }, at: '/spec/cidr' },
  { name: 'CIDR without prefix', base: 'network-nat', change: (d) => { d.spec.cidr = '10.10.0.0'; }, at: '/spec/cidr' },
  { name: 'bad bridge name', base: 'network-bridge', change: (d) => { d.spec.bridge = 'br0;ip link del eth0'; }, at: '/spec/bridge' },
  { name: 'bridge name too long', base: 'network-bridge', change: (d) => { d.spec.bridge = 'abcdefghijklmnop'; }, at: '/spec/bridge' },
  { name: 'bridge name ..', base: 'network-bridge', change: (d) => { d.spec.bridge = '..'; }, at: '/spec/bridge' },
  { name: 'mtu too small', base: 'network-nat', change: (d) => { d.spec.mtu = 500; }, at: '/spec/mtu' },
  { name: 'bad MAC in reservation', base: 'network-nat', change: (d) => { d.spec.dhcp.reservations[0].mac = '52:54:00:AA:BB'; }, at: '/spec/dhcp/reservations/0/mac' },
  { name: 'bad mode', base: 'network-nat', change: (d) => { d.spec.mode = 'macvtap'; }, at: '/spec/mode' },
  { name: 'negative memory', base: 'vm-minimal', change: (d) => { d.spec.memoryMiB = -1; }, at: '/spec/memoryMiB' },
  { name: 'fractional cpus', base: 'vm-minimal', change: (d) => { d.spec.cpus = 1.5; }, at: '/spec/cpus' },
  { name: 'too many cpus', base: 'vm-minimal', change: (d) => { d.spec.cpus = 1000; }, at: '/spec/cpus' },
  { name: 'missing placement', base: 'vm-minimal', change: (d) => { delete d.spec.placement; }, at: '/spec' },
  { name: 'empty placement', base: 'vm-minimal', change: (d) => { d.spec.placement = {}; }, at: '/spec/placement' },
  { name: 'typo in vm spec', base: 'vm-minimal', change: (d) => { d.spec.memoryMib = 512; }, at: '/spec' },
  { name: 'typo in disk', base: 'vm-minimal', change: (d) => { d.spec.disks[0].sizeGB = 10; }, at: '/spec/disks/0' },
  { name: 'no disks and no boot', base: 'vm-minimal', change: (d) => { delete d.spec.disks; }, at: '/spec' },
  { name: 'empty disks and no boot', base: 'vm-minimal', change: (d) => { d.spec.disks = []; }, at: '/spec/disks' },
  { name: 'disk without image and size', base: 'vm-minimal', change: (d) => { d.spec.disks = [{ name: 'data' }]; }, at: '/spec/disks/0' },
  { name: 'disk mode without image', base: 'vm-minimal', change: (d) => { d.spec.disks = [{ name: 'data', sizeGiB: 1, mode: 'copy' }]; }, at: '/spec/disks/0' },
  { name: 'disk size zero', base: 'vm-minimal', change: (d) => { d.spec.disks[0].sizeGiB = 0; }, at: '/spec/disks/0/sizeGiB' },
  { name: 'iotune total and read', base: 'vm-full', change: (d) => { d.spec.disks[0].iotune.readBytesSec = 1; }, at: '/spec/disks/0/iotune/readBytesSec' },
  { name: 'iotune negative', base: 'vm-full', change: (d) => { d.spec.disks[0].iotune = { totalIopsSec: -5 }; }, at: '/spec/disks/0/iotune/totalIopsSec' },
  { name: 'bad MAC', base: 'vm-full', change: (d) => { d.spec.interfaces[0].mac = '52-54-00-12-34-56'; }, at: '/spec/interfaces/0/mac' },
  { name: 'multicast MAC', base: 'vm-full', change: (d) => { d.spec.interfaces[0].mac = '01:00:5e:00:00:01'; }, at: '/spec/interfaces/0/mac' },
  { name: 'bad static IP', base: 'vm-full', change: (d) => { d.spec.interfaces[0].ip = '10.10.0.300'; }, at: '/spec/interfaces/0/ip' },
  { name: 'interface without network', base: 'vm-full', change: (d) => { delete d.spec.interfaces[0].network; }, at: '/spec/interfaces/0' },
  { name: 'bad cpuset', base: 'vm-full', change: (d) => { d.spec.cpuTune.pinning[0].cpuset = '0-1;reboot'; }, at: '/spec/cpuTune/pinning/0/cpuset' },
  { name: 'shares too small', base: 'vm-full', change: (d) => { d.spec.cpuTune.shares = 1; }, at: '/spec/cpuTune/shares' },
  { name: 'kernel path with ..', base: 'vm-direct-boot', change: (d) => { d.spec.boot.kernel = '/srv/../etc/shadow'; }, at: '/spec/boot/kernel' },
  { name: 'kernel path with newline', base: 'vm-direct-boot', change: (d) => { d.spec.boot.kernel = '/srv/vmlinuz\n/x'; }, at: '/spec/boot/kernel' },
  { name: 'cmdline with $', base: 'vm-direct-boot', change: (d) => { d.spec.boot.cmdline = 'console=$(reboot)'; }, at: '/spec/boot/cmdline' },
  { name: 'cmdline with quote', base: 'vm-direct-boot', change: (d) => { d.spec.boot.cmdline = 'init="/bin/sh"'; }, at: '/spec/boot/cmdline' },
  { name: 'cmdline with xml', base: 'vm-direct-boot', change: (d) => { d.spec.boot.cmdline = '</cmdline><devices>'; }, at: '/spec/boot/cmdline' },
  { name: 'cmdline with newline', base: 'vm-direct-boot', change: (d) => { d.spec.boot.cmdline = 'quiet\nsplash'; }, at: '/spec/boot/cmdline' },
  { name: 'health with http and tcp', base: 'vm-direct-boot', change: (d) => { d.spec.health.tcp = { port: 22 }; }, at: '/spec/health' },
  { name: 'health without probe', base: 'vm-direct-boot', change: (d) => { d.spec.health = { periodSeconds: 5 }; }, at: '/spec/health' },
  { name: 'health path with backtick', base: 'vm-direct-boot', change: (d) => { d.spec.health.http.path = '/`id`'; }, at: '/spec/health/http/path' },
  { name: 'hostname with underscore', base: 'vm-full', change: (d) => { d.spec.cloudInit.hostname = 'db_1'; }, at: '/spec/cloudInit/hostname' },
  { name: 'user name injection', base: 'vm-full', change: (d) => { d.spec.cloudInit.users[0].name = 'ops;id'; }, at: '/spec/cloudInit/users/0/name' },
  { name: 'ssh key with newline', base: 'vm-full', change: (d) => { d.spec.cloudInit.sshAuthorizedKeys[0] += '\nruncmd: [reboot]'; }, at: '/spec/cloudInit/sshAuthorizedKeys/0' },
  { name: 'ssh key with options', base: 'vm-full', change: (d) => { d.spec.cloudInit.sshAuthorizedKeys[0] = `command="id" ${d.spec.cloudInit.sshAuthorizedKeys[0]}`; }, at: '/spec/cloudInit/sshAuthorizedKeys/0' },
  { name: 'sudo with newline', base: 'vm-full', change: (d) => { d.spec.cloudInit.users[0].sudo = 'ALL=(ALL) ALL\nops ALL=(ALL) NOPASSWD:ALL'; }, at: '/spec/cloudInit/users/0/sudo' },
  { name: 'bad runStrategy', base: 'vm-minimal', change: (d) => { d.spec.runStrategy = 'always'; }, at: '/spec/runStrategy' },
  { name: 'bad machine', base: 'vm-minimal', change: (d) => { d.spec.machine = 'q35 -device'; }, at: '/spec/machine' },
  { name: 'cluster template with placement', base: 'cluster', change: (d) => { d.spec.template.spec.placement = { host: 'hv1' }; }, at: '/spec/template/spec' },
  { name: 'cluster without zones', base: 'cluster', change: (d) => { d.spec.zones = []; }, at: '/spec/zones' },
  { name: 'cluster negative replicas', base: 'cluster', change: (d) => { d.spec.zones[0].replicas = -1; }, at: '/spec/zones/0/replicas' },
  { name: 'cluster bad role', base: 'cluster', change: (d) => { d.spec.zones[0].role = 'primary'; }, at: '/spec/zones/0/role' },
  { name: 'cluster template metadata name', base: 'cluster', change: (d) => { d.spec.template.metadata.name = 'x'; }, at: '/spec/template/metadata' },
  { name: 'cluster template missing cpus', base: 'cluster', change: (d) => { delete d.spec.template.spec.cpus; }, at: '/spec/template/spec' },
  { name: 'cluster bad strategy', base: 'cluster', change: (d) => { d.spec.updateStrategy.type = 'Recreate'; }, at: '/spec/updateStrategy/type' },
  { name: 'cluster maxUnavailable zero', base: 'cluster', change: (d) => { d.spec.updateStrategy.maxUnavailable = 0; }, at: '/spec/updateStrategy/maxUnavailable' },
];

/** A deep copy of a valid sample with one mistake applied. */
export function broken(mistake: Mistake): Doc {
  const doc = structuredClone(VALID[mistake.base]) as Doc;
  mistake.change(doc);
  return doc;
}
