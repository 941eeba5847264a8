import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSshTransport, HostKeyMismatchError, type SshTransport } from '../../controller/transport/index.js';
import { injectTestbed } from '../testbed/inject-testbed.js';
import type { TestbedHost } from '../testbed/testbed.js';

const testbed = injectTestbed();
const VIRSH = ['virsh', '-c', 'qemu:///system'];
const PROBE = `gvtb-probe-${process.pid}`;
const IMAGE = `/var/lib/libvirt/images/${PROBE}.qcow2`;
const XML_PATH = `/var/lib/libvirt/images/${PROBE}.xml`;

const domainXml = `<domain type='qemu'>
  <name>${PROBE}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <cputune><shares>512</shares></cputune>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${IMAGE}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
`;

function target(host: TestbedHost): Pick<TestbedHost, 'name' | 'address' | 'port' | 'user' | 'hostKey'> {
  return { name: host.name, address: host.address, port: host.port, user: host.user, hostKey: host.hostKey };
}

describe('testbed', () => {
  let transport: SshTransport;
  const [hv1, hv2, hv3] = testbed.hosts as [TestbedHost, TestbedHost, TestbedHost];

  beforeAll(() => {
    transport = createSshTransport({ privateKeyPath: testbed.state.clientKeyPath });
  });
  afterAll(async () => {
    await testbed.run(hv1, `${VIRSH.join(' ')} destroy ${PROBE}; ${VIRSH.join(' ')} undefine ${PROBE}; rm -f ${IMAGE} ${XML_PATH}`, { allowFailure: true });
    await transport.close();
  });

  it('has four hosts in alternating zones, each its own machine', async () => {
    expect(testbed.hosts.map((h) => [h.name, h.zone, h.address])).toEqual([
      ['hv1', 'zone-a', '10.77.1.2'],
      ['hv2', 'zone-b', '10.77.2.2'],
      ['hv3', 'zone-a', '10.77.3.2'],
      ['hv4', 'zone-b', '10.77.4.2'],
    ]);
    expect(new Set(testbed.hosts.map((h) => h.hostKey)).size).toBe(4);
    for (const host of testbed.hosts) {
      expect((await testbed.run(host, ['hostname'])).stdout.trim()).toBe(host.name);
      // libvirtd resolves the host's own name (getaddrinfo) at every domain start: it must not wait for DNS
      expect((await testbed.run(host, ['timeout', '2', 'getent', 'ahosts', host.name])).stdout).toMatch(/^127\.0\.1\.1\s/);
      expect(testbed.hostManifest(host)).toEqual({
        apiVersion: 'gitvirt.io/v1alpha1',
        kind: 'Host',
        metadata: { name: host.name },
        spec: { address: host.address, port: 22, user: 'root', hostKey: host.hostKey, zone: host.zone },
      });
    }
  });

  it('answers virsh on every host through the SSH transport', async () => {
    for (const host of testbed.hosts) {
      const conn = await transport.connect(target(host));
      try {
        const version = await conn.exec([...VIRSH, 'version']);
        expect(version.code, version.stderr).toBe(0);
        expect(version.stdout).toMatch(/Running hypervisor: QEMU/);
        const domains = await conn.exec([...VIRSH, 'list', '--all']);
        expect(domains.code, domains.stderr).toBe(0);
        const networks = await conn.exec([...VIRSH, 'net-list', '--all']);
        expect(networks.code, networks.stderr).toBe(0);
        const hostname = await conn.exec(['hostname']);
        expect(hostname.stdout.trim()).toBe(host.name);
      } finally {
        await conn.close();
      }
    }
  });

  it('keeps hosts apart: a domain on hv1 is not seen by hv2 or hv3', async () => {
    const conn = await transport.connect(target(hv1));
    try {
      const image = await conn.exec(['qemu-img', 'create', '-q', '-f', 'qcow2', IMAGE, '64M']);
      expect(image.code, image.stderr).toBe(0);
      await conn.writeFile(XML_PATH, domainXml);
      const defined = await conn.exec([...VIRSH, 'define', XML_PATH]);
      expect(defined.code, defined.stderr).toBe(0);
      const started = await conn.exec([...VIRSH, 'start', PROBE]);
      expect(started.code, started.stderr).toBe(0);
      expect((await conn.exec([...VIRSH, 'domstate', PROBE])).stdout.trim()).toBe('running');
      const shares = await conn.exec([...VIRSH, 'schedinfo', PROBE, '--live', '--set', 'cpu_shares=700']);
      const cgroups = (await testbed.run(hv1, 'ls /sys/fs/cgroup')).stdout.trim() !== '';
      if (cgroups) expect(shares.stdout).toMatch(/cpu_shares\s*:\s*700/);
    } finally {
      await conn.close();
    }
    const seenByNsenter = await testbed.run(hv1, [...VIRSH, 'list', '--all', '--name']);
    expect(seenByNsenter.stdout.split('\n')).toContain(PROBE);

    for (const other of [hv2, hv3]) {
      const otherConn = await transport.connect(target(other));
      try {
        const list = await otherConn.exec([...VIRSH, 'list', '--all', '--name']);
        expect(list.code, list.stderr).toBe(0);
        expect(list.stdout.split('\n')).not.toContain(PROBE);
        expect((await otherConn.exec([...VIRSH, 'dominfo', PROBE])).code).not.toBe(0);
        expect((await otherConn.exec(['test', '-e', IMAGE])).code).toBe(1);
      } finally {
        await otherConn.close();
      }
    }
  });

  it('refuses a host that presents a key other than the pinned one', async () => {
    const wrongKey = transport.connect({ ...target(hv1), hostKey: hv2.hostKey });
    await expect(wrongKey).rejects.toBeInstanceOf(HostKeyMismatchError);
    await expect(transport.connect({ ...target(hv1), hostKey: hv2.hostKey })).rejects.toMatchObject({ code: 'HostKeyMismatch' });
  });
});
