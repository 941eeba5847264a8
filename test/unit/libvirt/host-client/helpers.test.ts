import { describe, expect, it } from 'vitest';
import { splitBatch } from '../../../../controller/libvirt/host-commands.js';
import { partialPath } from '../../../../controller/libvirt/temp-path.js';
import { withUuid } from '../../../../controller/libvirt/with-uuid.js';
import { readFixture } from '../fixtures.js';

const M = '@@gv0123456789ab';

describe('splitBatch', () => {
  it('splits virsh output per command, a failed command giving an empty output', () => {
    const stdout = `${M} 0\nrunning\n\n${M} 1\n\n${M} 2\n<domain>\n  <name>x</name>\n</domain>\n\n${M} end\n`;
    expect(splitBatch(stdout, M, 3)).toEqual({ outputs: ['running', '', '<domain>\n  <name>x</name>\n</domain>'], complete: true });
  });

  it('says when virsh stopped before the end (no connection)', () => {
    expect(splitBatch('', M, 2)).toEqual({ outputs: ['', ''], complete: false });
    expect(splitBatch(`${M} 0\nrunning\n`, M, 2)).toEqual({ outputs: ['running', ''], complete: false });
  });

  it('ignores marker-like lines of another marker', () => {
    expect(splitBatch(`${M} 0\n@@gv999999999999 end\n${M} end\n`, M, 1).outputs).toEqual(['@@gv999999999999 end']);
  });
});

describe('withUuid', () => {
  const uuid = '8192e750-d890-4de5-8b30-362a9c573c87';

  it('adds the UUID of the object being replaced right after the name of a rendered definition', () => {
    const xml = readFixture('rendered/dom-gvfixture-basic.xml');
    const out = withUuid(xml, uuid);
    expect(out.indexOf(`<uuid>${uuid}</uuid>`)).toBe(out.indexOf('</name>') + '</name>'.length);
    expect(out.replace(`<uuid>${uuid}</uuid>`, '')).toBe(xml);
  });

  it('keeps a definition that already names its UUID, and refuses a malformed UUID', () => {
    const xml = `<network><name>n</name><uuid>${uuid}</uuid></network>`;
    expect(withUuid(xml, '11111111-1111-1111-1111-111111111111')).toBe(xml);
    expect(() => withUuid(xml, 'x</uuid><evil/>')).toThrow(/invalid uuid/);
  });
});

describe('partialPath', () => {
  it('is a hidden file beside the target, the same for every run', () => {
    expect(partialPath('/var/lib/libvirt/images/gitvirt/image-web.qcow2')).toBe('/var/lib/libvirt/images/gitvirt/.image-web.qcow2.part');
  });
});
