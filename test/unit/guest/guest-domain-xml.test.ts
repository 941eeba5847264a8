import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderGuestDomainXml } from '../../testbed/guest/guest-domain-xml.js';
import { renderGuestNetworkXml } from '../../testbed/guest/guest-network-xml.js';

const EXAMPLE = new URL('../../testbed/guest/example-domain.xml', import.meta.url);

describe('renderGuestDomainXml', () => {
  it('renders example-domain.xml (the XML seen booting) without its comments', async () => {
    const example = (await readFile(EXAMPLE, 'utf8')).replace(/^[ \t]*<!--[^]*?-->[ \t]*\n/gm, '');
    const rendered = renderGuestDomainXml({
      name: 'gvguest-example',
      kernel: '/var/cache/gitvirt-test-guest/vmlinux',
      initrd: '/var/cache/gitvirt-test-guest/initrd.img',
      disks: [
        { path: '/var/lib/libvirt/images/gvguest-example/vda.qcow2', format: 'qcow2', target: 'vda' },
        { path: '/var/lib/libvirt/images/gvguest-example/seed.iso', format: 'raw', target: 'vdb', readonly: true },
      ],
      interfaces: [{ network: 'gvguest', mac: '52:54:00:77:00:10' }],
      consoleLog: '/var/log/libvirt/qemu/gvguest-example-console.log',
    });
    expect(rendered).toBe(example);
  });

  it('adds a virtio-scsi controller for scsi disks and renders cdroms and e1000 NICs', () => {
    const xml = renderGuestDomainXml({
      name: 'g', kernel: '/k', initrd: '/i', consoleLog: '/c', type: 'kvm', machine: 'pc', memoryMiB: 256, vcpus: 2,
      disks: [
        { path: '/d.qcow2', format: 'qcow2', target: 'sda', bus: 'scsi' },
        { path: '/s.iso', format: 'raw', target: 'sdb', bus: 'sata', device: 'cdrom', readonly: true },
      ],
      interfaces: [{ network: 'n', mac: '52:54:00:00:00:01', model: 'e1000' }],
    });
    expect(xml).toContain("<domain type='kvm'>");
    expect(xml).toContain("machine='pc'>hvm</type>");
    expect(xml).toContain("<memory unit='MiB'>256</memory>\n  <vcpu>2</vcpu>");
    expect(xml).toContain("<controller type='scsi' model='virtio-scsi'/>");
    expect(xml).toContain("<disk type='file' device='cdrom'>\n      <driver name='qemu' type='raw'/>\n      <source file='/s.iso'/>\n      <target dev='sdb' bus='sata'/>\n      <readonly/>");
    expect(xml).toContain("<model type='e1000'/>");
  });

  it('escapes names, paths and the command line', () => {
    const xml = renderGuestDomainXml({ name: 'a<b', kernel: "/k'&", initrd: '/i', cmdline: 'console=ttyS0 x="1"', consoleLog: '/c' });
    expect(xml).toContain('<name>a&lt;b</name>');
    expect(xml).toContain('<kernel>/k&apos;&amp;</kernel>');
    expect(xml).toContain('<cmdline>console=ttyS0 x=&quot;1&quot;</cmdline>');
    expect(xml).not.toContain('<disk');
    expect(xml).not.toContain('<interface');
  });
});

describe('renderGuestNetworkXml', () => {
  it('renders a NAT /24 with a DHCP range and reservations', () => {
    const xml = renderGuestNetworkXml({
      name: 'gvguest', bridge: 'gvguest0', prefix: '192.168.177',
      hosts: [{ mac: '52:54:00:77:00:10', ip: '192.168.177.10', name: 'g1' }, { mac: '52:54:00:77:00:11', ip: '192.168.177.11' }],
    });
    expect(xml).toBe([
      '<network>',
      '  <name>gvguest</name>',
      "  <forward mode='nat'/>",
      "  <bridge name='gvguest0' stp='off' delay='0'/>",
      "  <ip address='192.168.177.1' netmask='255.255.255.0'>",
      '    <dhcp>',
      "      <range start='192.168.177.100' end='192.168.177.199'/>",
      "      <host mac='52:54:00:77:00:10' name='g1' ip='192.168.177.10'/>",
      "      <host mac='52:54:00:77:00:11' ip='192.168.177.11'/>",
      '    </dhcp>',
      '  </ip>',
      '</network>',
      '',
    ].join('\n'));
  });
});
