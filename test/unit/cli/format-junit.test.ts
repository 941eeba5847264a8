import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildValidationReport, formatJunit } from '../../../controller/cli/format/index.js';
import { diag, doc, invalidResult, validResult } from '../../fixtures/cli/sample-result.js';

interface Parsed {
  testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: Suite[] };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: Case[];
  'system-out'?: string;
}
interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string };
}

/** Parses JUnit XML back, after checking it is well-formed. */
function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml) as Parsed;
}

describe('formatJunit', () => {
  it('has one testsuite per file, passing cases for valid documents and failing cases per check', () => {
    const parsed = parse(formatJunit(buildValidationReport({ result: invalidResult(), strict: false })));
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(['hosts/hv1.yaml', 'networks/lan.yaml', 'vms/web.yaml']);
    const web = suites[2]!;
    expect(web.testcase.map((c) => c['@_name'])).toEqual([
      'VirtualMachine/web schema /spec/memoryMiB',
      'VirtualMachine/web-2',
      'document at line 40 (skipped)',
    ]);
    const failure = web.testcase[0]!.failure!;
    expect(failure['@_message']).toBe('must be >= 64');
    expect(failure['@_type']).toBe('schema');
    expect(failure['#text']).toBe('vms/web.yaml:12:14 /spec/memoryMiB: error: must be >= 64 (give the VM at least 64 MiB)');
    expect(web.testcase[2]!.skipped!['@_message']).toBe('skipped document with apiVersion example.com/v1');
    expect(parsed.testsuites['@_failures']).toBe('2');
    expect(parsed.testsuites['@_skipped']).toBe('1');
    expect(parsed.testsuites['@_tests']).toBe('5');
    // the warning does not fail without --strict; it is kept in the suite's output
    expect(suites[0]!.testcase.map((c) => c['@_name'])).toEqual(['Host/hv1']);
    expect(suites[0]!['system-out']).toContain('warning: VMs ask for 40 GiB of 32 GiB');
  });

  it('turns warnings into failures with strict', () => {
    const parsed = parse(formatJunit(buildValidationReport({ result: invalidResult(), strict: true })));
    expect(parsed.testsuites['@_failures']).toBe('3');
    expect(parsed.testsuites.testsuite[0]!.testcase[0]!.failure!['@_type']).toBe('host-overcommitted');
  });

  it('survives hostile messages, paths and names', () => {
    const hostile = `<script>alert("x")</script> & ' ]]> \u0000\u0001\u001b[31m \ud800 line1\nline2\ttab 🚀`;
    const file = `we"ird<&>'.yaml`;
    const result = {
      manifests: [doc(file, 0, 1, 'Host', 'a&b<c>')],
      diagnostics: [diag({ file, line: 2, code: 'x"<y>', path: '/spec/"a"/<b>', message: hostile, hint: hostile, resource: { kind: 'Host', name: 'z' } })],
      notices: [diag({ file, line: 9, severity: 'info', code: 'n', message: hostile })],
      stats: { files: 1, documents: 2 },
    };
    const xml = formatJunit(buildValidationReport({ result, strict: false }));
    const parsed = parse(xml);
    const suite = parsed.testsuites.testsuite[0]!;
    expect(suite['@_name']).toBe(file);
    const failing = suite.testcase.find((c) => c.failure !== undefined)!;
    const visible = hostile.replace('\u0000', '\\u0000').replace('\u0001', '\\u0001').replace('\u001b', '\\u001b').replace('\ud800', '\\ud800');
    expect(failing.failure!['@_message']).toBe(visible);
    expect(failing.failure!['#text']).toContain(visible);
    expect(failing['@_name']).toBe('Host/z x"<y> /spec/"a"/<b>');
    expect(suite.testcase.find((c) => c.skipped !== undefined)!.skipped!['@_message']).toBe(visible);
    expect(suite.testcase.some((c) => c['@_name'] === 'Host/a&b<c>')).toBe(true);
  });

  it('is a well-formed empty report for a valid repository with only passing cases', () => {
    const parsed = parse(formatJunit(buildValidationReport({ result: validResult(), strict: false })));
    expect(parsed.testsuites['@_failures']).toBe('0');
    expect(parsed.testsuites.testsuite[0]!.testcase[0]!['@_name']).toBe('Host/hv1');
  });
});
