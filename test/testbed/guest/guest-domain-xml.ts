import { xmlEscape as x } from './xml-escape.js';

/** A disk of a test guest domain. */
export interface GuestDisk {
  path: string;
  format: 'qcow2' | 'raw';
  /** vda, vdb, sda ... */
  target: string;
  bus?: 'virtio' | 'sata' | 'scsi';
  device?: 'disk' | 'cdrom';
  readonly?: boolean;
}

/** A NIC of a test guest domain, attached to a libvirt network. */
export interface GuestNic {
  network: string;
  mac: string;
  model?: 'virtio' | 'e1000';
}

/** Everything `renderGuestDomainXml` needs to describe a directly booted test guest. */
export interface GuestDomainOptions {
  name: string;
  /** 'qemu' (TCG) boots everywhere; 'kvm' needs /dev/kvm */
  type?: 'qemu' | 'kvm';
  machine?: string;
  memoryMiB?: number;
  vcpus?: number;
  kernel: string;
  initrd: string;
  cmdline?: string;
  disks?: GuestDisk[];
  interfaces?: GuestNic[];
  /** file the serial console (ttyS0) is logged to, through virtlogd */
  consoleLog: string;
}

function diskXml(disk: GuestDisk): string[] {
  return [
    `    <disk type='file' device='${disk.device ?? 'disk'}'>`,
    `      <driver name='qemu' type='${disk.format}'/>`,
    `      <source file='${x(disk.path)}'/>`,
    `      <target dev='${x(disk.target)}' bus='${disk.bus ?? 'virtio'}'/>`,
    ...(disk.readonly === true ? ['      <readonly/>'] : []),
    '    </disk>',
  ];
}

function nicXml(nic: GuestNic): string[] {
  return [
    "    <interface type='network'>",
    `      <source network='${x(nic.network)}'/>`,
    `      <mac address='${x(nic.mac)}'/>`,
    `      <model type='${nic.model ?? 'virtio'}'/>`,
    '    </interface>',
  ];
}

/** Renders the libvirt domain XML that boots the test guest by direct kernel boot. */
export function renderGuestDomainXml(options: GuestDomainOptions): string {
  const disks = options.disks ?? [];
  const scsi = disks.some((disk) => disk.bus === 'scsi');
  return [
    `<domain type='${options.type ?? 'qemu'}'>`,
    `  <name>${x(options.name)}</name>`,
    `  <memory unit='MiB'>${options.memoryMiB ?? 128}</memory>`,
    `  <vcpu>${options.vcpus ?? 1}</vcpu>`,
    '  <os>',
    `    <type arch='x86_64' machine='${x(options.machine ?? 'q35')}'>hvm</type>`,
    `    <kernel>${x(options.kernel)}</kernel>`,
    `    <initrd>${x(options.initrd)}</initrd>`,
    `    <cmdline>${x(options.cmdline ?? 'console=ttyS0')}</cmdline>`,
    '  </os>',
    '  <features>',
    '    <acpi/>',
    '    <apic/>',
    '  </features>',
    '  <on_poweroff>destroy</on_poweroff>',
    '  <on_reboot>restart</on_reboot>',
    '  <on_crash>destroy</on_crash>',
    '  <devices>',
    ...disks.flatMap(diskXml),
    ...(scsi ? ["    <controller type='scsi' model='virtio-scsi'/>"] : []),
    ...(options.interfaces ?? []).flatMap(nicXml),
    "    <serial type='pty'>",
    `      <log file='${x(options.consoleLog)}' append='off'/>`,
    "      <target port='0'/>",
    '    </serial>',
    "    <console type='pty'>",
    "      <target type='serial' port='0'/>",
    '    </console>',
    "    <controller type='usb' model='none'/>",
    "    <memballoon model='none'/>",
    '  </devices>',
    '</domain>',
    '',
  ].join('\n');
}
