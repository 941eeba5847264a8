import { describe, expect, it } from 'vitest';
import { canonicalJson, compile, specHash } from '../../../controller/compile/index.js';
import { loadCase, vmOf } from './compile-case.js';

describe('canonical JSON and spec hashes', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('ignores key order and the specHash field itself, and changes with any value', () => {
    const a = specHash({ name: 'web', cpus: 2, labels: { x: '1', y: '2' }, specHash: 'old' });
    const b = specHash({ labels: { y: '2', x: '1' }, cpus: 2, name: 'web' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(specHash({ name: 'web', cpus: 3, labels: { x: '1', y: '2' } })).not.toBe(a);
  });

  it('is the hash of the compiled VM without its hash, equal across runs and resource order', () => {
    const fixture = loadCase('seed');
    const first = compile(fixture.input);
    const second = compile({ ...fixture.input, resources: [...fixture.input.resources].reverse() });
    const web = vmOf(first, 'web');
    expect(web.specHash).toBe(specHash(web));
    expect(vmOf(second, 'web').specHash).toBe(web.specHash);
    const network = first.hosts['hv1']?.networks[0];
    if (network !== undefined) expect(network.specHash).toBe(specHash(network));
  });
});
