import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildValidationReport, formatCodeQuality } from '../../../controller/cli/format/index.js';
import type { CodeQualityIssue } from '../../../controller/cli/format/index.js';
import { diag, invalidResult, validResult } from '../../fixtures/cli/sample-result.js';

const SEVERITIES = ['blocker', 'critical', 'major', 'minor', 'info'];

/** Checks one issue against the GitLab Code Quality shape. */
function expectIssueShape(issue: CodeQualityIssue): void {
  expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
  expect(typeof issue.description).toBe('string');
  expect(issue.description.length).toBeGreaterThan(0);
  expect(typeof issue.check_name).toBe('string');
  expect(issue.fingerprint).toMatch(/^[0-9a-f]{40}$/);
  expect(SEVERITIES).toContain(issue.severity);
  expect(typeof issue.location.path).toBe('string');
  expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
}

describe('formatCodeQuality', () => {
  it('emits one well-formed issue per diagnostic', () => {
    const issues = JSON.parse(formatCodeQuality(buildValidationReport({ result: invalidResult(), strict: false }))) as CodeQualityIssue[];
    expect(issues).toHaveLength(3);
    issues.forEach(expectIssueShape);
    expect(issues[2]).toMatchObject({
      check_name: 'schema',
      severity: 'critical',
      description: 'VirtualMachine/web /spec/memoryMiB: must be >= 64 (give the VM at least 64 MiB)',
      location: { path: 'vms/web.yaml', lines: { begin: 12 } },
    });
    expect(issues.find((i) => i.check_name === 'host-overcommitted')?.severity).toBe('minor');
  });

  it('fingerprints are sha1 of file, path, code and message, stable across runs and line moves', () => {
    const d = diag({ file: 'vms/web.yaml', line: 12, path: '/spec/memoryMiB', code: 'schema', message: 'must be >= 64' });
    const moved = { ...d, line: 30, column: 1 };
    const fp = (x: typeof d) => (JSON.parse(formatCodeQuality(buildValidationReport({ result: { ...validResult(), diagnostics: [x] }, strict: false }))) as CodeQualityIssue[])[0]!.fingerprint;
    const expected = createHash('sha1').update(['vms/web.yaml', '/spec/memoryMiB', 'schema', 'must be >= 64'].join('\0')).digest('hex');
    expect(fp(d)).toBe(expected);
    expect(fp(moved)).toBe(expected);
    expect(fp({ ...d, message: 'must be >= 128' })).not.toBe(expected);
  });

  it('keeps fingerprints unique for identical findings', () => {
    const d = diag({ file: 'a.yaml', line: 1, message: 'same' });
    const result = { ...validResult(), diagnostics: [d, { ...d, line: 9 }] };
    const issues = JSON.parse(formatCodeQuality(buildValidationReport({ result, strict: false }))) as CodeQualityIssue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('maps unreadable files to blocker and strict warnings to major', () => {
    const result = {
      ...validResult(),
      diagnostics: [diag({ file: 'a.yaml', line: 3, code: 'yaml-syntax', message: 'bad indentation' }), diag({ file: 'b.yaml', line: 1, severity: 'warning', code: 'w', message: 'w' })],
    };
    const issues = JSON.parse(formatCodeQuality(buildValidationReport({ result, strict: true }))) as CodeQualityIssue[];
    expect(issues.map((i) => i.severity)).toEqual(['blocker', 'major']);
  });

  it('is an empty array for a valid repository', () => {
    expect(JSON.parse(formatCodeQuality(buildValidationReport({ result: validResult(), strict: false })))).toEqual([]);
  });
});
