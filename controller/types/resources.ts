// generated from schemas/ by scripts/generate.ts; do not edit

/** The apiVersion of every gitvirt document. */
export const API_VERSION = 'gitvirt.io/v1alpha1';

/** The resource kinds, in canonical order. */
export const KINDS = ['Host', 'Image', 'Network', 'VirtualMachine', 'Cluster'] as const;

/** A resource kind. */
export type Kind = (typeof KINDS)[number];

/** Any gitvirt resource document. */
export type Resource = Host | Image | Network | VirtualMachine | Cluster;

/** The document type of each kind. */
export interface ResourceByKind {
  Host: Host;
  Image: Image;
  Network: Network;
  VirtualMachine: VirtualMachine;
  Cluster: Cluster;
}

/** Identity of a resource: its name (unique per kind), labels and annotations. */
export interface ObjectMeta {
  /** Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`. */
  name: string;
  /** Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`. */
  labels?: Record<string, string>;
  /** Free-form notes for tools and people; gitvirt does not interpret them. */
  annotations?: Record<string, string>;
}

/** Which hosts get a resource. A host is selected when it matches every given criterion (names, zones and selector are combined with AND). When omitted, every host that runs a VirtualMachine needing the resource gets it. */
export interface HostSelection {
  /** Host names (metadata.name of Host resources). Example: `[hv1, hv2]`. */
  names?: string[];
  /** Zone names; hosts whose `spec.zone` is one of them. Example: `[zone-a]`. */
  zones?: string[];
  /** Host labels that must all match. Example: `{ disk: ssd }`. */
  selector?: Record<string, string>;
}

/** A hypervisor host that gitvirt manages over SSH through libvirt. */
export interface Host {
  /** API version of the resource model: `gitvirt.io/v1alpha1`. */
  apiVersion: 'gitvirt.io/v1alpha1';
  /** Kind of the resource: `Host`. */
  kind: 'Host';
  /** Name, labels and annotations of the host. Host labels are matched by placement and host selectors. */
  metadata: ObjectMeta;
  /** How to reach the host and how much of it gitvirt may use. */
  spec: HostSpec;
}

/** How to reach a hypervisor host and how much of it gitvirt may use. */
export interface HostSpec {
  /** Host name or IP address that gitvirt connects to over SSH. Letters, digits, `.`, `-` and `:` only; may not start with `-`. Example: `hv1.example.com`. */
  address: string;
  /**
   * SSH port, 1 to 65535.
   * @default 22
   */
  port?: number;
  /**
   * SSH user (POSIX user name). It must be allowed to run `virsh` against `uri`.
   * @default "root"
   */
  user?: string;
  /** The host's pinned SSH host key: an OpenSSH public key line (`ssh-ed25519 AAAA...`, `ecdsa-sha2-nistp256 AAAA...`, `ssh-rsa AAAA...`, optional trailing comment) as printed by `ssh-keyscan`, or a fingerprint `SHA256:<base64>` as printed by `ssh-keygen -lf`. A host presenting another key is refused. */
  hostKey: string;
  /**
   * libvirt connection URI used on the host (passed to `virsh -c`). Example: `qemu:///system`.
   * @default "qemu:///system"
   */
  uri?: string;
  /**
   * Failure zone the host belongs to (a DNS label). Used by placement, Cluster zones and host selections.
   * @default "default"
   */
  zone?: string;
  /** Total CPUs and memory of the host. When omitted, read from `virsh nodeinfo` on every cycle. */
  capacity?: HostCapacity;
  /** CPUs and memory kept free for the host itself; the scheduler places VMs only into capacity minus reserved. */
  reserved?: HostReserved;
  /** The libvirt storage pool gitvirt creates and uses for image, disk and cloud-init seed volumes. */
  storagePool?: StoragePoolSpec;
  /**
   * When true, no new VirtualMachine is placed on this host; VMs already on it stay.
   * @default false
   */
  cordoned?: boolean;
  /**
   * When true, the VMs the scheduler placed on this host move to other hosts one at a time by cold migration (shut down, disks copied or recreated per the VM's `migration` policy, started on the new host); implies `cordoned`. VMs pinned to this host by `placement.host` stay and are reported.
   * @default false
   */
  drain?: boolean;
}

