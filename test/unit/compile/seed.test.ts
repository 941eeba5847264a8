import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSeed, compile } from '../../../controller/compile/index.js';
import { loadCase, runCase, vmOf } from './compile-case.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0dGxlIHRlc3Qga2V5IGZvciBjb21waWxl';

describe('cloud-init seed', () => {
  it('writes meta-data, #cloud-config user-data with userData merged last, and network-config', () => {
    const seed = vmOf(runCase('seed'), 'web').seed;
    expect(seed?.pool).toBe('fast');
    expect(Object.keys(seed?.files ?? {})).toEqual(['meta-data', 'user-data', 'network-config']);
    const meta = parse(seed?.files['meta-data'] ?? '') as Record<string, string>;
    expect(meta['local-hostname']).toBe('web.lab.example.com');
    expect(meta['instance-id']).toMatch(/^web-[0-9a-f]{8}$/);
    const userData = seed?.files['user-data'] ?? '';
    expect(userData.startsWith('#cloud-config\n')).toBe(true);
    expect(parse(userData)).toEqual({
      hostname: 'overridden',
      users: [{ name: 'ops', ssh_authorized_keys: [`${KEY} ops@example`], sudo: 'ALL=(ALL) NOPASSWD:ALL', groups: ['adm', 'sudo'], shell: '/bin/bash' }],
      ssh_authorized_keys: [`${KEY} root@example`],
      packages: ['nginx'],
      write_files: [{ path: '/etc/motd', content: 'hello' }],
    });
    expect(parse(seed?.files['network-config'] ?? '')).toEqual({ version: 2, ethernets: { eth0: { dhcp4: true } } });
  });

  it('names the volume after the content hash, so only a changed config makes a new volume', () => {
    const web = vmOf(runCase('seed'), 'web');
    expect(web.seed?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(web.seed?.volume).toBe(`web-seed-${web.seed?.hash.slice(0, 12)}.iso`);
    const again = vmOf(compile(loadCase('seed').input), 'web');
    expect(again.seed).toEqual(web.seed);
    const a = buildSeed({ vm: 'x', pool: 'p', cloudInit: { userData: 'packages: [a]' } }).seed;
    const b = buildSeed({ vm: 'x', pool: 'p', cloudInit: { userData: 'packages: [b]' } }).seed;
    expect(a.hash).not.toBe(b.hash);
    expect(a.volume).not.toBe(b.volume);
    expect(a.files['meta-data']).not.toBe(b.files['meta-data']);
  });

  it('attaches no seed without cloudInit, and reports userData that is not a mapping', () => {
    const state = runCase('seed');
    expect(vmOf(state, 'plain').seed).toBeUndefined();
    const broken = vmOf(state, 'broken');
    expect(parse(broken.seed?.files['user-data'] ?? '')).toEqual({ hostname: 'broken' });
    expect(state.diagnostics[0]).toMatchObject({
      severity: 'error',
      path: '/spec/cloudInit/userData',
      resource: { kind: 'VirtualMachine', name: 'broken' },
    });
  });

  it('reports YAML syntax errors in userData', () => {
    const built = buildSeed({ vm: 'x', pool: 'p', cloudInit: { userData: 'a: [unclosed' } });
    expect(built.problems.map((p) => p.kind)).toEqual(['user-data-syntax']);
  });
});
