import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isValid, readRepo } from '../../../controller/manifests/index.js';
import { FIXTURES, expectDiagnostic, expectNoErrors } from './assert-diagnostics.js';

const temps: string[] = [];
function tempRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitvirt-manifests-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const image = (name: string) => `apiVersion: gitvirt.io/v1alpha1\nkind: Image\nmetadata:\n  name: ${name}\nspec:\n  source: { path: /images/${name}.qcow2 }\n`;

describe('readRepo', () => {
  it('reads a valid multi-kind repository with zero errors', async () => {
    const result = await readRepo({ dir: join(FIXTURES, 'valid') });
    expectNoErrors(result.diagnostics);
    expect(result.diagnostics).toEqual([]);
    expect(isValid(result)).toBe(true);
    expect(result.stats).toEqual({ files: 5, documents: 11 });
    expect(result.manifests.map((m) => `${m.resource.kind}/${m.resource.metadata.name}`)).toEqual([
      'Host/hv1', 'Host/hv2', 'Image/debian-12', 'Image/local-base', 'Network/lab', 'Network/storage', 'Network/lan',
      'Cluster/db', 'VirtualMachine/web-1', 'VirtualMachine/batch',
    ]);
    const web = result.manifests.find((m) => m.resource.metadata.name === 'web-1');
    expect(web?.source).toEqual({ file: 'workloads/web.yaml', line: 1, column: 1, index: 0 });
    expect(web?.locate('/spec/memoryMiB')).toEqual({ file: 'workloads/web.yaml', line: 11, column: 14 });
    expectDiagnostic(result.notices, { code: 'other-api-version', severity: 'info', file: 'workloads/db.yaml', line: 28 });
  });

  it('honours .gitvirtignore and skips hidden files and folders', async () => {
    const result = await readRepo({ dir: join(FIXTURES, 'ignore-rules') });
    expect(result.diagnostics).toEqual([]);
    expect(result.stats.files).toBe(2);
    expect(result.manifests.map((m) => m.resource.metadata.name)).toEqual(['kept', 'hv1']);
  });

  it('reports invalid YAML with file and line, and keeps the other files', async () => {
    const dir = tempRepo();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'bad.yaml'), 'a: [1\n');
    writeFileSync(join(dir, 'good.yml'), image('good'));
    const result = await readRepo({ dir });
    expectDiagnostic(result.diagnostics, { code: 'yaml-syntax', file: 'sub/bad.yaml', line: 2 });
    expect(result.manifests).toHaveLength(1);
    expect(isValid(result)).toBe(false);
  });

  it('refuses a 50 MB file without reading it', async () => {
    const dir = tempRepo();
    const fd = openSync(join(dir, 'huge.yaml'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    let read = 0;
    const fs = await import('node:fs/promises');
    const counting = { ...fs, readFile: async (p: string) => { read++; return fs.readFile(p); } };
    const result = await readRepo({ dir, fs: counting });
    expectDiagnostic(result.diagnostics, { code: 'file-too-large', file: 'huge.yaml', line: 1 });
    expect(read).toBe(0);
  });

  it('applies a configurable size limit', async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'a.yaml'), image('a'));
    expectDiagnostic((await readRepo({ dir, maxFileBytes: 10 })).diagnostics, { code: 'file-too-large', file: 'a.yaml' });
  });

  it.each([
    ['NUL bytes', Buffer.concat([Buffer.from('a: 1\nb: 2\n'), Buffer.from([0x00, 0x01, 0xff, 0x00])]), 3],
    ['invalid UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0x31, 0x0a, 0xc3, 0x28, 0x0a]), 2],
  ])('refuses binary content (%s)', async (_, bytes, line) => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'blob.yaml'), bytes);
    const result = await readRepo({ dir });
    expectDiagnostic(result.diagnostics, { code: 'binary-file', file: 'blob.yaml', line });
  });

  it('does not follow symbolic links out of the repository', async () => {
    const outside = tempRepo();
    writeFileSync(join(outside, 'secret.yaml'), image('secret'));
    const dir = tempRepo();
    writeFileSync(join(dir, 'real.yaml'), image('real'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    symlinkSync(outside, join(dir, 'linked-dir'));
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'alias.yaml'));
    symlinkSync(dir, join(dir, 'loop'));
    const result = await readRepo({ dir });
    expect(result.manifests.map((m) => m.resource.metadata.name)).toEqual(['real']);
    expectDiagnostic(result.diagnostics, { code: 'symlink-skipped', file: 'link.yaml', severity: 'warning' });
    expectDiagnostic(result.diagnostics, { code: 'symlink-skipped', file: 'linked-dir', severity: 'warning' });
    expectNoErrors(result.diagnostics);
  });

  it('skips files whose names contain control characters', async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'evil\nname.yaml'), image('evil'));
    const result = await readRepo({ dir });
    expectDiagnostic(result.diagnostics, { code: 'unsafe-file-name', file: 'evil?name.yaml', severity: 'warning' });
    expect(result.manifests).toEqual([]);
  });

  it('reports a missing directory instead of throwing', async () => {
    const result = await readRepo({ dir: join(tmpdir(), 'gitvirt-does-not-exist-x') });
    expectDiagnostic(result.diagnostics, { code: 'unreadable' });
  });

  it('orders files deterministically and uses POSIX paths', async () => {
    const dir = tempRepo();
    for (const name of ['b', 'a', 'c']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'x.yaml'), 'kind: Image\n');
    }
    const result = await readRepo({ dir });
    expect(result.diagnostics.map((d) => d.file)).toEqual(['a/x.yaml', 'b/x.yaml', 'c/x.yaml']);
  });

  it('warns about unusable .gitvirtignore lines', async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, '.gitvirtignore'), 'fine/\n[z-a]\n');
    expectDiagnostic((await readRepo({ dir })).diagnostics, { code: 'ignore-pattern-invalid', file: '.gitvirtignore', line: 2 });
  });
});