/** Total schedulable resources of a host. */
export interface HostCapacity {
  /** Number of logical CPUs (threads), at least 1. */
  cpus: number;
  /** Memory in MiB, at least 64. Example: `65536` for 64 GiB. */
  memoryMiB: number;
}

/** Resources of a host kept free for the host itself. */
export interface HostReserved {
  /**
   * Number of logical CPUs kept free.
   * @default 0
   */
  cpus?: number;
  /**
   * Memory kept free, in MiB.
   * @default 1024
   */
  memoryMiB?: number;
}

/** A directory-backed libvirt storage pool owned by gitvirt. */
export interface StoragePoolSpec {
  /**
   * libvirt name of the pool: 1 to 63 letters, digits, `_` and `-`, starting with a letter or digit.
   * @default "gitvirt"
   */
  name?: string;
  /**
   * Absolute directory of the pool on the host; created when missing. Letters, digits, `.`, `_`, `-` and `/` only, no `..` segments.
   * @default "/var/lib/libvirt/images/gitvirt"
   */
  path?: string;
}

/** A base disk image that VirtualMachine disks are created from. */
export interface Image {
  /** API version of the resource model: `gitvirt.io/v1alpha1`. */
  apiVersion: 'gitvirt.io/v1alpha1';
  /** Kind of the resource: `Image`. */
  kind: 'Image';
  /** Name, labels and annotations of the image. Disks refer to the image by name. */
  metadata: ObjectMeta;
  /** Where the image comes from and its format. */
  spec: ImageSpec;
}

/** Where a base image comes from, its format and which hosts get it. */
export interface ImageSpec {
  /** Where the image comes from: `url` together with `sha256` (downloaded once per host and verified), or `path` of a file already on the host. */
  source: ImageSource;
  /**
   * Disk format of the image file.
   * @default "qcow2"
   */
  format?: 'qcow2' | 'raw';
  /** Hosts that get the image ahead of need. When omitted, every host that runs a VirtualMachine with a disk from this image gets it. */
  hosts?: HostSelection;
}

/** Where an image comes from: either `url` and `sha256` together, or `path`. */
export interface ImageSource {
  /** HTTP or HTTPS URL to download the image from; no credentials, spaces, quotes or shell characters. Example: `https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2`. */
  url?: string;
  /** Expected SHA-256 of the downloaded file: 64 lowercase hex digits. Required with `url`; a download that does not match is discarded. */
  sha256?: string;
  /** Absolute path of an image file that already exists on every host that needs it. Example: `/srv/images/debian-12.qcow2`. */
  path?: string;
}

/** A libvirt virtual network that VirtualMachine interfaces attach to. */
export interface Network {
  /** API version of the resource model: `gitvirt.io/v1alpha1`. */
  apiVersion: 'gitvirt.io/v1alpha1';
  /** Kind of the resource: `Network`. */
  kind: 'Network';
  /** Name, labels and annotations of the network. The name is also the libvirt network name; interfaces refer to it. */
  metadata: ObjectMeta;
  /** Forwarding mode, addressing and DHCP of the network. */
  spec: NetworkSpec;
}

