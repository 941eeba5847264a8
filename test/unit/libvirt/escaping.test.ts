import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { parseDomainXml, parseNetworkXml, renderDomainXml, renderNetworkXml } from '../../../controller/libvirt/index.js';
import { CTX, NETWORKS, fixtureVm } from '../../fixtures/libvirt/cases.js';

const HOSTILE = [
  `</cmdline><devices><hostdev/></devices><cmdline>`,
  `a & b &amp; &lt;`,
  `" onload="x' y='z`,
  `]]><!-- --> <?pi?> <!DOCTYPE x [<!ENTITY e "boom">]> &e;`,
];

/** Counts elements by name, to prove no value added structure. */
function countElements(xml: string, name: string): number {
  return (xml.match(new RegExp(`<${name}[\\s/>]`, 'g')) ?? []).length;
}

describe('escaping: text and attribute values cannot break out of their place', () => {
  for (const value of HOSTILE) {
    it(`element text ${JSON.stringify(value)}`, () => {
      const xml = renderDomainXml(fixtureVm('esc', { boot: { kernel: '/boot/k', cmdline: value } }), CTX);
      expect(countElements(xml, 'cmdline')).toBe(1);
      expect(countElements(xml, 'hostdev')).toBe(0);
      expect(xml).not.toContain('<!ENTITY');
      expect(parseDomainXml(xml).cmdline).toBe(value.trim());
    });

    it(`attribute values ${JSON.stringify(value)}`, () => {
      const net = { ...NETWORKS[0]!, domain: value, dhcp: { start: '10.0.0.2', end: '10.0.0.9', hosts: [{ mac: '52:54:00:00:00:01', ip: '10.0.0.3', name: value }] } };
      const xml = renderNetworkXml(net, { revision: value });
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { network: { domain: Record<string, string>; metadata: Record<string, Record<string, string>> } };
      expect(parsed.network.domain['name']).toBe(value);
      expect(parsed.network.metadata['gitvirt:owner']?.['revision']).toBe(value);
      expect(parseNetworkXml(xml).hosts[0]?.name).toBe(value);
      expect(parseNetworkXml(xml).domain).toBe(value);
    });
  }

  it('writes the five XML specials as entities', () => {
    const xml = renderDomainXml(fixtureVm('esc', { boot: { kernel: '/k', cmdline: `<&>"'` } }), CTX);
    expect(xml).toContain('<cmdline>&lt;&amp;&gt;&quot;&apos;</cmdline>');
  });
});
