import { formatDiagnostic } from '../../types/diagnostic.js';
import type { Diagnostic } from '../../types/diagnostic.js';
import { plural } from './summary-line.js';
import { isFailing } from './validation-report.js';
import type { ReportDocument, ValidationReport } from './validation-report.js';
import { escapeXmlText, xmlAttrs } from './xml-escape.js';

/** One `<testcase>` before rendering; `line` orders cases inside a suite. */
interface Case {
  line: number;
  name: string;
  file: string;
  body: string;
  outcome: 'passed' | 'failed' | 'skipped';
}

/** `Kind/name` of a resource, or '' when unknown. */
function resourceLabel(r: { kind: string; name: string } | undefined): string {
  return r === undefined ? '' : `${r.kind}/${r.name}`;
}

/** A failing check: named after resource, check and JSON path; the failure carries message and location. */
function failureCase(d: Diagnostic): Case {
  const label = [resourceLabel(d.resource), d.code, d.path === '' ? '' : d.path].filter((p) => p !== '').join(' ');
  const attrs = xmlAttrs({ message: d.message, type: d.code });
  return {
    line: d.line,
    name: label,
    file: d.file,
    body: `<failure${attrs}>${escapeXmlText(formatDiagnostic(d))}</failure>`,
    outcome: 'failed',
  };
}

/** A document skipped for another apiVersion. */
function skippedCase(d: Diagnostic): Case {
  const label = resourceLabel(d.resource) || `document at line ${d.line}`;
  return { line: d.line, name: `${label} (skipped)`, file: d.file, body: `<skipped${xmlAttrs({ message: d.message })}/>`, outcome: 'skipped' };
}

/** A valid document. */
function documentCase(doc: ReportDocument): Case {
  return { line: doc.line, name: `${doc.kind}/${doc.name}`, file: doc.file, body: '', outcome: 'passed' };
}

/** Renders one `<testsuite>` for a file. */
function suite(file: string, cases: readonly Case[], notes: readonly Diagnostic[]): string {
  const ordered = [...cases].sort((a, b) => a.line - b.line);
  const failures = ordered.filter((c) => c.outcome === 'failed').length;
  const skipped = ordered.filter((c) => c.outcome === 'skipped').length;
  const head = `  <testsuite${xmlAttrs({ name: file, tests: ordered.length, failures, errors: 0, skipped })}>`;
  const body = ordered.map((c) => {
    const attrs = xmlAttrs({ classname: c.file, name: c.name, file: c.file });
    return c.body === '' ? `    <testcase${attrs}/>` : `    <testcase${attrs}>\n      ${c.body}\n    </testcase>`;
  });
  const out = notes.length === 0 ? [] : [`    <system-out>${escapeXmlText(notes.map(formatDiagnostic).join('\n'))}</system-out>`];
  return [head, ...body, ...out, '  </testsuite>'].join('\n');
}

/**
 * JUnit XML for Jenkins and GitLab: one `<testsuite>` per file; inside it one passing
 * `<testcase>` per valid document and one failing `<testcase>` per failing check (with message,
 * check code and location). Skipped documents are `<skipped>` cases; diagnostics that do not fail
 * validation (warnings without `--strict`) go to the suite's `<system-out>`. Pure.
 */
export function formatJunit(report: ValidationReport): string {
  const strict = report.summary.strict;
  const failing = report.diagnostics.filter((d) => isFailing(d, strict));
  const quiet = report.diagnostics.filter((d) => !isFailing(d, strict));
  const failedResources = new Set(failing.filter((d) => d.resource !== undefined).map((d) => `${d.file}\0${resourceLabel(d.resource)}`));
  const files = new Map<string, { cases: Case[]; notes: Diagnostic[] }>();
  const entry = (file: string) => {
    let e = files.get(file);
    if (e === undefined) files.set(file, (e = { cases: [], notes: [] }));
    return e;
  };
  for (const doc of report.documents) {
    if (!failedResources.has(`${doc.file}\0${doc.kind}/${doc.name}`)) entry(doc.file).cases.push(documentCase(doc));
  }
  for (const d of failing) entry(d.file).cases.push(failureCase(d));
  for (const d of report.notices) entry(d.file).cases.push(skippedCase(d));
  for (const d of quiet) entry(d.file).notes.push(d);
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const all = names.flatMap((f) => files.get(f)?.cases ?? []);
  const totals = {
    name: `gitvirt validate: ${plural(report.summary.documents, 'document')} in ${plural(report.summary.files, 'file')}`,
    tests: all.length,
    failures: all.filter((c) => c.outcome === 'failed').length,
    errors: 0,
    skipped: all.filter((c) => c.outcome === 'skipped').length,
  };
  const suites = names.map((f) => {
    const e = files.get(f) ?? { cases: [], notes: [] };
    return suite(f, e.cases, e.notes);
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${xmlAttrs(totals)}>`, ...suites, '</testsuites>', ''].join('\n');
}
