import { describe, expect, it } from 'vitest';
import {
  oneLine, parseResourceKey, parseStatusFiles, parseStatusPath, revisionOfMessage, sanitizeLibvirtXml, shortRevision, statusCommitMessage, toYaml,
} from '../../../controller/status/index.js';
import { capturedXml } from '../plan/plan-fixtures.js';

describe('sanitizeLibvirtXml', () => {
  const owned = capturedXml('domain/gvfixture-basic.inactive.xml');

  it('keeps captured XML byte for byte when it holds only gitvirt metadata', () => {
    expect(sanitizeLibvirtXml(owned)).toBe(owned);
    const network = capturedXml('network/gvfixture-nat.inactive.xml');
    expect(sanitizeLibvirtXml(network)).toBe(network);
  });

  it('drops other namespaces\' metadata (nested, self-closing, with comments and CDATA) and keeps ours', () => {
    const foreign = [
      '<metadata>',
      '    <!-- <gitvirt:owner xmlns:gitvirt="https://gitvirt.io/xmlns/owner/v1alpha1"/> -->',
      '    <a:x xmlns:a="urn:a"><a:y><a:secret>leak-one</a:secret></a:y><![CDATA[</metadata> leak-two]]></a:x>',
      '    <b:z xmlns:b="urn:b" value="leak-three"/>',
      '    <c:w xmlns:c="urn:c" note="https://gitvirt.io/xmlns/owner/v1alpha1">leak-four</c:w>',
    ].join('\n');
    const out = sanitizeLibvirtXml(owned.replace('<metadata>', foreign));
    for (const leaked of ['leak-one', 'leak-two', 'leak-three', 'leak-four', 'urn:']) expect(out).not.toContain(leaked);
    expect(out).toBe(owned);
  });

  it('removes password attributes and leaves documents without metadata alone', () => {
    expect(sanitizeLibvirtXml("<domain><devices><graphics type='vnc' passwd='p1' port='-1'/></devices></domain>")).toBe("<domain><devices><graphics type='vnc' port='-1'/></devices></domain>");
    expect(sanitizeLibvirtXml('<domain><metadata/><name>x</name></domain>')).toBe('<domain><metadata/><name>x</name></domain>');
    expect(sanitizeLibvirtXml('<domain><name>x</name><metadata><a:b xmlns:a="urn:a">t</a:b></metadata></domain>')).toBe('<domain><name>x</name><metadata></metadata></domain>');
  });
});

describe('messages', () => {
  it('makes one line without credentials, bounded in length', () => {
    expect(oneLine('failed:\n  fetch https://user:tok@host/x\tpassword=hunter2 token: "abc def"')).toBe('failed: fetch https://***@host/x password=*** token: ***');
    expect(oneLine('x'.repeat(500))).toHaveLength(300);
    expect(oneLine('\u001b[31mred\u001b[0m')).toBe('[31mred [0m');
  });

  it('names the source revision in the subject and the trailer, and reads it back', () => {
    const rev = '0123456789abcdef0123456789abcdef01234567';
    const message = statusCommitMessage({ resources: new Map(), hosts: new Map() }, rev);
    expect(message).toBe(`status: all 0 ready at 0123456789ab\n\nGitvirt-Source-Revision: ${rev}\n`);
    expect(revisionOfMessage(message)).toBe(rev);
    expect(revisionOfMessage('status: x\n\nOther: y\n')).toBeUndefined();
    expect(shortRevision(`${rev}-dirty`)).toBe('0123456789ab-dirty');
    expect(shortRevision('local')).toBe('local');
  });
});

describe('status paths and documents', () => {
  it('knows which paths hold documents, and parses resource names given on the command line', () => {
    expect(parseStatusPath('status/VirtualMachine/web1.yaml')).toEqual({ type: 'resource', kind: 'VirtualMachine', name: 'web1' });
    expect(parseStatusPath('hosts/hv1.yaml')).toEqual({ type: 'host', name: 'hv1' });
    for (const path of ['status/Pod/x.yaml', 'status/VirtualMachine/../x.yaml', 'hosts/HV1.yaml', 'README.md', 'status/Host/a/b.yaml']) expect(parseStatusPath(path)).toBeUndefined();
    expect(parseResourceKey('cluster/api')).toEqual({ kind: 'Cluster', name: 'api' });
    expect(parseResourceKey('VirtualMachine/Web1')).toBeUndefined();
    expect(parseResourceKey('web1')).toBeUndefined();
  });

  it('writes sorted keys at every level, and skips files that are not status documents when reading', () => {
    expect(toYaml({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x\ny\n' } })).toBe('a:\n  c: |\n    x\n    y\n  d:\n    - y: 2\n      z: 1\nb: 1\n');
    const files = new Map([
      ['status/Host/hv1.yaml', 'apiVersion: gitvirt.io/v1alpha1\nkind: Host\nmetadata: {name: hv1}\nstatus: {conditions: []}\n'],
      ['status/Host/hv2.yaml', 'kind: Host\nmetadata: {name: other}\nstatus: {conditions: []}\n'],
      ['status/Host/hv3.yaml', 'key: [unclosed\n'],
      ['hosts/hv1.yaml', 'kind: HostInventory\nmetadata: {name: hv1}\nstatus: {reachable: true}\n'],
      ['hosts/hv2.yaml', 'a: &x 1\nb: *x\n'],
      ['notes.txt', 'hello'],
    ]);
    const snapshot = parseStatusFiles(files);
    expect([...snapshot.resources.keys()]).toEqual(['status/Host/hv1.yaml']);
    expect([...snapshot.hosts.keys()]).toEqual(['hosts/hv1.yaml']);
  });
});
