import type { PlanReport } from './plan-report.js';

/** Version of the JSON plan document; bumped when a field changes meaning. */
export const PLAN_JSON_VERSION = 1;

/** The plan report as a JSON document (`{ version, ...report }`), for tools. Action parameters are left out: they may hold cloud-init data. */
export function formatPlanJson(report: PlanReport): string {
  return `${JSON.stringify({ version: PLAN_JSON_VERSION, ...report }, null, 2)}\n`;
}
