import { describe, expect, it } from 'vitest';
import { buildValidationReport, formatJson } from '../../../controller/cli/format/index.js';
import { invalidResult, validResult } from '../../fixtures/cli/sample-result.js';

describe('formatJson', () => {
  it('has the documented shape with a fixed key order', () => {
    const parsed = JSON.parse(formatJson(buildValidationReport({ result: invalidResult(), strict: false })));
    expect(Object.keys(parsed)).toEqual(['valid', 'summary', 'diagnostics', 'notices']);
    expect(parsed.valid).toBe(false);
    expect(parsed.summary).toEqual({ files: 3, documents: 5, errors: 2, warnings: 1, infos: 0, skipped: 1, strict: false });
    expect(parsed.diagnostics[2]).toEqual({
      severity: 'error',
      code: 'schema',
      message: 'must be >= 64',
      hint: 'give the VM at least 64 MiB',
      file: 'vms/web.yaml',
      line: 12,
      column: 14,
      path: '/spec/memoryMiB',
      resource: { kind: 'VirtualMachine', name: 'web' },
    });
    expect(Object.keys(parsed.diagnostics[0])).toEqual(['severity', 'code', 'message', 'file', 'line', 'column', 'path', 'resource']);
    expect(parsed.notices).toHaveLength(1);
  });

  it('is valid with no diagnostics', () => {
    const parsed = JSON.parse(formatJson(buildValidationReport({ result: validResult(), strict: true })));
    expect(parsed).toMatchObject({ valid: true, summary: { errors: 0, strict: true }, diagnostics: [], notices: [] });
  });
});