/** Forwarding mode, addressing, DHCP and host selection of a libvirt network. */
export interface NetworkSpec {
  /** Forwarding mode: `nat` (guests reach outside through NAT on the host), `isolated` (guests and host only), `bridge` (attach to an existing host bridge; gitvirt assigns no addresses), `route` (routed without NAT). */
  mode: 'nat' | 'isolated' | 'bridge' | 'route';
  /** Linux bridge interface name, 1 to 15 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. Required in `bridge` mode (an existing bridge on the host); otherwise the name of the bridge libvirt creates, default `gv-<hash>` derived from the network name. Example: `br0`. */
  bridge?: string;
  /** IPv4 network of the guests in CIDR notation. Required in `nat`, `isolated` and `route` modes. Example: `10.10.0.0/24`. */
  cidr?: string;
  /** Host-side IPv4 address of the network, inside `cidr`; also the default route given to guests. Default: the first host address of `cidr` (`10.10.0.1` for `10.10.0.0/24`). */
  gateway?: string;
  /** DHCP served by libvirt on this network; not available in `bridge` mode. Interfaces of VirtualMachines with a static `ip` get a reservation automatically. When omitted, no DHCP is served. */
  dhcp?: DhcpSpec;
  /** MTU of the network in bytes, 576 to 9216. Default: libvirt's (normally 1500). */
  mtu?: number;
  /** DNS domain served by libvirt's dnsmasq for guests on this network. Example: `lab.example.com`. */
  domain?: string;
  /** Hosts that get the network. When omitted, every host that runs a VirtualMachine attached to it. */
  hosts?: HostSelection;
  /**
   * Whether libvirt starts the network when the host boots.
   * @default true
   */
  autostart?: boolean;
}

/** A DHCP range and static reservations served by libvirt. */
export interface DhcpSpec {
  /** First IPv4 address handed out, inside `cidr`. Example: `10.10.0.100`. */
  start: string;
  /** Last IPv4 address handed out, inside `cidr` and not below `start`. Example: `10.10.0.199`. */
  end: string;
  /** Static DHCP leases. Interfaces of VirtualMachines with a static `ip` are added automatically. */
  reservations?: DhcpReservation[];
}

/** A static DHCP lease: this MAC address always gets this IP address. */
export interface DhcpReservation {
  /** MAC address of the client, lowercase. Example: `52:54:00:12:34:56`. */
  mac: string;
  /** IPv4 address leased to the client, inside `cidr`. Example: `10.10.0.20`. */
  ip: string;
  /** Host name given to the client with the lease (a DNS label). */
  hostname?: string;
}

/** One guest: a libvirt domain with its disks, network interfaces and cloud-init seed. */
export interface VirtualMachine {
  /** API version of the resource model: `gitvirt.io/v1alpha1`. */
  apiVersion: 'gitvirt.io/v1alpha1';
  /** Kind of the resource: `VirtualMachine`. */
  kind: 'VirtualMachine';
  /** Name, labels and annotations of the VM. The name is also the libvirt domain name. */
  metadata: ObjectMeta;
  /** Where the VM runs and what it looks like. */
  spec: VirtualMachineSpec;
}

