/**
 * Report formats of `gitvirt validate`: pure functions from a validation report to text, JSON,
 * JUnit XML (Jenkins) and GitLab Code Quality JSON.
 */
export { buildValidationReport, compareDiagnostics, isFailing } from './validation-report.js';
export type { BuildReportArgs, ReportDocument, ReportSummary, ValidationInput, ValidationReport } from './validation-report.js';
export { formatText, diagnosticLine } from './format-text.js';
export type { TextFormatOptions } from './format-text.js';
export { formatJson, toJsonReport } from './format-json.js';
export type { JsonDiagnostic, JsonReport } from './format-json.js';
export { formatJunit } from './format-junit.js';
export { formatCodeQuality, toCodeQuality, codeQualityFingerprint } from './format-codequality.js';
export type { CodeQualityIssue, CodeQualitySeverity } from './format-codequality.js';
export { REPORT_FORMATS, REPORT_FORMAT_NAMES } from './report-formats.js';
export type { ReportFormat, ReportFormatter } from './report-formats.js';
export { summaryLine, plural } from './summary-line.js';
export { sourceExcerpt } from './source-excerpt.js';
export { painter, printable } from './style.js';
export type { Paint, StyleName } from './style.js';
export { escapeXmlAttr, escapeXmlText } from './xml-escape.js';
