import { describe, expect, it } from 'vitest';
import { isValid, validateSources } from '../../../controller/manifests/index.js';
import { expectDiagnostic, expectNoErrors, loadCase } from './assert-diagnostics.js';

const validate = (text: string) => validateSources({ sources: [{ file: 'doc.yaml', text }] });
const header = (kind: string, name = 'x') => `apiVersion: gitvirt.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;

describe('bad input fixtures', () => {
  it('invalid YAML', () => {
    const { diagnostics, manifests } = loadCase('yaml-syntax');
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', file: 'yaml-syntax/broken.yaml', line: 8 });
    expectDiagnostic(diagnostics, { code: 'yaml-syntax', file: 'yaml-syntax/broken.yaml', line: 13, message: /quote/ });
    expect(manifests).toEqual([]);
  });

  it('alias bomb', () => {
    expectDiagnostic(loadCase('alias-bomb').diagnostics, { code: 'alias-limit', file: 'alias-bomb/bomb.yaml', line: 2 });
  });

  it('a document that is a list', () => {
    expectDiagnostic(loadCase('list-document').diagnostics, { code: 'not-a-mapping', file: 'list-document/list.yaml', line: 2 });
  });

  it('a document that is a scalar, next to a valid one', () => {
    const result = loadCase('scalar-document');
    expectDiagnostic(result.diagnostics, { code: 'not-a-mapping', file: 'scalar-document/scalar.yaml', line: 8 });
    expect(result.manifests).toHaveLength(1);
  });

  it('missing kind', () => {
    expectDiagnostic(loadCase('missing-kind').diagnostics, { code: 'missing-kind', file: 'missing-kind/doc.yaml', line: 1 });
  });

  it('unknown kind, with the nearest kind suggested', () => {
    const d = expectDiagnostic(loadCase('unknown-kind').diagnostics, { code: 'unknown-kind', file: 'unknown-kind/doc.yaml', line: 2, path: '/kind' });
    expect(d.message).toContain('did you mean "VirtualMachine"?');
  });

  it('wrong types, with readable messages at the exact node', () => {
    const { diagnostics } = loadCase('wrong-types');
    const file = 'wrong-types/vm.yaml';
    expect(expectDiagnostic(diagnostics, { file, line: 8, column: 9, path: '/spec/cpus' }).message).toBe('must be an integer from 1 to 512, got "many"');
    const memory = expectDiagnostic(diagnostics, { file, line: 9, path: '/spec/memoryMiB' });
    expect(memory.message).toBe('must be an integer >= 64, got "2048"');
    expect(memory.hint).toBe('write the number without quotes');
    const typo = expectDiagnostic(diagnostics, { file, line: 10, column: 3, path: '/spec/memoryMib' });
    expect(typo.message).toContain('did you mean "memoryMiB"?');
    expect(expectDiagnostic(diagnostics, { file, line: 11, path: '/spec/runStrategy' }).hint).toBe('did you mean "Always"?');
    expectDiagnostic(diagnostics, { file, line: 12, path: '/spec/deletionProtection', message: /true or false, got "yes"/ });
    expectDiagnostic(diagnostics, { file, line: 13, path: '/spec/disks', message: /must be a list/ });
    for (const d of diagnostics) expect(d.resource).toEqual({ kind: 'VirtualMachine', name: 'typed' });
  });

  it.each([
    [4, 'web;reboot'], [10, '$(rm -rf /)'], [16, '../../etc/passwd'], [22, '<domain>'], [28, 'it\'s"quoted'], [34, 'two\nlines'],
  ])('refuses an unsafe name (line %i)', (line, name) => {
    const { diagnostics, manifests } = loadCase('unsafe-names');
    const d = expectDiagnostic(diagnostics, { file: 'unsafe-names/names.yaml', line, path: '/metadata/name', code: 'schema' });
    expect(d.message).toContain(`got ${JSON.stringify(name)}`);
    expect(d.message).not.toMatch(/[\n\r]/);
    expect(manifests).toEqual([]);
  });

  it('duplicate keys', () => {
    const d = expectDiagnostic(loadCase('duplicate-keys').diagnostics, { code: 'duplicate-key', file: 'duplicate-keys/dup.yaml', line: 8, path: '/spec/address' });
    expect(d.message).toContain('duplicate-keys/dup.yaml:6:3');
  });

  it('other apiVersions are skipped with a notice; other gitvirt.io versions are refused', () => {
    const result = loadCase('other-api-version');
    expectDiagnostic(result.notices, { code: 'other-api-version', severity: 'info', file: 'other-api-version/k8s.yaml', line: 1 });
    expectDiagnostic(result.diagnostics, { code: 'unsupported-api-version', file: 'other-api-version/k8s.yaml', line: 8 });
    expect(result.diagnostics.every((d) => d.severity !== 'info')).toBe(true);
  });
});

describe('schema messages', () => {
  it('missing apiVersion and kind are both named', () => {
    const { diagnostics } = validate('metadata: { name: a }\n');
    expectDiagnostic(diagnostics, { code: 'missing-api-version', line: 1 });
    expectDiagnostic(diagnostics, { code: 'missing-kind', line: 1 });
  });

  it('points a missing required property at its parent object', () => {
    const { diagnostics } = validate(`${header('VirtualMachine')}spec:\n  placement: { zone: a }\n  cpus: 1\n  disks: [{ name: r, sizeGiB: 1 }]\n`);
    const d = expectDiagnostic(diagnostics, { code: 'schema', path: '/spec', line: 5, column: 1 });
    expect(d.message).toBe('missing required property "memoryMiB"');
  });

  it('names the condition of conditional requirements', () => {
    const { diagnostics } = validate(`${header('Network')}spec:\n  mode: bridge\n  dhcp: { start: 10.0.0.2, end: 10.0.0.9 }\n`);
    expectDiagnostic(diagnostics, { path: '/spec', message: 'missing required property "bridge" when mode is "bridge"' });
    expectDiagnostic(diagnostics, { path: '/spec/dhcp', line: 7, column: 3, message: 'is not allowed here when mode is "bridge"' });
  });

  it.each([
    ['{ url: "https://example.com/a.qcow2" }', 'missing required property "sha256"', '/spec/source'],
    ['{}', 'must contain url + sha256, or path', '/spec/source'],
    ['{ path: /images/a.qcow2, url: "https://example.com/a.qcow2" }', 'is not allowed here', '/spec/source/url'],
  ])('collapses oneOf alternatives into one clear message: %s', (source, message, path) => {
    const { diagnostics } = validate(`${header('Image')}spec:\n  source: ${source}\n`);
    const schema = diagnostics.filter((d) => d.code === 'schema');
    expect(schema.map((d) => [d.path, d.message])).toEqual([[path, message]]);
  });

  it('reports an unknown member next to the alternatives it does not satisfy', () => {
    const { diagnostics } = validate(`${header('Image')}spec:\n  source: { nonsense: 1 }\n`);
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['/spec/source', 'must contain url + sha256, or path'],
      ['/spec/source/nonsense', 'unknown property "nonsense"'],
    ]);
  });

  it('says when both of two exclusive fields are set', () => {
    const vm = `${header('VirtualMachine')}spec:\n  placement: { zone: a }\n  cpus: 1\n  memoryMiB: 64\n  disks: [{ name: r, sizeGiB: 1 }]\n  health: { http: { port: 80 }, tcp: { port: 22 } }\n`;
    expectDiagnostic(validate(vm).diagnostics, { path: '/spec/health', message: 'sets more than one of: http, tcp' });
  });

  it('points an invalid label key at the key itself', () => {
    const d = expectDiagnostic(validate(`${header('Image')}  labels:\n    "bad key!": x\nspec: { source: { path: /a } }\n`).diagnostics, { path: '/metadata/labels/bad key!' });
    expect([d.line, d.column]).toEqual([6, 5]);
    expect(d.message).toMatch(/^key "bad key!" must be a label or annotation key/);
  });

  it('suggests the closest property at the top level', () => {
    const d = expectDiagnostic(validate(`${header('Image')}specs: { source: { path: /a } }\n`).diagnostics, { path: '/specs' });
    expect(d.message).toBe('unknown property "specs" (did you mean "spec"?)');
    expect(d.line).toBe(5);
  });

  it('keeps schema-invalid documents out of the manifests', () => {
    const result = validate(`${header('Image', 'a')}spec: { source: { path: relative } }\n---\n${header('Image', 'b')}spec: { source: { path: /abs } }\n`);
    expect(result.manifests.map((m) => m.resource.metadata.name)).toEqual(['b']);
    expect(isValid(result)).toBe(false);
  });

  it('a valid repository has no errors', () => {
    const result = loadCase('valid');
    expectNoErrors(result.diagnostics);
    expect(result.manifests).toHaveLength(10);
  });
});