/** Where a VM runs and what it looks like. */
export interface VirtualMachineSpec {
  /**
   * Desired power state: `Always` (kept running: started when found stopped, and autostarted with the host), `Halted` (kept shut off), `Manual` (defined but never started or stopped by gitvirt).
   * @default "Always"
   */
  runStrategy?: 'Always' | 'Halted' | 'Manual';
  /** Number of virtual CPUs, 1 to 512. */
  cpus: number;
  /** Memory in MiB, at least 64. Example: `2048` for 2 GiB. */
  memoryMiB: number;
  /** Maximum memory in MiB that the VM can be ballooned up to without a restart; not below `memoryMiB`. Default: `memoryMiB`. */
  maxMemoryMiB?: number;
  /** CPU scheduling weight and vCPU pinning. */
  cpuTune?: CpuTune;
  /** Disks in target order (the first is `vda`, or `sda` on sata/scsi). At least one unless `boot` is set. Disk names must be unique within the VM. */
  disks?: Disk[];
  /** Network interfaces in PCI order; the first is normally `eth0`/`enp1s0` in the guest. */
  interfaces?: NetworkInterface[];
  /** cloud-init configuration delivered on a NoCloud seed ISO attached as a CD-ROM. When omitted, no seed is attached. */
  cloudInit?: CloudInit;
  /** Direct kernel boot from files on the host instead of booting from the first disk. */
  boot?: DirectBoot;
  /** A probe run from the host against the VM's address; its result is the VM's Ready condition and gates Cluster rolling updates. */
  health?: HealthCheck;
  /**
   * When true, gitvirt refuses to delete the VM (or its disks) when it disappears from the repository; set it to false first.
   * @default false
   */
  deletionProtection?: boolean;
  /**
   * What to do when a change needs a restart (CPU count, disks, machine type...): `Automatic` shuts the VM down gracefully and starts it again now; `Manual` applies the change to the stored definition and reports `RestartRequired` until someone restarts it.
   * @default "Automatic"
   */
  restartPolicy?: 'Automatic' | 'Manual';
  /**
   * Seconds to wait for a graceful (ACPI) shutdown before the VM is forcibly stopped, 0 to 3600.
   * @default 60
   */
  shutdownTimeoutSeconds?: number;
  /**
   * When true, changes made to the VM outside gitvirt (drift) are corrected on every cycle; when false they are only reported.
   * @default true
   */
  selfHeal?: boolean;
  /**
   * libvirt domain type: `kvm` (hardware virtualisation), `qemu` (software emulation, slow), or `auto` (kvm when the host's domain capabilities offer it, else qemu).
   * @default "auto"
   */
  domainType?: 'auto' | 'kvm' | 'qemu';
  /**
   * QEMU machine type: lowercase letters, digits, `.`, `_` and `-`. Example: `q35`, `pc-q35-8.2`.
   * @default "q35"
   */
  machine?: string;
  /** How the VM moves when it must leave its host (the host drains, or its placement no longer holds): by cold migration, with its disks copied or recreated. */
  migration?: MigrationPolicy;
  /** Where the VM may run: a host by name, or a zone and/or host label selector for the scheduler. At least one key. Once placed, a VM stays on its host while the host still qualifies. */
  placement: Placement;
}

/** Where a VM may run. All given keys must hold for the chosen host (AND). */
export interface Placement {
  /** Name of the Host to run on. */
  host?: string;
  /** Zone the host must be in (`spec.zone` of the Host). */
  zone?: string;
  /** Host labels that must all match. Example: `{ disk: ssd }`. */
  selector?: Record<string, string>;
}

/** CPU scheduling weight and pinning of a VM's vCPUs. */
export interface CpuTune {
  /** Relative CPU weight against other VMs on the host, 2 to 262144 (libvirt `<shares>`; the host default is 1024 or 100 depending on cgroup version). */
  shares?: number;
  /** Host CPUs each vCPU may run on. vCPUs not listed float over all host CPUs. */
  pinning?: VcpuPin[];
}

/** Pins one vCPU to a set of host CPUs. */
export interface VcpuPin {
  /** vCPU number, from 0 to `cpus` - 1. */
  vcpu: number;
  /** Host CPUs as a comma-separated list of numbers and ranges. Example: `0-3,8`. */
  cpuset: string;
}

/** A disk volume in the gitvirt storage pool: empty, or created from an Image. */
export interface Disk {
  /** Name of the disk, unique within the VM (a DNS label); the volume is named `<vm>-<name>`. Example: `root`. */
  name: string;
  /** Name of the Image the disk is created from. When omitted, the disk is empty and `sizeGiB` is required. */
  image?: string;
  /**
   * How the disk is created from `image`: `overlay` (a qcow2 overlay backed by the shared image volume; fast, small) or `copy` (a full independent copy). Only with `image`.
   * @default "overlay"
   */
  mode?: 'overlay' | 'copy';
  /** Size of the disk in GiB (may be fractional, e.g. `0.5`). Required without `image`; with `image`, the disk is grown to this size (it is never shrunk). Default with `image`: the image's virtual size. */
  sizeGiB?: number;
  /**
   * Bus the disk is attached to: `virtio` (targets `vda`, `vdb`...), `sata` or `scsi` (targets `sda`, `sdb`...).
   * @default "virtio"
   */
  bus?: 'virtio' | 'sata' | 'scsi';
  /** I/O limits of the disk; unset limits are unlimited. */
  iotune?: DiskIOTune;
  /**
   * When true, the disk volume is deleted when the disk or the VM is removed from the repository; when false it is kept and reported as orphaned.
   * @default false
   */
  deleteOnRemove?: boolean;
}

