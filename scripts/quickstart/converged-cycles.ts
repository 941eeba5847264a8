/** Reads the number of converged cycles from the controller's Prometheus text (pure). */

const SAMPLE = /^gitvirt_cycles_total\{([^}]*)\}\s+([0-9.eE+-]+)\s*$/;

/** The value of `gitvirt_cycles_total{outcome="<outcome>"}` in a metrics page; 0 when absent. */
export function cyclesWithOutcome(metrics: string, outcome: string): number {
  for (const line of metrics.split('\n')) {
    const match = SAMPLE.exec(line.trim());
    if (match === null || !(match[1] ?? '').split(',').includes(`outcome="${outcome}"`)) continue;
    const value = Number(match[2]);
    return Number.isFinite(value) ? value : 0;
  }
  return 0;
}
