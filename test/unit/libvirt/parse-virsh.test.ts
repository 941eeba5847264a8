import { describe, expect, it } from 'vitest';
import {
  parseDomCapabilities, parseDomainState, parseKeyValueLines, parseNameList, parseNodeInfo,
} from '../../../controller/libvirt/index.js';
import { readFixture } from './fixtures.js';

describe('virsh output parsers on captured output', () => {
  it('nodeinfo.txt', () => {
    const text = readFixture('virsh/nodeinfo.txt');
    const kib = Number(/Memory size:\s+(\d+) KiB/.exec(text)?.[1]);
    expect(kib).toBeGreaterThan(0);
    expect(parseNodeInfo(text)).toEqual({ cpus: 2, memoryMiB: Math.floor(kib / 1024), cpuModel: 'x86_64' });
  });

  it('domcapabilities-qemu.xml', () => {
    expect(parseDomCapabilities(readFixture('virsh/domcapabilities-qemu.xml'))).toEqual({
      domainType: 'qemu', machine: 'pc-i440fx-7.2', maxVcpus: 255, hostPassthrough: false,
    });
  });

  it('domstate-running.txt and domstate-shutoff.txt', () => {
    expect(parseDomainState(readFixture('virsh/domstate-running.txt'))).toBe('running');
    expect(parseDomainState(readFixture('virsh/domstate-shutoff.txt'))).toBe('shutoff');
    expect(parseDomainState('in shutdown')).toBe('shutdown');
    expect(parseDomainState('something new')).toBe('unknown');
  });

  it('dominfo-gvfixture-pc.txt', () => {
    expect(parseKeyValueLines(readFixture('virsh/dominfo-gvfixture-pc.txt'))).toMatchObject({
      'Name': 'gvfixture-pc', 'State': 'shut off', 'Max memory': '131072 KiB', 'Autostart': 'disable', 'Persistent': 'yes',
    });
  });

  it('list-all-name.txt', () => {
    expect(parseNameList(readFixture('virsh/list-all-name.txt'))).toEqual(['gvfixture-basic', 'gvfixture-full', 'gvfixture-pc', 'gvfixture-unowned']);
  });
});
