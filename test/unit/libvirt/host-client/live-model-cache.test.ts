import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveDomainModel, parseDomainXml, parseObserveOutput } from '../../../../controller/libvirt/index.js';

const populated = readFileSync(new URL('../../../fixtures/virsh/observe-populated.txt', import.meta.url), 'utf8');

describe('liveDomainModel', () => {
  it('returns the model parsed while reading observe output, once per observation', () => {
    const live = parseObserveOutput(populated);
    const owned = live.domains.filter((d) => d.xml !== undefined);
    expect(owned.length).toBeGreaterThan(0);
    for (const domain of owned) {
      const first = liveDomainModel(domain, domain.xml!);
      expect(liveDomainModel(domain, domain.xml!)).toBe(first);
      expect(first).toEqual(parseDomainXml(domain.xml!));
    }
  });

  it('parses again when the XML is not the one that was read', () => {
    const domain = parseObserveOutput(populated).domains.find((d) => d.xml !== undefined)!;
    const remembered = liveDomainModel(domain, domain.xml!);
    const edited = domain.xml!.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>262144</memory>");
    expect(edited).not.toBe(domain.xml);
    const model = liveDomainModel(domain, edited);
    expect(model).not.toBe(remembered);
    expect(model.maxMemoryMiB).toBe(256);
  });

  it('parses objects that observe output did not produce', () => {
    const domain = parseObserveOutput(populated).domains.find((d) => d.xml !== undefined)!;
    const copy = { ...domain };
    expect(liveDomainModel(copy, copy.xml!)).toEqual(liveDomainModel(domain, domain.xml!));
    expect(liveDomainModel(copy, copy.xml!)).not.toBe(liveDomainModel(domain, domain.xml!));
  });
});
