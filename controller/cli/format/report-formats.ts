import { formatCodeQuality } from './format-codequality.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatText } from './format-text.js';
import type { TextFormatOptions } from './format-text.js';
import type { ValidationReport } from './validation-report.js';

/** Names accepted by `--format`. */
export type ReportFormat = 'text' | 'json' | 'junit' | 'codequality';

/** Renders a report in one format; `text` options only matter to the text format. */
export type ReportFormatter = (report: ValidationReport, text: TextFormatOptions) => string;

/** Every report format, by name. */
export const REPORT_FORMATS: Readonly<Record<ReportFormat, ReportFormatter>> = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  codequality: formatCodeQuality,
};

/** The `--format` choices, in help order. */
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];