/** I/O limits of a disk (libvirt `<iotune>`). 0 or unset means unlimited. */
export interface DiskIOTune {
  /** Total throughput limit in bytes per second. */
  totalBytesSec?: number;
  /** Read throughput limit in bytes per second; not together with `totalBytesSec`. */
  readBytesSec?: number;
  /** Write throughput limit in bytes per second; not together with `totalBytesSec`. */
  writeBytesSec?: number;
  /** Total I/O operations per second limit. */
  totalIopsSec?: number;
  /** Read I/O operations per second limit; not together with `totalIopsSec`. */
  readIopsSec?: number;
  /** Write I/O operations per second limit; not together with `totalIopsSec`. */
  writeIopsSec?: number;
}

/** A virtual network card attached to a gitvirt Network. */
export interface NetworkInterface {
  /** Name of the Network to attach to. */
  network: string;
  /** MAC address, lowercase. Default: derived stably from the VM name and interface index with prefix `52:54:00`. */
  mac?: string;
  /** Static IPv4 address inside the network's `cidr`. On a network with `dhcp`, it is handed out as a DHCP reservation for this interface's MAC. Example: `10.10.0.20`. */
  ip?: string;
  /**
   * Emulated NIC model: `virtio` (fast, needs guest drivers) or `e1000`.
   * @default "virtio"
   */
  model?: 'virtio' | 'e1000';
}

/** cloud-init NoCloud configuration for the guest's first boot. */
export interface CloudInit {
  /** Guest host name (a DNS name; the first label is the short name). Default: the VM name. */
  hostname?: string;
  /** Users to create in the guest. */
  users?: CloudInitUser[];
  /** SSH public keys authorised for the image's default user. */
  sshAuthorizedKeys?: string[];
  /** Raw cloud-config YAML (without or with the `#cloud-config` header), merged last over what gitvirt generates from the fields above. At most 65536 characters. Do not put secrets here: manifests live in git. */
  userData?: string;
  /** cloud-init network configuration (version 2, netplan-style) written as `network-config` on the seed. When omitted, the guest uses DHCP on its interfaces. */
  networkConfig?: Record<string, unknown>;
}

/** A user created by cloud-init in the guest. */
export interface CloudInitUser {
  /** User name (POSIX). Example: `ops`. */
  name: string;
  /** SSH public keys authorised for this user. */
  sshAuthorizedKeys?: string[];
  /** sudoers rule for the user; letters, digits, spaces and `_=(),:!/.@%+*-` only. Example: `ALL=(ALL) NOPASSWD:ALL`. */
  sudo?: string;
  /** Supplementary groups of the user. Example: `[adm, sudo]`. */
  groups?: string[];
  /** Login shell of the user. Example: `/bin/bash`. */
  shell?: string;
}

/** Direct kernel boot: the VM starts a kernel and initrd read from files on the host. */
export interface DirectBoot {
  /** Absolute path of the kernel image on the host. Example: `/srv/boot/vmlinuz`. */
  kernel: string;
  /** Absolute path of the initial ramdisk on the host. Example: `/srv/boot/initrd.img`. */
  initrd?: string;
  /** Kernel command line, at most 2048 characters; letters, digits, spaces and `_=,.:/+@%*#~[]{}()!?^-` only (no quotes, `;`, `$`, `<`, `>`, `&`, `|`, backticks or control characters). Example: `console=ttyS0 root=/dev/vda1`. */
  cmdline?: string;
}

