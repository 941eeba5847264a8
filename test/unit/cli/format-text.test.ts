import { describe, expect, it } from 'vitest';
import { buildValidationReport, formatText } from '../../../controller/cli/format/index.js';
import { formatDiagnostic } from '../../../controller/types/diagnostic.js';
import { diag, invalidResult, validResult, WEB_YAML } from '../../fixtures/cli/sample-result.js';

describe('formatText', () => {
  it('prints one formatDiagnostic line per diagnostic, sorted, then the summary', () => {
    const report = buildValidationReport({ result: invalidResult(), strict: false });
    const lines = formatText(report).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(report.diagnostics.map(formatDiagnostic));
    expect(lines[0]).toBe('hosts/hv1.yaml:5:3 /spec: warning: VMs ask for 40 GiB of 32 GiB');
    expect(lines[2]).toBe('vms/web.yaml:12:14 /spec/memoryMiB: error: must be >= 64 (give the VM at least 64 MiB)');
    expect(lines.at(-1)).toBe('2 errors, 1 warning in 3 files (5 documents); 1 document skipped (other apiVersion)');
  });

  it('summarises a valid repository with a check mark', () => {
    const text = formatText(buildValidationReport({ result: validResult(), strict: false }));
    expect(text).toBe('✓ 37 documents in 14 files are valid\n');
  });

  it('fails on warnings only with strict, and says so', () => {
    const result = { ...validResult(), diagnostics: [diag({ file: 'a.yaml', line: 1, severity: 'warning', code: 'w', message: 'careful' })] };
    expect(formatText(buildValidationReport({ result, strict: false }))).toContain('✓ 37 documents in 14 files are valid (1 warning)');
    const strict = buildValidationReport({ result, strict: true });
    expect(strict.valid).toBe(false);
    expect(formatText(strict)).toContain('1 warning in 14 files (37 documents) (warnings fail with --strict)');
  });

  it('uses ANSI colours only when asked', () => {
    const report = buildValidationReport({ result: invalidResult(), strict: false });
    expect(formatText(report)).not.toContain('\u001b[');
    const coloured = formatText(report, { color: true });
    expect(coloured).toContain('\u001b[1;31merror\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatText(report));
  });

  it('shows the offending line with a caret under the column', () => {
    const report = buildValidationReport({ result: invalidResult(), strict: false });
    const text = formatText(report, { excerpts: true, sources: new Map([['vms/web.yaml', WEB_YAML]]) });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('vms/web.yaml:12:14'));
    expect(lines[at + 1]).toBe('  12 |   memoryMiB: 32');
    expect(lines[at + 2]).toBe('     |              ^');
    expect(lines[at + 2]?.indexOf('^')).toBe(lines[at + 1]!.indexOf('32'));
  });

  it('windows very long lines around the column', () => {
    const long = `key: ${'x'.repeat(300)}BAD${'y'.repeat(300)}`;
    const result = { ...validResult(), diagnostics: [diag({ file: 'a.yaml', line: 1, column: 306, message: 'bad' })] };
    const text = formatText(buildValidationReport({ result, strict: false }), { excerpts: true, sources: new Map([['a.yaml', long]]) });
    const [, src, caret] = text.split('\n');
    expect(src!.length).toBeLessThan(140);
    expect(src!.indexOf('BAD')).toBe(caret!.indexOf('^'));
  });

  it('makes control characters in messages and sources visible', () => {
    const hostile = diag({ file: 'a.yaml', line: 1, column: 1, message: 'bad key \u001b[2J\rfake line', hint: 'x\u0007' });
    const text = formatText(buildValidationReport({ result: { ...validResult(), diagnostics: [hostile] }, strict: false }), {
      excerpts: true,
      sources: new Map([['a.yaml', 'k\u001b[31m: v']]),
    });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('bad key \\u001b[2J\\u000dfake line (x\\u0007)');
  });

  it('lists notices only when verbose', () => {
    const report = buildValidationReport({ result: invalidResult(), strict: false });
    expect(formatText(report)).not.toContain('apiVersion example.com/v1');
    expect(formatText(report, { verbose: true })).toContain('vms/web.yaml:40:1: info: skipped document with apiVersion example.com/v1');
  });

  it('prefixes displayed paths', () => {
    const report = buildValidationReport({ result: invalidResult(), strict: false, displayPath: (f) => `infra/${f}` });
    expect(formatText(report)).toContain('infra/vms/web.yaml:12:14 ');
    expect(report.documents.every((d) => d.file.startsWith('infra/'))).toBe(true);
  });
});
