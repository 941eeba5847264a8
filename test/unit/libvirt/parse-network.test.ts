import { describe, expect, it } from 'vitest';
import { networkModelFromDesired, parseNetworkXml, renderDhcpHostXml, renderNetworkXml } from '../../../controller/libvirt/index.js';
import { NETWORKS, REVISION } from '../../fixtures/libvirt/cases.js';
import { assertSameJson, fixtureFiles, readFixture } from './fixtures.js';

describe('parseNetworkXml round trips', () => {
  for (const net of NETWORKS) {
    it(`parse(render(${net.name})) equals the desired model`, () => {
      assertSameJson(parseNetworkXml(renderNetworkXml(net, { revision: REVISION })), networkModelFromDesired(net, { revision: REVISION }), net.name);
    });
  }
  for (const file of fixtureFiles('network', '.xml')) {
    it(`libvirt's ${file} parses to the desired model`, () => {
      const net = NETWORKS.find((candidate) => file.startsWith(`${candidate.name}.`));
      if (net === undefined) throw new Error(`no case for ${file}`);
      assertSameJson(parseNetworkXml(readFixture(`network/${file}`)), networkModelFromDesired(net, { revision: REVISION }), file);
    });
  }
});

describe('parseNetworkXml details', () => {
  it('ignores the uuid, bridge MAC and NAT port range libvirt adds', () => {
    const xml = readFixture('network/gvfixture-nat.live.xml');
    expect(xml).toMatch(/<uuid>[\s\S]*<port start='1024'[\s\S]*<mac address=/);
    expect(parseNetworkXml(xml).mode).toBe('nat');
  });

  it('sees a DHCP reservation added with net-update', () => {
    expect(parseNetworkXml(readFixture('drift/net-update-gvfixture-nat.live.xml')).hosts).toContainEqual({ mac: '52:54:00:aa:00:03', ip: '10.211.0.12', name: 'added-by-hand' });
  });

  it('turns a netmask into a prefix, skips IPv6 and defaults a bare <forward/> to nat', () => {
    const model = parseNetworkXml(`<network><name>n</name><forward/>
      <ip family='ipv6' address='fd00::1' prefix='64'/><ip address='192.168.5.1' netmask='255.255.252.0'/></network>`);
    expect(model).toMatchObject({ mode: 'nat', address: '192.168.5.1', prefix: 22, owner: null, dhcpRange: null, hosts: [] });
  });

  it('renders one DHCP host element for net-update', () => {
    expect(renderDhcpHostXml({ mac: '52:54:00:AA:00:03', ip: '10.0.0.3', name: 'x' })).toBe('<host mac="52:54:00:aa:00:03" name="x" ip="10.0.0.3"/>');
  });
});