/** A probe run from the host against the VM; exactly one of `http` or `tcp`. */
export interface HealthCheck {
  /** Probe an HTTP endpoint of the VM. */
  http?: HttpProbe;
  /** Probe that a TCP port of the VM accepts connections. */
  tcp?: TcpProbe;
  /**
   * Seconds between probes, 1 to 3600.
   * @default 5
   */
  periodSeconds?: number;
  /**
   * Seconds after which one probe counts as failed, 1 to 3600.
   * @default 3
   */
  timeoutSeconds?: number;
  /**
   * Seconds to wait after the VM starts before the first probe, 0 to 86400.
   * @default 0
   */
  initialDelaySeconds?: number;
}

/** An HTTP GET against the VM's address; healthy when the response status equals `expectStatus`. */
export interface HttpProbe {
  /** TCP port of the HTTP endpoint, 1 to 65535. */
  port: number;
  /**
   * Request path starting with `/`; letters, digits and `-._~%!&()*+,=:@/?` only. Example: `/healthz`.
   * @default "/"
   */
  path?: string;
  /**
   * Expected HTTP status code, 100 to 599.
   * @default 200
   */
  expectStatus?: number;
}

/** A TCP connect to the VM's address; healthy when the connection is accepted. */
export interface TcpProbe {
  /** TCP port to connect to, 1 to 65535. */
  port: number;
}

/** How a VM's disks follow it to another host in a cold migration. */
export interface MigrationPolicy {
  /**
   * `copy` moves the VM's own volumes (overlays, copies and blank data disks) to the new host, verified by size and sha256, so its data goes with it; `recreate` creates fresh disks from the image on the new host (cloud-init runs again) and deletes the old ones, so disk contents are lost.
   * @default "copy"
   */
  disks?: 'copy' | 'recreate';
}

/** A replicated group of VirtualMachines spread over zones, updated zone by zone. */
export interface Cluster {
  /** API version of the resource model: `gitvirt.io/v1alpha1`. */
  apiVersion: 'gitvirt.io/v1alpha1';
  /** Kind of the resource: `Cluster`. */
  kind: 'Cluster';
  /** Name, labels and annotations of the cluster. Members are named `<cluster>-<zone>-<n>`, which must stay within 63 characters. */
  metadata: ObjectMeta;
  /** The member template, zones and update strategy. */
  spec: ClusterSpec;
}

/** The member template, how many members run in which zone, and how changes roll out. */
export interface ClusterSpec {
  /** Template of every member VM. */
  template: ClusterTemplate;
  /** Zones the members run in; members of a zone are placed on hosts of that zone. Zone names must be unique. */
  zones: ClusterZone[];
  /**
   * How members are spread over hosts: `required` (never two members on one host; members that cannot be placed stay unplaced), `preferred` (spread when possible), `none`.
   * @default "required"
   */
  antiAffinity?: 'required' | 'preferred' | 'none';
  /** How a template change rolls out to the members. */
  updateStrategy?: UpdateStrategy;
}

/** Template of the member VMs. */
export interface ClusterTemplate {
  /** Labels and annotations given to every member. */
  metadata?: ClusterTemplateMeta;
  /** Spec of every member: a VirtualMachine spec without `placement` (placement comes from the zones). */
  spec: ClusterMemberSpec;
}

/** Labels and annotations given to every member VM; the name is generated. */
export interface ClusterTemplateMeta {
  /** Labels of every member VM, merged over the Cluster's own labels. */
  labels?: Record<string, string>;
  /** Annotations of every member VM. */
  annotations?: Record<string, string>;
}

/** A VirtualMachine spec without `placement`: the spec of every member of a Cluster. */
export interface ClusterMemberSpec {
  /**
   * Desired power state: `Always` (kept running: started when found stopped, and autostarted with the host), `Halted` (kept shut off), `Manual` (defined but never started or stopped by gitvirt).
   * @default "Always"
   */
  runStrategy?: 'Always' | 'Halted' | 'Manual';
  /** Number of virtual CPUs, 1 to 512. */
  cpus: number;
  /** Memory in MiB, at least 64. Example: `2048` for 2 GiB. */
  memoryMiB: number;
  /** Maximum memory in MiB that the VM can be ballooned up to without a restart; not below `memoryMiB`. Default: `memoryMiB`. */
  maxMemoryMiB?: number;
  /** CPU scheduling weight and vCPU pinning. */
  cpuTune?: CpuTune;
  /** Disks in target order (the first is `vda`, or `sda` on sata/scsi). At least one unless `boot` is set. Disk names must be unique within the VM. */
  disks?: Disk[];
  /** Network interfaces in PCI order; the first is normally `eth0`/`enp1s0` in the guest. */
  interfaces?: NetworkInterface[];
  /** cloud-init configuration delivered on a NoCloud seed ISO attached as a CD-ROM. When omitted, no seed is attached. */
  cloudInit?: CloudInit;
  /** Direct kernel boot from files on the host instead of booting from the first disk. */
  boot?: DirectBoot;
  /** A probe run from the host against the VM's address; its result is the VM's Ready condition and gates Cluster rolling updates. */
  health?: HealthCheck;
  /**
   * When true, gitvirt refuses to delete the VM (or its disks) when it disappears from the repository; set it to false first.
   * @default false
   */
  deletionProtection?: boolean;
  /**
   * What to do when a change needs a restart (CPU count, disks, machine type...): `Automatic` shuts the VM down gracefully and starts it again now; `Manual` applies the change to the stored definition and reports `RestartRequired` until someone restarts it.
   * @default "Automatic"
   */
  restartPolicy?: 'Automatic' | 'Manual';
  /**
   * Seconds to wait for a graceful (ACPI) shutdown before the VM is forcibly stopped, 0 to 3600.
   * @default 60
   */
  shutdownTimeoutSeconds?: number;
  /**
   * When true, changes made to the VM outside gitvirt (drift) are corrected on every cycle; when false they are only reported.
   * @default true
   */
  selfHeal?: boolean;
  /**
   * libvirt domain type: `kvm` (hardware virtualisation), `qemu` (software emulation, slow), or `auto` (kvm when the host's domain capabilities offer it, else qemu).
   * @default "auto"
   */
  domainType?: 'auto' | 'kvm' | 'qemu';
  /**
   * QEMU machine type: lowercase letters, digits, `.`, `_` and `-`. Example: `q35`, `pc-q35-8.2`.
   * @default "q35"
   */
  machine?: string;
  /** How the VM moves when it must leave its host (the host drains, or its placement no longer holds): by cold migration, with its disks copied or recreated. */
  migration?: MigrationPolicy;
}

/** How many members run in one zone and their role. */
export interface ClusterZone {
  /** Zone name (`spec.zone` of the hosts). Example: `zone-a`. */
  name: string;
  /** Number of members in this zone, 0 to 1000. */
  replicas: number;
  /**
   * Role of the zone's members: `active` (serving) or `standby`. Standby zones are updated first by default.
   * @default "standby"
   */
  role?: 'active' | 'standby';
  /** Additional host labels that the zone's hosts must match. Example: `{ disk: ssd }`. */
  selector?: Record<string, string>;
}

/** How a template change rolls out: zone by zone, a few members at a time, each gated on health. */
export interface UpdateStrategy {
  /**
   * Update strategy; only `RollingZone` (one zone at a time) exists.
   * @default "RollingZone"
   */
  type?: 'RollingZone';
  /**
   * Members of a zone updated at the same time, at least 1.
   * @default 1
   */
  maxUnavailable?: number;
  /** Order in which zones are updated, by name; zones not listed follow. Default: standby zones first, then active zones, each in the order of `zones`. */
  zoneOrder?: string[];
  /**
   * Seconds an updated member may take to become healthy before the rollout stops and reports Stalled, 1 to 86400.
   * @default 300
   */
  healthTimeoutSeconds?: number;
}
